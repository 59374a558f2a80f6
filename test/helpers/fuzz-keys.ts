// Damaged and hostile PRIVATE_KEY values for the fuzz test, from real keys: text-level and DER-level mutations,
// forged structures with absurd lengths, sizes and iteration counts.

import { der, OIDS, pem } from "./encrypted-keys.js";
import type { Random } from "./fuzz-values.js";

export interface FuzzKeys {
  readonly pkcs1: string;
  readonly pkcs8: string;
  readonly encrypted: string;
  readonly passphrase: string;
}

function body(text: string): Buffer {
  return Buffer.from(text.replace(/-----[A-Z ]+-----|Proc-Type:.*|DEK-Info:.*|\s/g, ""), "base64");
}

function mutateBytes(random: Random, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  switch (random.int(6)) {
    case 0:
      out[random.int(out.length)] = random.int(256);
      return out;
    case 1: {
      // A length byte made long-form, indefinite or absurd.
      const at = random.int(Math.min(out.length, 40));
      out[at] = random.pick([0x80, 0x84, 0x85, 0xff, 0x83]);
      return out;
    }
    case 2:
      return out.subarray(0, random.int(out.length));
    case 3:
      return Buffer.concat([out, Buffer.from(Array.from({ length: random.int(40) }, () => random.int(256)))]);
    case 4: {
      const at = random.int(out.length);
      return Buffer.concat([out.subarray(0, at), Buffer.from([random.int(256)]), out.subarray(at)]);
    }
    default:
      for (let i = random.int(8); i >= 0; i--) {
        const at = random.int(out.length);
        out[at] = (out[at] ?? 0) ^ (1 << random.int(8));
      }
      return out;
  }
}

function mutateText(random: Random, text: string): string {
  const at = random.int(text.length);
  switch (random.int(9)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + random.pick([" ", "\n", "\\n", '"', "=", "-", "\u0000", "é", "\u{1f600}"]) + text.slice(at);
    case 2: {
      const lines = text.split("\n");
      lines.splice(random.int(lines.length), 1 + random.int(3));
      return lines.join("\n");
    }
    case 3: {
      const lines = text.split("\n");
      const line = random.int(lines.length);
      lines.splice(line, 0, lines[line] ?? "");
      return lines.join("\n");
    }
    case 4:
      return text.replace(
        /-----(BEGIN|END) [A-Z ]+-----/g,
        `-----$1 ${random.pick(["PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "PUBLIC KEY", "X"])}-----`,
      );
    case 5:
      return text.replace(
        /DEK-Info: [^\n]*/,
        `DEK-Info: ${random.pick(["AES-256-CBC", "DES-EDE3-CBC", "AES-128-CBC", "BF-CBC", "", "AES-256-CBC,", "AES-256-CBC,00"])}${random.chance(0.5) ? `,${"0A".repeat(random.int(20))}` : ""}`,
      );
    case 6:
      return random.pick([
        JSON.stringify(text),
        text.replace(/\n/g, "\\n"),
        text.replace(/\n/g, "\r\n"),
        Buffer.from(text).toString("base64"),
        `  ${text.replace(/\n/g, "\n    ")}`,
      ]);
    case 7:
      return text.slice(0, at) + text.slice(at + 1, at + 2) + text[at] + text.slice(at + 2);
    default:
      return text + text;
  }
}

/** Forged structures: sizes, lengths and counts chosen to make a careless parser loop, recurse or stall. */
function forged(random: Random): string {
  const big = (bytes: number) =>
    Buffer.concat([Buffer.from([0x40 + random.int(0x40)]), Buffer.from(Array.from({ length: bytes - 1 }, () => random.int(256)))]);
  switch (random.int(6)) {
    case 0: {
      // An RSAPrivateKey whose numbers have absurd sizes.
      const size = () => random.pick([1, 8, 128, 256, 512, 1025, 2048, 5000]);
      return pem("RSA PRIVATE KEY", der.seq(der.int(0), ...Array.from({ length: 8 }, () => der.uint(big(size())))));
    }
    case 1: {
      // Deep nesting.
      let inner = der.int(0);
      for (let depth = random.int(2000); depth > 0; depth--) inner = der.seq(inner);
      return pem(random.pick(["PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY"]), inner);
    }
    case 2: {
      // PBES2 with hostile parameters.
      const iterations = random.pick([0, 1, 2 ** 31 - 1, 100_001, 1e9, 20_000]);
      const salt = Buffer.alloc(random.pick([0, 8, 5000]));
      const iv = Buffer.alloc(random.pick([0, 8, 16, 17]));
      const kdf = der.seq(
        der.oid(OIDS.pbkdf2),
        der.seq(der.octets(salt), iterations >= 2 ** 31 ? der.tlv(0x02, Buffer.from([0, 0x3b, 0x9a, 0xca, 0])) : der.int(iterations)),
      );
      const cipher = der.seq(
        der.oid(random.pick([OIDS["aes-256-cbc"], OIDS["des-ede3-cbc"], "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20"])),
        der.octets(iv),
      );
      const data = Buffer.alloc(random.pick([0, 15, 16, 1232]));
      return pem("ENCRYPTED PRIVATE KEY", der.seq(der.seq(der.oid(OIDS.pbes2), der.seq(kdf, cipher)), der.octets(data)));
    }
    case 3:
      // An OID of absurd length, or with huge arcs.
      return pem(
        "PRIVATE KEY",
        der.seq(der.int(0), der.seq(der.tlv(0x06, Buffer.alloc(random.pick([0, 33, 4000]), 0xff))), der.octets(Buffer.alloc(4))),
      );
    case 4:
      // Lengths claiming far more data than there is.
      return pem(random.pick(["PRIVATE KEY", "RSA PRIVATE KEY"]), Buffer.from([0x30, 0x83, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]));
    default:
      return `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: ${random.pick(["AES-256-CBC", "DES-EDE3-CBC", "DES-CBC"])},${random.string("0123456789ABCDEF", 40)}\n\n${Buffer.alloc(random.pick([0, 7, 16, 1200])).toString("base64")}\n-----END RSA PRIVATE KEY-----`;
  }
}

/** A PRIVATE_KEY value: a real key damaged at text or DER level, or a forged hostile structure. */
export function randomPem(random: Random, keys: FuzzKeys): string {
  const base = random.pick([keys.pkcs1, keys.pkcs8, keys.encrypted]);
  switch (random.int(4)) {
    case 0:
      return mutateText(random, base);
    case 1: {
      const label = /-----BEGIN ([A-Z ]+)-----/.exec(base)?.[1] ?? "PRIVATE KEY";
      return pem(label, mutateBytes(random, body(base)));
    }
    case 2:
      return forged(random);
    default:
      return mutateText(random, mutateText(random, base));
  }
}
