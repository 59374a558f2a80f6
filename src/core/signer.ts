// The signing path as one module (key loading, claims, RS256): what the collection carries as its signer.

export { createJwtAssertion } from "./jwt-assertion.js";
export { loadPrivateKey, normalizePem } from "./private-key.js";
export { signJwt, signRs256, JWT_HEADER } from "./jws.js";
