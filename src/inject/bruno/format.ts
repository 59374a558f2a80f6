// What differs between Bruno's two file formats, for inject: file names, how auth is read, how our parts are written.

import type { ItemDefinition } from "../../generator/collection/requests.js";
import type { AuthMode } from "./auth-mode.js";

export interface EditedRequest {
  readonly mode: AuthMode;
  /** The file's new text (the same text when nothing changed). */
  readonly text: string;
}

export interface BrunoFormat {
  /** In messages: "OpenCollection YAML" or ".bru". */
  readonly name: string;
  readonly ext: ".yml" | ".bru";
  readonly collectionFile: string;
  readonly folderFile: string;
  /** The collection file with our auth and auto-auth (text undefined: the file is missing), and its warnings. */
  collectionRoot(text: string | undefined, file: string): { readonly text: string; readonly warnings: string[] };
  folderAuth(text: string, file: string): AuthMode;
  /**
   * A request file with its auth mode, without the 401 watcher an earlier inject put in it (the collection's tests
   * watch now); undefined for a file that is not a request we handle (a gRPC or WebSocket request, a script file).
   */
  request(text: string, file: string): EditedRequest | undefined;
  /** The Authenticate folder's files, relative to the folder, as text. */
  folderFiles(folder: ItemDefinition, description: string): Map<string, string>;
}
