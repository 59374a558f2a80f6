// Bruno: the collection-level before-request script. Bruno reads a script's code again before every request (it
// strips its comments, then compiles it), so only the fast path is code here: the rest (auto-auth-slow.ts: the
// adapter, the engine, the inflater) is carried as text and run only when a token must be obtained.

import { storedTokenIsBound } from "../../core/ims/token-binding.js";
import { storedTokenIsFresh } from "../../core/ims/token-freshness.js";
import { isTokenPath } from "../host/postman.js";
import { AUTO_AUTH_SLOW } from "virtual:bruno-auto-auth-slow";
import type { Bru, BrunoRequest } from "./bruno-api.js";
import { lookup, urlPath } from "./bruno-postman.js";

declare const bru: Bru;
declare const req: BrunoRequest;

type Slow = (bru: Bru, req: BrunoRequest) => Promise<void>;

export async function run(): Promise<void> {
  // As the Postman script: the token requests carry their own scripts, and a token with time left, obtained for the
  // credential the variables hold now, is the path of almost every request.
  if (isTokenPath(urlPath(req.getUrl()))) return;
  try {
    const source = (name: string) => lookup(bru, name);
    if (storedTokenIsFresh(source, Date.now()) && storedTokenIsBound(source)) return;
  } catch {
    // A variable the check cannot read (TOKEN_MARGIN_MINUTES): the slow path checks it again and says what to fix.
  }
  const slow = new Function("bru", "req", `${AUTO_AUTH_SLOW};return __imsAuth.run();`) as Slow;
  await slow(bru, req);
}
