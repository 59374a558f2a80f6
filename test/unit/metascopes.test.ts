import { describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { parseMetascopes } from "../../src/core/config/metascopes.js";

const IMS = "ims-na1.adobelogin.com";

describe("parseMetascopes", () => {
  it.each([
    ["ent_dataservices_sdk", ["ent_dataservices_sdk"]],
    ["ent_aem_cloud_sdk,ent_cloudmgr_sdk", ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"]],
    [" ent_aem_cloud_sdk , ent_cloudmgr_sdk ", ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"]],
    ["a,,b,", ["a", "b"]],
    ["a,b,a", ["a", "b"]],
    [`https://${IMS}/s/ent_a, ent_b`, ["ent_a", "ent_b"]],
    ['["ent_a","ent_b"]', ["ent_a", "ent_b"]],
  ])("%j → %j", (text, expected) => {
    expect(parseMetascopes(text, IMS)).toEqual(expected);
  });

  it.each([
    [",, ,", "ERR_MISSING_VARIABLE", /lists no metascope/],
    ["ent a", "ERR_INVALID_VARIABLE", /"ent a" is not a valid name/],
    ["ent_a;ent_b", "ERR_INVALID_VARIABLE", /Separate several with commas/],
    [
      "https://ims-eu1.adobelogin.com/s/ent_a",
      "ERR_INVALID_VARIABLE",
      /is for IMS host ims-eu1.adobelogin.com.*Use the short name "ent_a"/,
    ],
  ])("refuses %j with %s", (text, code, message) => {
    let caught: unknown;
    try {
      parseMetascopes(text, IMS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImsAuthError);
    expect((caught as ImsAuthError).code).toBe(code);
    expect((caught as ImsAuthError).variable).toBe("META_SCOPE");
    expect((caught as ImsAuthError).message).toMatch(message);
  });
});
