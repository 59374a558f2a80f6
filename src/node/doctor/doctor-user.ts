// What the doctor tells of a user's sign-in: how long the refresh token has left (where it says) and who is signed in (userinfo).

import { optionalValue } from "../../core/config/checks.js";
import { prepareTokenRequest } from "../../core/ims/token-request.js";
import { accessTokenExpiry, storedTokenIsFresh } from "../../core/ims/token-freshness.js";
import type { VariableSource } from "../../core/config/variables.js";
import type { Finding } from "./doctor-types.js";
import { httpsFetch } from "../https/https-fetch.js";
import type { CaCertificates } from "../https/https-transport.js";
import { isImsAuthError } from "../../core/errors.js";

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

/** Offline: the user flow's checks (an expired refresh token is ERR_SIGN_IN_AGAIN) and the refresh token's expiry as a note. */
export function userOffline(source: VariableSource, nowMs: number): { findings: Finding[]; notes: string[] } {
  const prepared = prepareTokenRequest("user", source, nowMs);
  const findings: Finding[] = prepared.ok
    ? []
    : prepared.problems.filter(isImsAuthError).map((problem) => ({
        level: "error" as const,
        code: problem.code,
        message: problem.message,
        variable: problem.variable,
      }));
  const expiry = accessTokenExpiry(optionalValue(source, "REFRESH_TOKEN"));
  const notes = [
    optionalValue(source, "CLIENT_SECRET") === "" ? "public client (Single-Page or Native App)" : "OAuth Web App credential",
    ...(prepared.ok && expiry !== undefined ? [`REFRESH_TOKEN valid until ${iso(expiry)} (as it says)`] : []),
  ];
  return { findings, notes };
}

/**
 * Online: who ACCESS_TOKEN belongs to, by GET /ims/userinfo/v2. The refresh token is not used: IMS would spend it
 * and return another, which the doctor does not write anywhere; with no fresh ACCESS_TOKEN the note says so.
 */
export async function whoIsSignedIn(
  source: VariableSource,
  options: { ca?: CaCertificates | undefined; timeoutMs?: number | undefined },
): Promise<string> {
  const token = optionalValue(source, "ACCESS_TOKEN");
  if (token === "" || !storedTokenIsFresh(source, Date.now())) {
    return "who is signed in: unknown, ACCESS_TOKEN is missing or expired (the doctor does not spend REFRESH_TOKEN; `postman-ims-auth token --env FILE` renews and stores the next one)";
  }
  try {
    const fetch = httpsFetch(options.ca, options.timeoutMs);
    const response = await fetch(`https://${optionalValue(source, "IMS")}/ims/userinfo/v2`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
    });
    if (response.status !== 200) return `who is signed in: unknown, userinfo answered HTTP ${response.status}`;
    const info = (await response.json()) as { sub?: unknown; name?: unknown; email?: unknown };
    const said = [info.name, info.email ? `<${String(info.email)}>` : undefined].filter(Boolean).join(" ");
    return `signed in as ${said || String(info.sub)}`;
  } catch (error) {
    return `who is signed in: unknown, userinfo could not be reached (${(error as { code?: string }).code ?? "an error"})`;
  }
}
