// Direct bounds tests of our DER reader: every length is checked against the input and its parent, cut-short
// input is told apart from garbage, and no input makes it read past its end, loop or recurse.

import { describe, expect, it } from "vitest";
import {
  children,
  DerError,
  expectTlv,
  integerBits,
  INTEGER,
  OCTET_STRING,
  oidText,
  readTlv,
  SEQUENCE,
  smallInteger,
} from "../../src/core/crypto/der.js";

const hex = (text: string): number[] => (text.replace(/\s+/g, "").match(/../g) ?? []).map((pair) => parseInt(pair, 16));

/** The DerError `read` throws, with whether it counts as truncated; fails the test when nothing is thrown. */
function derError(read: () => unknown): DerError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(DerError);
    return error as DerError;
  }
  throw new Error("expected a DerError, nothing was thrown");
}

describe("readTlv: lengths", () => {
  it("reads short and long (1 to 3 byte) lengths", () => {
    expect(readTlv(hex("04 03 aa bb cc"), 0)).toEqual({ tag: OCTET_STRING, start: 2, end: 5 });
    expect(readTlv([0x04, 0x81, 0x80, ...new Array<number>(0x80).fill(0)], 0)).toEqual({ tag: OCTET_STRING, start: 3, end: 0x83 });
    expect(readTlv([0x04, 0x82, 0x01, 0x00, ...new Array<number>(256).fill(0)], 0)).toEqual({ tag: OCTET_STRING, start: 4, end: 260 });
    expect(readTlv([0x04, 0x83, 0x01, 0x00, 0x00, ...new Array<number>(65536).fill(0)], 0)).toEqual({
      tag: OCTET_STRING,
      start: 5,
      end: 65541,
    });
  });

  it("an element cut short is a truncation: no length byte, length bytes missing, content missing", () => {
    expect(derError(() => readTlv(hex("30"), 0)).truncated).toBe(true);
    expect(derError(() => readTlv(hex(""), 0)).truncated).toBe(true);
    expect(derError(() => readTlv(hex("30 82 01"), 0)).truncated).toBe(true);
    expect(derError(() => readTlv(hex("04 05 aa bb"), 0)).truncated).toBe(true);
    expect(derError(() => readTlv(hex("30 82 01 00 02 01 00"), 0)).truncated).toBe(true);
  });

  it("over-long length forms are garbage, not truncation: 4+ length bytes, the indefinite form", () => {
    // 4 length bytes could announce 4 GB: refused before anything is read.
    expect(derError(() => readTlv(hex("04 84 00 00 00 01 aa"), 0)).truncated).toBe(false);
    expect(derError(() => readTlv(hex("04 ff 00"), 0)).truncated).toBe(false);
    expect(derError(() => readTlv(hex("30 80 02 01 00 00 00"), 0)).truncated).toBe(false);
  });

  it("high tag numbers (tag byte 0x1f form) are refused", () => {
    expect(derError(() => readTlv(hex("1f 81 00 00"), 0)).truncated).toBe(false);
    expect(derError(() => readTlv(hex("bf 01 00"), 0)).truncated).toBe(false);
  });

  it("an element running past its parent's end is garbage; past the whole input, truncation", () => {
    // SEQUENCE of 3 bytes holding an OCTET STRING that claims 4: inside the input, past the parent.
    const bytes = hex("30 03 04 04 aa bb cc dd");
    expect(derError(() => children(bytes, readTlv(bytes, 0))).truncated).toBe(false);
    expect(derError(() => readTlv(bytes, 2, 5)).truncated).toBe(false);
    expect(derError(() => readTlv(hex("30 03 04 04 aa"), 2, 5)).truncated).toBe(true);
  });

  it("a length header that itself crosses the parent's limit is refused", () => {
    expect(derError(() => readTlv(hex("04 82 00 01 aa"), 0, 3)).truncated).toBe(false);
    expect(derError(() => readTlv(hex("04"), 0, 1)).truncated).toBe(true);
  });
});

describe("children: trailing bytes and nesting", () => {
  it("lists the elements of a SEQUENCE in order", () => {
    const bytes = hex("30 06 02 01 05 04 01 aa");
    expect(children(bytes, readTlv(bytes, 0))).toEqual([
      { tag: INTEGER, start: 4, end: 5 },
      { tag: OCTET_STRING, start: 7, end: 8 },
    ]);
    expect(children(hex("30 00"), readTlv(hex("30 00"), 0))).toEqual([]);
  });

  it("a stray byte inside a SEQUENCE, after its last element, is refused", () => {
    const bytes = hex("30 04 02 01 05 00 30 00");
    expect(derError(() => children(bytes, readTlv(bytes, 0))).truncated).toBe(false);
    // At the very end of the input the same byte may be the start of an element cut short.
    expect(derError(() => children(hex("30 04 02 01 05 00"), readTlv(hex("30 04 02 01 05 00"), 0))).truncated).toBe(true);
  });

  it("bytes after the outer element are left to the caller, who can see them (end < length)", () => {
    const bytes = hex("30 03 02 01 05 ff ff");
    expect(readTlv(bytes, 0).end).toBe(5);
    expect(readTlv(bytes, 0).end).toBeLessThan(bytes.length);
  });

  it("reads one level at a time: 50000 nested SEQUENCEs cost one element, no recursion", () => {
    // Each SEQUENCE holds the next, and the innermost is empty; lengths are counted from the inside out.
    const depth = 50_000;
    const parts: number[][] = [];
    let length = 0;
    for (let i = 0; i < depth; i++) {
      const header =
        length < 0x80
          ? [0x30, length]
          : length < 0x100
            ? [0x30, 0x81, length]
            : length < 0x10000
              ? [0x30, 0x82, length >> 8, length & 255]
              : [0x30, 0x83, length >> 16, (length >> 8) & 255, length & 255];
      parts.push(header);
      length += header.length;
    }
    const bytes = parts.reverse().flat();
    expect(bytes.length).toBe(length);
    const outer = expectTlv(bytes, 0, SEQUENCE);
    expect(outer.end).toBe(bytes.length);
    expect(children(bytes, outer)).toHaveLength(1);
  });

  it("a nested element may not outgrow its parent even when the input is long enough", () => {
    const bytes = hex("30 05 30 05 02 01 00 00 00");
    const outer = readTlv(bytes, 0);
    expect(derError(() => children(bytes, outer)).truncated).toBe(false);
  });
});

describe("typed readers", () => {
  it("expectTlv refuses another tag", () => {
    expect(derError(() => expectTlv(hex("02 01 00"), 0, SEQUENCE)).truncated).toBe(false);
  });

  it("oidText reads rsaEncryption and PBES2, refuses empty, over-long and non-OID elements", () => {
    const rsa = hex("06 09 2a 86 48 86 f7 0d 01 01 01");
    expect(oidText(rsa, readTlv(rsa, 0))).toBe("1.2.840.113549.1.1.1");
    const pbes2 = hex("06 09 2a 86 48 86 f7 0d 01 05 0d");
    expect(oidText(pbes2, readTlv(pbes2, 0))).toBe("1.2.840.113549.1.5.13");
    const joint = hex("06 03 88 37 01"); // 2.999.1 (X.690 §8.19.5's example arc)
    expect(oidText(joint, readTlv(joint, 0))).toBe("2.999.1");
    derError(() => oidText(hex("06 00"), readTlv(hex("06 00"), 0)));
    const long = [0x06, 33, ...new Array<number>(33).fill(1)];
    derError(() => oidText(long, readTlv(long, 0)));
    derError(() => oidText(hex("04 01 2a"), readTlv(hex("04 01 2a"), 0)));
  });

  it("smallInteger reads up to 31 bits, refuses negative, empty, 5-byte and 32-bit values", () => {
    const read = (text: string): number => smallInteger(hex(text), readTlv(hex(text), 0));
    expect(read("02 01 00")).toBe(0);
    expect(read("02 02 08 00")).toBe(2048);
    expect(read("02 04 7f ff ff ff")).toBe(0x7fffffff);
    derError(() => read("02 00"));
    derError(() => read("02 01 80"));
    derError(() => read("02 05 00 7f ff ff ff"));
    derError(() => read("04 01 01"));
  });

  it("integerBits counts the value's bits, leading zero bytes aside, and refuses a negative INTEGER", () => {
    const bits = (text: string): number => integerBits(hex(text), readTlv(hex(text), 0));
    expect(bits("02 01 00")).toBe(0);
    expect(bits("02 01 01")).toBe(1);
    expect(bits("02 03 00 80 00")).toBe(16);
    expect(bits(`02 82 01 01 00 ${"ff ".repeat(256)}`)).toBe(2048);
    derError(() => bits("02 01 ff"));
    derError(() => bits("02 00"));
  });
});
