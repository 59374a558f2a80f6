// The signing path as one module (key loading and RS256), bundled with jsrsasign for tests and lazy loading.

export { loadPrivateKey, normalizePem } from "./private-key.js";
export { signJwt, signRs256, JWT_HEADER } from "./jws.js";
