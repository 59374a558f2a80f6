// Importing AEM service credentials: both file shapes, every way the file can be wrong, the environment it makes.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sdk from "postman-collection";
import { afterAll, describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { parseMetascopes } from "../../src/core/config/metascopes.js";
import { loadPrivateKey, rsaBits } from "../../src/core/keys/private-key.js";
import { aemEnvironment, importAemCredentials } from "../../src/generator/environment/aem-environment.js";
import { readAemCredentials } from "../../src/inputs/aem-credentials.js";
import { toJsonText } from "../../src/generator/write/write.js";
import { FAKE_CLIENT_SECRET, makeAemCredentials } from "../helpers/aem-credentials.js";

const fixture = makeAemCredentials();
const keyLine = fixture.privateKey.split("\r\n")[3]!;
const REFETCH = "get the file again from the AEM Developer Console → Integrations → Get Service Credentials.";
const REQUIRED = ["imsEndpoint", "metascopes", "technicalAccount.clientId", "technicalAccount.clientSecret", "id", "org", "privateKey"];

/** Credentials JSON as the tests damage it: any field, any depth, any type. */
// biome-ignore lint/suspicious/noExplicitAny: the point of these tests is JSON of the wrong shape
type Loose = Record<string, any>;

/** A deep copy of the wrapped credentials with `change` applied to its integration object. */
function credentials(change: (integration: Loose) => void = () => {}): Loose {
  const copy = structuredClone(fixture.wrapped) as Loose;
  change(copy.integration);
  return copy;
}

/** The ERR_CREDENTIALS_FILE error reading `text` throws; it must never quote a secret. */
function fileError(text: string, source?: string): ImsAuthError {
  try {
    readAemCredentials(text, source);
  } catch (error) {
    expect(error).toBeInstanceOf(ImsAuthError);
    const { code, message } = error as ImsAuthError;
    expect(code).toBe("ERR_CREDENTIALS_FILE");
    expect(message).not.toContain(FAKE_CLIENT_SECRET);
    expect(message).not.toContain(keyLine);
    return error as ImsAuthError;
  }
  throw new Error("expected readAemCredentials to throw");
}

const expected = {
  imsEndpoint: "ims-na1.adobelogin.com",
  metascopes: "ent_aem_cloud_sdk,ent_cloudmgr_sdk",
  technicalAccount: { clientId: "cm-p123-e1234", clientSecret: FAKE_CLIENT_SECRET },
  id: "ABCDAE10A495E8C@techacct.adobe.com",
  org: "1234@AdobeOrg",
  privateKey: fixture.privateKey,
  publicKey: fixture.certificate,
  email: "abcd@techacct.adobe.com",
};

describe("readAemCredentials", () => {
  it("reads the wrapped form the Developer Console shows, certificate and email kept", () => {
    expect(readAemCredentials(JSON.stringify(fixture.wrapped, null, 2))).toEqual(expected);
  });

  it("reads the bare integration object, and a file saved with a BOM", () => {
    expect(readAemCredentials(JSON.stringify(fixture.wrapped.integration))).toEqual(expected);
    expect(readAemCredentials(`\uFEFF${JSON.stringify(fixture.wrapped)}`)).toEqual(expected);
  });

  it("keeps the private key byte for byte, CRLF line ends included", () => {
    const { privateKey } = readAemCredentials(JSON.stringify(fixture.wrapped));
    expect(privateKey).toBe(fixture.privateKey);
    expect(privateKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\r\n[\s\S]*\r\n-----END RSA PRIVATE KEY-----\r\n$/);
  });

  it.each(REQUIRED)("names integration.%s when it is missing", (path) => {
    const parts = path.split(".");
    const text = JSON.stringify(
      credentials((integration) => void delete (parts.length === 2 ? integration[parts[0]!] : integration)[parts.at(-1)!]),
    );
    const { message } = fileError(text, "aem.json");
    expect(message).toBe(`aem.json is incomplete or damaged (integration.${path} is missing): ${REFETCH}`);
  });

  it("names the path as it is in a bare integration object", () => {
    const bare = credentials((integration) => delete integration.technicalAccount.clientSecret).integration;
    expect(fileError(JSON.stringify(bare)).message).toContain("(technicalAccount.clientSecret is missing)");
  });

  // One error with every problem, in the order of the fields, so a hand-edited file is fixed in one go.
  it("reports every problem at once, the first field first", () => {
    const text = JSON.stringify(
      credentials((integration) => {
        delete integration.org;
        integration.technicalAccount.clientSecret = "";
        integration.metascopes = ["ent_aem_cloud_sdk"];
      }),
    );
    expect(fileError(text).message).toBe(
      "the credentials file is incomplete or damaged (integration.metascopes is an array, not a string; " +
        `integration.technicalAccount.clientSecret is empty; integration.org is missing): ${REFETCH}`,
    );
  });

  it.each([
    ["an empty string", (i: Loose) => (i.privateKey = ""), "integration.privateKey is empty"],
    ["blanks", (i: Loose) => (i.id = "  "), "integration.id is empty"],
    ["a number", (i: Loose) => (i.id = 1234), "integration.id is a number, not a string"],
    ["null", (i: Loose) => (i.org = null), "integration.org is null, not a string"],
    ["an object", (i: Loose) => (i.privateKey = { pem: "x" }), "integration.privateKey is an object, not a string"],
    [
      "a string for an object",
      (i: Loose) => (i.technicalAccount = FAKE_CLIENT_SECRET),
      "integration.technicalAccount is a string, not an object",
    ],
    ["a missing object", (i: Loose) => delete i.technicalAccount, "integration.technicalAccount is missing"],
    [
      "an IMS URL with a path",
      (i: Loose) => (i.imsEndpoint = "https://ims-na1.adobelogin.com/ims/token"),
      'integration.imsEndpoint is "https://ims-na1.adobelogin.com/ims/token", not an IMS host name',
    ],
  ])("refuses %s, naming the path and never the value", (_, change, problem) => {
    expect(fileError(JSON.stringify(credentials(change))).message).toContain(`(${problem}`);
  });

  it("refuses an integration that is not an object", () => {
    expect(fileError('{"ok":true,"integration":null}').message).toContain("(integration is null, not an object)");
  });

  it("says when the Developer Console returned an error, quoting its status code and error", () => {
    const text = JSON.stringify({
      ok: false,
      statusCode: 403,
      error: "Forbidden",
      integration: { technicalAccount: { clientSecret: FAKE_CLIENT_SECRET } },
    });
    expect(fileError(text).message).toBe(
      'the credentials file holds an error the AEM Developer Console returned (statusCode 403, error "Forbidden"), not service credentials: ' +
        "get the file again from the AEM Developer Console → Integrations → Get Service Credentials " +
        "(an IMS org administrator must have generated them, and you need the environment administrator role).",
    );
    expect(fileError('{"ok":false}').message).toMatch(/^the credentials file holds an error the AEM Developer Console returned, not/);
  });

  it("says a file is not JSON, with the line and column, without quoting it", () => {
    // Line 7 lacks its comma: the parser stops at "clientSecret", line 8, column 7.
    const text = JSON.stringify(fixture.wrapped, null, 2).replace('"cm-p123-e1234",', '"cm-p123-e1234"');
    const { message } = fileError(text, "aem.json");
    expect(message).toMatch(/^aem\.json is not JSON \(line 8, column 7\): get the file again/);
    expect(fileError(fixture.privateKey).message).toMatch(/^the credentials file is not JSON\b/);
    expect(fileError(JSON.stringify(fixture.wrapped).slice(0, 300)).message).toMatch(/is not JSON\b/);
    expect(fileError(" \n").message).toBe(`the credentials file is empty, not JSON: ${REFETCH}`);
  });

  it("says when JSON is not service credentials", () => {
    expect(fileError("[]").message).toContain("is not AEM service credentials: it holds an array, not a JSON object");
    expect(fileError('"text"').message).toContain("it holds a string");
    expect(fileError('{"ok":true,"statusCode":200}').message).toContain('it has no "integration" key');
  });
});

describe("aemEnvironment", () => {
  const read = readAemCredentials(JSON.stringify(fixture.wrapped));
  const byKey = (env: { values: Array<{ key: string; value: string }> }) =>
    Object.fromEntries(env.values.map(({ key, value }) => [key, value]));

  it("fills in every variable, secrets typed secret", () => {
    const env = aemEnvironment(read, { aemHost: "author-p123-e456.adobeaemcloud.com" });
    expect(env.name).toBe("AEM as a Cloud Service (cm-p123-e1234)");
    expect(env.values.map(({ key, value, type }) => ({ key, value, type }))).toEqual([
      { key: "CLIENT_SECRET", value: FAKE_CLIENT_SECRET, type: "secret" },
      { key: "API_KEY", value: "cm-p123-e1234", type: "default" },
      { key: "META_SCOPE", value: "ent_aem_cloud_sdk,ent_cloudmgr_sdk", type: "default" },
      { key: "PRIVATE_KEY", value: fixture.privateKey, type: "secret" },
      { key: "TECHNICAL_ACCOUNT_ID", value: "ABCDAE10A495E8C@techacct.adobe.com", type: "default" },
      { key: "IMS_ORG", value: "1234@AdobeOrg", type: "default" },
      { key: "IMS", value: "ims-na1.adobelogin.com", type: "default" },
      { key: "AEM_HOST", value: "author-p123-e456.adobeaemcloud.com", type: "default" },
      { key: "ACCESS_TOKEN", value: "", type: "secret" },
      { key: "ACCESS_TOKEN_EXPIRES_AT", value: "", type: "default" },
      { key: "ACCESS_TOKEN_BINDING", value: "", type: "default" },
      { key: "CERTIFICATE", value: expect.stringContaining("-----BEGIN CERTIFICATE-----"), type: "default" },
    ]);
    expect(aemEnvironment(read, { name: "My AEM" }).name).toBe("My AEM");
  });

  it("strips an accidental https:// and trailing slash from imsEndpoint", () => {
    const text = JSON.stringify(credentials((integration) => (integration.imsEndpoint = "https://ims-na1.adobelogin.com/")));
    expect(byKey(aemEnvironment(readAemCredentials(text))).IMS).toBe("ims-na1.adobelogin.com");
  });

  it.each([undefined, "", "  "])("leaves AEM_HOST empty when not given (%j)", (aemHost) => {
    expect(byKey(aemEnvironment(read, { aemHost })).AEM_HOST).toBe("");
  });

  it.each(["publish-p123-e456.adobeaemcloud.com", "localhost:4502"])("accepts the bare host %s", (aemHost) => {
    expect(byKey(aemEnvironment(read, { aemHost })).AEM_HOST).toBe(aemHost);
  });

  it.each([
    ["https://author-p123-e456.adobeaemcloud.com", 'set AEM_HOST to "author-p123-e456.adobeaemcloud.com"'],
    ["author-p123-e456.adobeaemcloud.com/content/dam.json", 'set AEM_HOST to "author-p123-e456.adobeaemcloud.com"'],
    ["https://", 'set AEM_HOST to a host name such as "author-p123-e456.adobeaemcloud.com"'],
  ])("refuses AEM_HOST %j, suggesting the corrected value", (aemHost, fix) => {
    expect(() => aemEnvironment(read, { aemHost })).toThrow(
      expect.objectContaining({ code: "ERR_INVALID_VARIABLE", variable: "AEM_HOST", message: expect.stringContaining(fix) }),
    );
  });

  it("makes a PRIVATE_KEY that loads as a 2048-bit RSA key and a META_SCOPE of two metascopes", () => {
    const values = byKey(aemEnvironment(read));
    expect(rsaBits(loadPrivateKey(values.PRIVATE_KEY!))).toBe(2048);
    expect(parseMetascopes(values.META_SCOPE!, values.IMS!)).toEqual(["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"]);
  });

  it("round-trips through postman-collection's VariableScope", () => {
    const env = aemEnvironment(read, { aemHost: "author-p123-e456.adobeaemcloud.com" });
    const scope = new sdk.VariableScope(JSON.parse(JSON.stringify(env)) as never);
    for (const { key, value } of env.values) expect(scope.get(key)).toBe(value);
    const back = (scope.toJSON() as { values: Array<{ key: string; value: string }> }).values;
    expect(back.map(({ key, value }) => ({ key, value }))).toEqual(env.values.map(({ key, value }) => ({ key, value })));
  });
});

describe("importAemCredentials", () => {
  const dir = mkdtempSync(join(tmpdir(), "aem-import-"));
  const input = join(dir, "credentials.json");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the environment as two-space JSON with a final newline, readable by the owner only", () => {
    writeFileSync(input, JSON.stringify(fixture.wrapped));
    const output = join(dir, "aem.postman_environment.json");
    const env = importAemCredentials(input, output, { aemHost: "author-p123-e456.adobeaemcloud.com" });
    expect(readFileSync(output, "utf8")).toBe(toJsonText(env));
    if (process.platform !== "win32") expect(statSync(output).mode & 0o777).toBe(0o600);
  });

  it.each([
    ["a damaged file", "{", {}, "ERR_CREDENTIALS_FILE"],
    ["a bad AEM_HOST", JSON.stringify(fixture.wrapped), { aemHost: "https://author-p1-e2.adobeaemcloud.com/" }, "ERR_INVALID_VARIABLE"],
  ])("writes nothing for %s", (_, text, options, code) => {
    writeFileSync(input, text);
    const output = join(dir, `nothing-${code}.json`);
    expect(() => importAemCredentials(input, output, options)).toThrow(expect.objectContaining({ code }));
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes("nothing") || name.endsWith(".tmp"))).toEqual([]);
  });

  it("names a credentials file it cannot read", () => {
    expect(() => importAemCredentials(join(dir, "absent.json"), join(dir, "out.json"))).toThrow(/absent\.json cannot be read \(ENOENT\)/);
  });
});
