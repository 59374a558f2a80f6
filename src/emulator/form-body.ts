// Token request parameters as IMS reads them: a URL-encoded or multipart/form-data body (by Content-Type), and the query string.

/** The parameters of one request, or why its body could not be read (IMS's error shape). */
export type FormResult = { readonly ok: true; readonly fields: URLSearchParams } | { readonly ok: false; readonly description: string };

interface MediaType {
  readonly type: string;
  readonly parameters: ReadonlyMap<string, string>;
}

/** `multipart/form-data; boundary="x"` → type and parameters (names lower-cased, quotes and escapes removed). */
export function parseMediaType(header: string): MediaType {
  const [type = "", ...rest] = header.split(";");
  const parameters = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1).replace(/\\(.)/g, "$1");
    parameters.set(name, value);
  }
  return { type: type.trim().toLowerCase(), parameters };
}

/** The name of a part from its Content-Disposition header (`form-data; name="client_id"`), if it has one. */
function partName(headers: string): string | undefined {
  for (const line of headers.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== "content-disposition") continue;
    const disposition = parseMediaType(line.slice(colon + 1));
    if (disposition.type === "form-data") return disposition.parameters.get("name");
  }
  return undefined;
}

/**
 * RFC 7578 multipart/form-data: parts between `--boundary` lines, each headers, a blank line, the value.
 * Only what token requests carry (text fields) is read; a file part is read as text like any other.
 */
export function parseMultipart(body: string, boundary: string): FormResult {
  const fields = new URLSearchParams();
  const delimiter = `--${boundary}`;
  const sections = body.split(delimiter);
  // sections[0] is the preamble; the close delimiter leaves a section starting with "--".
  let closed = false;
  for (const section of sections.slice(1)) {
    if (section.startsWith("--")) {
      closed = true;
      break;
    }
    // The delimiter line may carry transport padding (spaces) before its line end; the value ends before the next delimiter's line end.
    const start = section.match(/^[ \t]*\r?\n/);
    if (!start) return { ok: false, description: "The multipart/form-data body is malformed (no line end after a boundary)." };
    const part = section.slice(start[0].length).replace(/\r?\n$/, "");
    const blank = /\r?\n\r?\n/.exec(part);
    const headers = blank ? part.slice(0, blank.index) : part;
    const name = partName(headers);
    if (name === undefined) return { ok: false, description: "A part of the multipart/form-data body has no Content-Disposition name." };
    fields.append(name, blank ? part.slice(blank.index + blank[0].length) : "");
  }
  if (!closed) return { ok: false, description: "The multipart/form-data body is malformed (no closing boundary)." };
  return { ok: true, fields };
}

/**
 * The body's fields by Content-Type. No Content-Type is read as URL-encoded (what curl -d and
 * Postman's urlencoded mode send); another type gives no fields, so IMS's usual "invalid client_id" follows.
 */
export function readForm(contentType: string | undefined, body: string): FormResult {
  const media = parseMediaType(contentType ?? "application/x-www-form-urlencoded");
  if (media.type === "multipart/form-data") {
    const boundary = media.parameters.get("boundary");
    if (!boundary) return { ok: false, description: "The multipart/form-data Content-Type has no boundary." };
    return parseMultipart(body, boundary);
  }
  if (media.type === "application/x-www-form-urlencoded" || body === "") return { ok: true, fields: new URLSearchParams(body) };
  return { ok: true, fields: new URLSearchParams() };
}
