// The emulator's sign-in and consent page, and its error page: small HTML, every value escaped.

import type { TestUser } from "./test-user.js";

/** What each identity scope lets the app do, in the words of Adobe's consent descriptions. */
const SCOPE_WORDS: Record<string, string> = {
  openid: "Access your account and read a unique identifier",
  email: "Read your email address",
  address: "Read your postal address",
  profile: "Read your basic profile, including your name",
  offline_access: "Access the data you allowed even when you are not using the app (a refresh token)",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title>`,
    "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;margin-right:.5rem}</style>",
    `</head><body>${body}</body></html>`,
  ].join("\n");
}

export interface ConsentPageInput {
  readonly interaction: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly user: TestUser;
  /** Where the form posts: the consent route of this emulator. */
  readonly action: string;
}

/**
 * One page for sign-in and consent: the test user is signed in by pressing Allow (no password: this is an
 * emulator, and its only user is a test account). The hidden interaction ID ties the answer to this request.
 */
export function consentPage(input: ConsentPageInput): string {
  const scopes = input.scopes
    .map((scope) => `<li><code>${escapeHtml(scope)}</code>${SCOPE_WORDS[scope] ? `: ${escapeHtml(SCOPE_WORDS[scope])}` : ""}</li>`)
    .join("");
  return page(
    "Sign in – local IMS emulator",
    [
      "<h1>Sign in</h1>",
      "<p>This is the local IMS emulator of postman-ims-auth, not Adobe.</p>",
      `<p>Signing in as <strong id="user">${escapeHtml(`${input.user.givenName} ${input.user.familyName}`)}</strong> (${escapeHtml(input.user.email)}), the emulator's test user.</p>`,
      `<p>The application <code id="client">${escapeHtml(input.clientId)}</code> asks to:</p>`,
      `<ul id="scopes">${scopes}</ul>`,
      `<form method="post" action="${escapeHtml(input.action)}">`,
      `<input type="hidden" name="interaction" value="${escapeHtml(input.interaction)}">`,
      '<button type="submit" name="decision" value="allow" id="allow">Allow</button>',
      '<button type="submit" name="decision" value="deny" id="deny">Cancel</button>',
      "</form>",
    ].join("\n"),
  );
}

/** An error IMS cannot send back to the application (unknown client, expired page): shown in the browser. */
export function errorPage(error: string, description: string): string {
  return page(
    "Sign-in error – local IMS emulator",
    `<h1>Sign-in error</h1>\n<p><code id="error">${escapeHtml(error)}</code>: <span id="description">${escapeHtml(description)}</span></p>`,
  );
}
