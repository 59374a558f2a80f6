// A strict, bounded DER reader for the few structures private keys use. Hostile input cannot make it
// loop or recurse without end: every length is checked against its parent before it is trusted.

import type { Bytes } from "./bytes.js";

export const SEQUENCE = 0x30;
export const INTEGER = 0x02;
export const OCTET_STRING = 0x04;
export const OID = 0x06;

/** A malformed or unexpected structure; callers turn it into the message for their variable. */
export class DerError extends Error {
  /** True when the data simply ends too early (a truncated key) rather than being garbled. */
  constructor(readonly truncated = false) {
    super("malformed DER");
  }
}

export interface Tlv {
  readonly tag: number;
  /** Offset of the first content byte. */
  readonly start: number;
  /** Offset just past the content. */
  readonly end: number;
}

/** The element at `offset`, which must end by `limit`. Long lengths up to 3 bytes (16 MB), no indefinite form. */
export function readTlv(bytes: Bytes, offset: number, limit = bytes.length): Tlv {
  if (offset + 2 > limit) throw new DerError(offset + 2 > bytes.length);
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if ((tag & 0x1f) === 0x1f) throw new DerError();
  if (length > 0x80) {
    const count = length - 0x80;
    // Four or more length bytes is no key we read (garbage), however much input follows.
    if (count > 3) throw new DerError();
    if (start + count > limit) throw new DerError(start + count > bytes.length);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start++]!;
  } else if (length === 0x80) throw new DerError();
  const end = start + length;
  // Running past the end of the whole input is a cut-short key; past a parent's end is garbage.
  if (end > limit) throw new DerError(end > bytes.length);
  return { tag, start, end };
}

/** The element at `offset` with the expected tag. */
export function expectTlv(bytes: Bytes, offset: number, tag: number, limit?: number): Tlv {
  const tlv = readTlv(bytes, offset, limit);
  if (tlv.tag !== tag) throw new DerError();
  return tlv;
}

/** The elements inside a constructed element, in order. */
export function children(bytes: Bytes, parent: Tlv): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; offset = items[items.length - 1]!.end)
    items.push(readTlv(bytes, offset, parent.end));
  return items;
}

/** The content bytes of an element. */
export function content(bytes: Bytes, tlv: Tlv): number[] {
  return Array.prototype.slice.call(bytes, tlv.start, tlv.end) as number[];
}

/** An OBJECT IDENTIFIER in dotted form ("1.2.840.113549.1.1.1"). */
export function oidText(bytes: Bytes, tlv: Tlv): string {
  if (tlv.tag !== OID || tlv.end === tlv.start || tlv.end - tlv.start > 32) throw new DerError();
  const arcs: number[] = [];
  let value = 0;
  for (let i = tlv.start; i < tlv.end; i++) {
    value = value * 128 + (bytes[i]! & 0x7f);
    if (!(bytes[i]! & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const top = Math.min(2, Math.floor(first / 40));
  return [top, first - 40 * top, ...arcs].join(".");
}

/** A small non-negative INTEGER (versions, iteration counts); throws when it does not fit in 31 bits. */
export function smallInteger(bytes: Bytes, tlv: Tlv): number {
  if (tlv.tag !== INTEGER || tlv.end === tlv.start || tlv.end - tlv.start > 4 || bytes[tlv.start]! & 0x80) throw new DerError();
  let value = 0;
  for (let i = tlv.start; i < tlv.end; i++) value = value * 256 + bytes[i]!;
  if (value > 0x7fffffff) throw new DerError();
  return value;
}

/** Bit length of a positive INTEGER's value (leading zero bytes ignored); throws on a negative one. */
export function integerBits(bytes: Bytes, tlv: Tlv): number {
  if (tlv.tag !== INTEGER || tlv.end === tlv.start || bytes[tlv.start]! & 0x80) throw new DerError();
  let i = tlv.start;
  while (i < tlv.end && bytes[i] === 0) i++;
  if (i === tlv.end) return 0;
  return (tlv.end - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}
