// Unpacks the engine carried inside the script, checks it against the digest compiled in, and evaluates it.

import inflate from "tiny-inflate";
import { ENGINE_BLOB, ENGINE_DIGEST, ENGINE_SIZE } from "virtual:engine";
import { ImsAuthError } from "../../core/errors.js";
import type { SandboxHost } from "../host/host.js";
import type { Postman } from "../host/postman.js";
import { sha256Hex } from "../../core/crypto/sha256.js";

export interface Engine {
  autoAuth(pm: Postman, host: SandboxHost): void;
  jwtExchange(pm: Postman, host: SandboxHost): void;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(Math.floor((text.replace(/=+$/, "").length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (let i = 0; i < text.length && out < bytes.length; i++) {
    buffer = (buffer << 6) | BASE64.indexOf(text.charAt(i));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/**
 * The engine (our slow-path code and jsrsasign's RSA build) is a compressed string inside this
 * script, so the per-request path only carries an opaque literal: it is never parsed as code
 * unless a token is needed. It cannot come from a variable (nothing can shadow or swap it), and it
 * runs only if its SHA-256 matches the one compiled into this script.
 */
export function loadEngine(blob: string = ENGINE_BLOB): Engine {
  let bytes: Uint8Array;
  try {
    bytes = inflate(base64Bytes(blob), new Uint8Array(ENGINE_SIZE));
  } catch {
    bytes = new Uint8Array(0);
  }
  // The digest of the bytes as inflated, before any of them is read as code.
  if (sha256Hex(bytes) !== ENGINE_DIGEST) {
    throw new ImsAuthError(
      "ERR_SCRIPT_INTEGRITY",
      "The authentication script of this collection has been changed and no longer matches its compiled-in digest, so it is not run. Import the collection again (or run postman-ims-auth inject again).",
    );
  }
  let source = "";
  for (let i = 0; i < bytes.length; i += 8192) source += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return new Function(`${source}\nreturn __imsAuthEngine;`)() as Engine;
}
