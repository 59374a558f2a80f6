import { describe, expect, it } from "vitest";
import { bypassesProxy, proxyFor } from "../../src/node/https/proxy.js";

describe("proxyFor", () => {
  const target = new URL("https://ims-na1.adobelogin.com/ims/token/v3");
  it("reads https_proxy before HTTPS_PROXY, and a bare host:port as http://", () => {
    expect(proxyFor(target, { HTTPS_PROXY: "http://a:1", https_proxy: "http://b:2" })?.shown).toBe("b:2");
    expect(proxyFor(target, { HTTPS_PROXY: "proxy.corp:3128" })?.url.protocol).toBe("http:");
    expect(proxyFor(target, {})).toBeUndefined();
  });
  it("NO_PROXY: *, exact hosts, domains with or without a leading dot, ports", () => {
    expect(bypassesProxy("ims-na1.adobelogin.com", "443", "*")).toBe(true);
    expect(bypassesProxy("ims-na1.adobelogin.com", "443", "localhost, .adobelogin.com")).toBe(true);
    expect(bypassesProxy("ims-na1.adobelogin.com", "443", "adobelogin.com")).toBe(true);
    expect(bypassesProxy("evil-adobelogin.com", "443", "adobelogin.com")).toBe(false);
    expect(bypassesProxy("127.0.0.1", "8443", "127.0.0.1:9999")).toBe(false);
    expect(bypassesProxy("127.0.0.1", "8443", "127.0.0.1:8443")).toBe(true);
    expect(proxyFor(target, { HTTPS_PROXY: "http://p:1", no_proxy: "adobelogin.com" })).toBeUndefined();
  });
});
