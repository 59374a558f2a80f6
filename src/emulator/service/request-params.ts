// Where each IMS token endpoint takes its parameters from: the body (either encoding) and, where Adobe's clients put them, the query string.

import { readForm } from "../form-body.js";
import type { ImsError } from "./assertion-check.js";

/**
 * What an endpoint reads from the query string.
 * - "all": every parameter, secrets included.
 * - "public": every parameter but the secrets, which must come in the body.
 */
export type QueryRule = "all" | "public";

/*
 * The evidence behind each endpoint's rule (ims-emulator.ts picks one per route):
 *
 * POST /ims/token/v2 — "all". Adobe's own IMS Postman collection (adobe/experience-platform-postman-samples,
 *   apis/ims, "OAuth → Request Access Token", 2023) sends grant_type, client_id, client_secret and scope in
 *   the query string with no body; Adobe's Acrobat Sign and Campaign documentation show the same URL.
 *   @adobe/aio-lib-ims's Server-to-Server plugin sends them in a multipart/form-data body instead.
 * POST /ims/token/v3 — "public". Adobe's Server-to-Server guides put every parameter in a URL-encoded body;
 *   Experience League's Platform bootcamp puts client_id in the query string and the rest in the body.
 *   No Adobe document or client puts client_secret in the URL, and OAuth 2.0 (RFC 6749 §2.3.1) says client
 *   credentials must not be in the request URI: the emulator refuses it there.
 * POST /ims/exchange/jwt — "public". Adobe documents the body only: URL-encoded (User Management API
 *   reference) and multipart (Experience Platform's `curl -F`, Adobe's IMS collection, @adobe/jwt-auth,
 *   @adobe/aio-lib-ims). The client secret and the signed JWT are refused in the URL, as on v3.
 */
const SECRETS = ["client_secret", "jwt_token"] as const;

export type ParamsResult = { readonly ok: true; readonly params: URLSearchParams } | { readonly ok: false; readonly error: ImsError };

/** The request's parameters: the body's, then the query string's where the body has none (the body wins). */
export function tokenParams(query: URLSearchParams, contentType: string | undefined, body: string, rule: QueryRule): ParamsResult {
  if (rule === "public") {
    const secret = SECRETS.find((name) => query.has(name));
    if (secret) {
      return {
        ok: false,
        error: { status: 400, error: "invalid_request", description: `${secret} must be sent in the request body, not in the URL.` },
      };
    }
  }
  const form = readForm(contentType, body);
  if (!form.ok) return { ok: false, error: { status: 400, error: "invalid_request", description: form.description } };
  const params = new URLSearchParams(form.fields);
  for (const [name, value] of query) if (!params.has(name)) params.append(name, value);
  return { ok: true, params };
}
