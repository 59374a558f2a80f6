// IMS's refusals get hints that fit the credential: AEM service credentials name the file's fields, never an upload to the Developer Console.

import { describe, expect, it } from "vitest";
import { hintFor, isAemMetascopes } from "../../src/core/ims/ims-response.js";

describe("IMS hints by credential kind", () => {
  it.each([
    ["invalid_client", "invalid client_secret parameter", /integration\.technicalAccount\.clientSecret/],
    ["invalid_scope", "The metascopes in the JWT are not a subset", /integration\.metascopes .*ent_aem_cloud_sdk/],
    ["invalid_token", "Could not match JWT signature to any of the bindings", /integration\.privateKey of the same file as API_KEY/],
    ["invalid_signature", "", /integration\.privateKey/],
  ])("AEM service credentials, %s: the file's field, no Developer Console upload", (error, description, expected) => {
    const hint = hintFor("jwt", 400, error, description, Date.now(), true);
    expect(hint).toMatch(expected);
    expect(hint).not.toMatch(/uploaded|Developer Console credential/);
  });

  it("a Developer Console JWT credential still hears of the uploaded certificate; S2S of the credential's client secret", () => {
    expect(hintFor("jwt", 400, "invalid_signature", "")).toMatch(/certificate is uploaded to the Developer Console credential/);
    expect(hintFor("s2s", 401, "invalid_client", "invalid client_secret parameter")).toMatch(
      /Copy the client secret again from the Developer Console credential/,
    );
  });

  it("AEM is told apart by its metascopes", () => {
    expect(isAemMetascopes("ent_aem_cloud_sdk,ent_cloudmgr_sdk")).toBe(true);
    expect(isAemMetascopes("https://ims-na1.adobelogin.com/s/ent_aem_cloud_sdk")).toBe(true);
    expect(isAemMetascopes("ent_dataservices_sdk")).toBe(false);
  });
});
