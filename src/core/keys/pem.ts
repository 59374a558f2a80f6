// PEM text as users paste it: undoing the ways it gets mangled, then its blocks, headers and bytes.

import { base64ToBytes } from "../crypto/base64url.js";

export interface PemBlock {
  /** What the BEGIN line says: "PRIVATE KEY", "RSA PRIVATE KEY", "CERTIFICATE", … */
  readonly label: string;
  /** Whether the matching END line is there. */
  readonly ended: boolean;
  /** The legacy encryption header "Proc-Type: 4,ENCRYPTED" is there. */
  readonly encrypted: boolean;
  /** Its "DEK-Info: cipher,iv" header, when present. */
  readonly dekInfo?: { readonly cipher: string; readonly iv: string };
  /** The base64 text between the lines, headers and whitespace removed. */
  readonly base64: string;
}

/**
 * Undoes the ways a PEM gets mangled on its way into a variable: a BOM, JSON quotes around it,
 * newlines turned into literal \n or \r\n escapes (and / into \/, as some JSON writers do), the
 * whole PEM base64-encoded (CI secrets).
 */
export function normalizePem(text: string): string {
  let pem = text.replace(/^\uFEFF/, "").trim();
  if (pem.length >= 2 && pem.startsWith('"') && pem.endsWith('"')) pem = pem.slice(1, -1).trim();
  if (!pem.includes("-----BEGIN") && /^[A-Za-z0-9+/=\s]+$/.test(pem)) {
    const decoded = bytesToLatin1(base64ToBytes(pem.replace(/\s+/g, "")) ?? []);
    if (decoded.includes("-----BEGIN")) pem = decoded.replace(/^\uFEFF|^\xef\xbb\xbf/, "").trim();
  }
  return pem
    .replace(/\\r\\n|\\n|\\r/g, "\n")
    .replace(/\\\//g, "/")
    .replace(/\r\n?/g, "\n");
}

function bytesToLatin1(bytes: readonly number[]): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 4096) text += String.fromCharCode(...bytes.slice(i, i + 4096));
  return text;
}

/** Every BEGIN … END block, in order (a block without its END line runs to the end of the text). */
export function pemBlocks(pem: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const begin = /-----BEGIN ([A-Z0-9 ]{1,40})-----/g;
  // Nobody pastes more than a few blocks; the bound keeps hostile text from costing quadratic time.
  for (let match = begin.exec(pem); match && blocks.length < 8; match = begin.exec(pem)) {
    const label = match[1]!;
    const from = match.index + match[0].length;
    const endLine = `-----END ${label}-----`;
    const end = pem.indexOf(endLine, from);
    const next = pem.indexOf("-----BEGIN ", from);
    const ended = end >= 0 && (next < 0 || end < next);
    let body = pem.slice(from, ended ? end : next < 0 ? pem.length : next);
    if (ended) begin.lastIndex = end + endLine.length;
    // RFC 1421 headers; matched loosely so that a PEM flattened onto one line still reads.
    let dekInfo: PemBlock["dekInfo"];
    const dek = /DEK-Info:[ \t]*([A-Za-z0-9-]+)[ \t]*,[ \t]*([0-9A-Fa-f]*)/.exec(body);
    if (dek) dekInfo = { cipher: dek[1]!.toUpperCase(), iv: dek[2]! };
    const encrypted = /Proc-Type:[ \t]*4[ \t]*,[ \t]*ENCRYPTED/.test(body);
    body = body.replace(/Proc-Type:[ \t]*[0-9]+[ \t]*,[ \t]*[A-Z-]+|DEK-Info:[ \t]*[A-Za-z0-9-]+[ \t]*,[ \t]*[0-9A-Fa-f]*/g, "");
    blocks.push({ label, ended, encrypted, ...(dekInfo ? { dekInfo } : {}), base64: body.replace(/\s+/g, "") });
  }
  return blocks;
}

/** The bytes of a block's base64; undefined when it holds anything else. */
export function blockBytes(block: PemBlock): number[] | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(block.base64) || block.base64.length % 4 === 1) return undefined;
  return base64ToBytes(block.base64);
}

/**
 * The line (1 = the BEGIN line) of the first character that is not base64: a message may say where
 * the damage is, never what is there (a key's text must not end up in a message).
 */
export function firstBadLine(pem: string, label: string): number {
  const lines = pem.split("\n");
  const first = lines.findIndex((line) => line.includes(`-----BEGIN ${label}-----`));
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith("-----END")) break;
    if (/^(Proc-Type|DEK-Info):/.test(line)) continue;
    if (!/^[A-Za-z0-9+/=]*$/.test(line)) return i - first + 1;
  }
  return 0;
}
