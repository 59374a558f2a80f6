// Every request URL we emit carries `raw` (first, as Postman exports it): the SDK's toJSON drops it, and clients
// other than Postman (Insomnia, Hoppscotch, Bruno's importer) show or send only `raw`.

import sdk from "postman-collection";

type Node = { request?: { url?: unknown }; item?: Node[] };

/** The collection (or item group) JSON with `url.raw` set on every request, in place; returned for chaining. */
export function withRawUrls<T>(json: T): T {
  const visit = (node: Node) => {
    const url = node.request?.url;
    if (url && typeof url === "object" && !Array.isArray(url)) {
      const { raw: _old, ...parts } = url as Record<string, unknown>;
      node.request!.url = { raw: new sdk.Url(parts as never).toString(), ...parts };
    }
    for (const item of node.item ?? []) visit(item);
  };
  visit(json as Node);
  return json;
}
