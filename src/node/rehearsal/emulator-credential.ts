// A user's own credential (an environment or AEM service credentials, as the token command reads them) as an emulator integration.

import { createPublicKey } from "node:crypto";
import type { RSAKey } from "jsrsasign";
import { chooseFlow } from "../../core/config/flow.js";
import { optionalValue } from "../../core/config/checks.js";
import { readJwtConfig } from "../../core/config/jwt-config.js";
import { readS2sConfig } from "../../core/config/s2s-config.js";
import { ImsAuthError, isImsAuthError } from "../../core/errors.js";
import { loadPrivateKey } from "../../core/keys/private-key.js";
import type { Integration } from "../../emulator/service/integration.js";
import { IDENTITY_SCOPES, makeUserClient, type UserClient } from "../../emulator/user/user-clients.js";
import { readUserCredential } from "../../core/config/user-config.js";
import { checkCertificate } from "../doctor/certificate-check.js";
import { variableSource, type Credentials } from "../token/credentials.js";
import type { VariableSource } from "../../core/config/variables.js";
import { oneError } from "../token/get-access-token.js";

export interface EmulatorCredential {
  readonly integration: Integration;
  /** The flow the collection will choose for these variables. */
  readonly flow: "jwt" | "s2s" | "user";
  /** A user's sign-in credential (OAuth Web App with CLIENT_SECRET, else Single-Page App), for the authorize and token endpoints. */
  readonly userClient?: UserClient;
  readonly file: string;
  /** Where the JWT flow's public key came from: CERTIFICATE, integration.publicKey, or PRIVATE_KEY (derived). */
  readonly publicKeyFrom?: string;
  /** What a rehearsal should know before it starts, e.g. a certificate that does not match the key (no secrets). */
  readonly warnings: readonly string[];
}

/**
 * The integration IMS would hold for these credentials: client ID and secret; for OAuth Server-to-Server
 * the scopes; for JWT the organization, technical account, metascopes and the public key — the
 * certificate when the file has one (as IMS holds the uploaded certificate), else derived from PRIVATE_KEY.
 * Every problem the collection's own checks would report comes as one coded error naming the file.
 */
export function emulatorCredential(credentials: Credentials, file: string): EmulatorCredential {
  const source = variableSource(credentials);
  const flow = inFile(file, () => chooseFlow(source));
  if (flow === "token") {
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${file} holds only a pasted ACCESS_TOKEN, no credential to register: give an environment with API_KEY, CLIENT_SECRET and SCOPES (OAuth Server-to-Server) or a PRIVATE_KEY and META_SCOPE (JWT).`,
    );
  }
  if (flow === "user") return userCredential(source, file);
  const s2s = readS2sConfig(source);
  if (flow === "s2s") {
    if (!s2s.ok) throw inFileError(file, oneError(s2s.problems));
    const { clientId, clientSecret, scopes } = s2s.value;
    const technicalAccountId = optionalValue(source, "TECHNICAL_ACCOUNT_ID") || `${clientId}@techacct.adobe.com`;
    const integration = { clientId, clientSecret, orgId: optionalValue(source, "IMS_ORG"), technicalAccountId, metascopes: [], scopes };
    return { integration, flow, file, warnings: [] };
  }
  const jwt = readJwtConfig(source);
  if (!jwt.ok) throw inFileError(file, oneError(jwt.problems));
  const { clientId, clientSecret, orgId, technicalAccountId, metascopes, privateKey, privateKeyPassphrase } = jwt.value;
  const warnings: string[] = [];
  let publicKeyPem: string;
  let publicKeyFrom: string;
  if (credentials.certificate) {
    const check = checkCertificate(credentials.certificate, privateKey, Date.now(), "make a new key pair and upload its certificate");
    const unreadable = check.findings.find((finding) => finding.code === "ERR_CERTIFICATE_FORMAT");
    if (unreadable) throw new ImsAuthError("ERR_CERTIFICATE_FORMAT", `${file}: ${unreadable.message}`);
    warnings.push(...check.findings.map((finding) => finding.message));
    [publicKeyPem, publicKeyFrom] = [credentials.certificate.pem, credentials.certificate.where];
  } else {
    publicKeyPem = publicKeyOf(inFile(file, () => loadPrivateKey(privateKey, privateKeyPassphrase)));
    publicKeyFrom = "PRIVATE_KEY";
  }
  // A credential with both flows' variables gets both: a rehearsal may switch AUTH_FLOW.
  const scopes = s2s.ok ? s2s.value.scopes : [];
  const integration = { clientId, clientSecret, orgId, technicalAccountId, publicKeyPem, metascopes, scopes };
  return { integration, flow, file, publicKeyFrom, warnings };
}

/**
 * A user credential as the Developer Console would hold it: a Web App when CLIENT_SECRET is set, else a Single-Page
 * App; Postman's callback and https://localhost (any port, as `login` listens) allowed by the redirect pattern; the
 * identity scopes and SCOPES may be asked for. Its integration (client ID and secret, no scopes) is only a placeholder.
 */
function userCredential(source: VariableSource, file: string): EmulatorCredential {
  const read = readUserCredential(source);
  if (!read.ok) throw inFileError(file, oneError(read.problems));
  const { clientId, clientSecret, scopes } = read.value;
  const userClient = makeUserClient({
    clientId,
    kind: clientSecret === undefined ? "spa" : "web",
    ...(clientSecret === undefined ? {} : { clientSecret }),
    scopes: [...new Set([...IDENTITY_SCOPES, ...scopes])],
  });
  const integration = { clientId, clientSecret: clientSecret ?? "", orgId: "", technicalAccountId: "", metascopes: [], scopes: [] };
  return { integration, userClient, flow: "user", file, warnings: [] };
}

/** The SPKI PEM of a checked key's public half (modulus and exponent, as jsrsasign read them). */
function publicKeyOf(key: RSAKey): string {
  const { n, e } = key as RSAKey & { n: { toString(radix: 16): string }; e: number };
  const b64u = (hex: string) => Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex").toString("base64url");
  return createPublicKey({ key: { kty: "RSA", n: b64u(n.toString(16)), e: b64u(e.toString(16)) }, format: "jwk" })
    .export({ type: "spki", format: "pem" })
    .toString();
}

/** What the rehearsal prints of a credential: its ids, never its secret or key. */
export function describeCredential(credential: EmulatorCredential): string {
  const { integration: i, flow, file } = credential;
  if (flow === "user") {
    const kind = credential.userClient?.kind === "web" ? "OAuth Web App" : "OAuth Single-Page App";
    return `${kind} credential (a user's sign-in) from ${file}: client ID ${i.clientId}, scopes ${(credential.userClient?.scopes ?? []).join(",")}`;
  }
  if (flow === "s2s")
    return `OAuth Server-to-Server credential from ${file}: client ID ${i.clientId}, scopes ${(i.scopes ?? []).join(",")}`;
  return (
    `JWT credential from ${file}: client ID ${i.clientId}, organization ${i.orgId}, technical account ${i.technicalAccountId}, ` +
    `metascopes ${i.metascopes.join(",")}, public key from ${credential.publicKeyFrom ?? "PRIVATE_KEY"}`
  );
}

function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw isImsAuthError(error) ? inFileError(file, error) : error;
  }
}

function inFileError(file: string, error: ImsAuthError): ImsAuthError {
  return new ImsAuthError(error.code, `${file}: ${error.message}`, error.variable);
}
