// `generate --target postman-v3`: the v3 collection folder and environments, by the rules of the other targets.

import { ImsAuthError } from "../../core/errors.js";
import { postmanV3Files } from "../postman-v3/postman-v3-collection.js";
import { type Generated, type WriteOptions, writeAllOrNone } from "./write.js";

/** DIR/postman/collections/adobe-ims/ and DIR/postman/environments/ (collections/postman/ in this repository). */
export function writePostmanV3Generated(root: string, options: WriteOptions = {}): Generated {
  if (options.name !== undefined && options.name.trim() === "")
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      "the collection's name is empty: give it a name (--name NAME), or leave it out for the default, Adobe IMS.",
    );
  const { force, ...collection } = options;
  return writeAllOrNone(root, postmanV3Files(collection), force === true);
}
