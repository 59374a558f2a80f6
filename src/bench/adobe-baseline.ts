// The baseline: what Adobe's public workshop collection does, rebuilt from its documented behaviour (nothing fetched).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * jsrsasign in full, the file Adobe's "Init: Load Crypto Library for RS256" request downloads from a
 * CDN and caches in a variable. Here it is read from the installed package: nothing is fetched.
 */
export function jsrsasignAllSource(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve("jsrsasign/lib/jsrsasign-all-min.js"), "utf8");
}

/**
 * A pre-request script that, like Adobe's, carries jsrsasign as a string (Adobe: an environment
 * variable), evaluates it with a `navigator` and `window` shim, builds the claims, signs with
 * KJUR.jws.JWS.sign and exchanges the JWT with IMS. On every request: it never checks whether the
 * token it already has is still good.
 */
export function adobeBaselineScript(): string[] {
  return [
    `var jsrsasignJs = ${JSON.stringify(jsrsasignAllSource())};`,
    "var navigator = {}, window = {};",
    "eval(jsrsasignJs);",
    'var ims = pm.variables.get("IMS");',
    "var claims = {",
    "  exp: Math.round(Date.now() / 1000) + 300,",
    '  iss: pm.variables.get("IMS_ORG"),',
    '  sub: pm.variables.get("TECHNICAL_ACCOUNT_ID"),',
    '  aud: "https://" + ims + "/c/" + pm.variables.get("API_KEY")',
    "};",
    'claims["https://" + ims + "/s/" + pm.variables.get("META_SCOPE")] = true;',
    'var jwt = KJUR.jws.JWS.sign("RS256", JSON.stringify({ alg: "RS256", typ: "JWT" }), JSON.stringify(claims), pm.variables.get("PRIVATE_KEY"));',
    "pm.sendRequest({",
    '  url: "https://" + ims + "/ims/exchange/jwt",',
    '  method: "POST",',
    '  header: [{ key: "Content-Type", value: "application/x-www-form-urlencoded" }],',
    '  body: { mode: "urlencoded", urlencoded: [',
    '    { key: "client_id", value: pm.variables.get("API_KEY") },',
    '    { key: "client_secret", value: pm.variables.get("CLIENT_SECRET") },',
    '    { key: "jwt_token", value: jwt }',
    "  ] }",
    "}, function (error, response) {",
    '  if (!error && response.code === 200) pm.environment.set("ACCESS_TOKEN", response.json().access_token);',
    "});",
  ];
}
