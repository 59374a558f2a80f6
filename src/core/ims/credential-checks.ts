// Every problem of a credential at once, without asking IMS: its flow, the flow's variables, the key, a pasted token.

import { collect, optionalValue } from "../config/checks.js";
import type { ImsAuthError } from "../errors.js";
import { chooseFlow, type AuthFlow } from "../config/flow.js";
import { readJwtConfig, readPassphrase } from "../config/jwt-config.js";
import { loadPrivateKey, rsaBits } from "../keys/private-key.js";
import { readS2sConfig } from "../config/s2s-config.js";
import { checkPastedToken } from "./token-request.js";
import type { VariableSource } from "../config/variables.js";

export interface CredentialCheck {
  /** Undefined when no flow can be chosen (that is then the first problem). */
  readonly flow: AuthFlow | undefined;
  readonly problems: ImsAuthError[];
  /** Size of PRIVATE_KEY when it parses. */
  readonly keyBits?: number | undefined;
  /** Expiry written in a pasted ACCESS_TOKEN that is still good. */
  readonly tokenExpiresAt?: number | undefined;
}

/** The checks the collection makes before it asks IMS, all of them, plus the key parsed (the collection parses it when signing). */
export function checkCredentials(source: VariableSource, nowMs: number): CredentialCheck {
  const problems: ImsAuthError[] = [];
  const flow = collect(problems, () => chooseFlow(source));
  if (flow === "jwt") {
    const checked = readJwtConfig(source);
    if (!checked.ok) problems.push(...checked.problems);
    const pem = optionalValue(source, "PRIVATE_KEY");
    const key = pem === "" ? undefined : collect(problems, () => loadPrivateKey(pem, readPassphrase(source)));
    return { flow, problems, keyBits: key && rsaBits(key) };
  }
  if (flow === "s2s") {
    const checked = readS2sConfig(source);
    if (!checked.ok) problems.push(...checked.problems);
  }
  if (flow === "token") return { flow, problems, tokenExpiresAt: collect(problems, () => checkPastedToken(source, nowMs)) };
  return { flow, problems };
}
