// The Node host through a CONNECT proxy (HTTPS_PROXY) on 127.0.0.1, and around it (NO_PROXY), against the emulator.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getAccessToken } from "../../src/index.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { startConnectProxy, type ConnectProxy } from "../helpers/connect-proxy.js";
import { startEmulator, type EmulatorContext } from "../helpers/emulator.js";

let ctx: EmulatorContext;
let proxy: ConnectProxy;
let ca: string;
beforeAll(async () => {
  ctx = await startEmulator({ scopes: ["openid", "AdobeID"] });
  proxy = await startConnectProxy();
  ca = readFileSync(ctx.caFile, "utf8");
});
afterAll(async () => {
  await proxy.close();
  await ctx.close();
});
beforeEach(() => {
  ctx.emulator.reset();
  proxy.targets.length = 0;
});

const variables = (): Record<string, string> =>
  Object.fromEntries(
    emulatorEnvironment(ctx.emulator, ctx.credential, { PRIVATE_KEY: "", META_SCOPE: "" }).values.map((entry) => [entry.key, entry.value]),
  );

describe("HTTPS_PROXY", () => {
  it("the token request goes through the proxy's CONNECT tunnel, TLS checked against IMS's certificate", async () => {
    const token = await getAccessToken(variables(), { ca, proxyEnv: { HTTPS_PROXY: proxy.url } });
    expect(token.flow).toBe("s2s");
    expect(proxy.targets).toEqual([ctx.emulator.host]);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
  });

  it("TLS runs end to end through the tunnel: without the emulator's CA the certificate is refused, as without a proxy", async () => {
    const error = await getAccessToken(variables(), { proxyEnv: { https_proxy: proxy.url } }).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: "ERR_IMS_UNREACHABLE" });
    expect((error as Error).message).toMatch(/TLS certificate is not trusted/);
    expect(proxy.targets).toEqual([ctx.emulator.host]);
  });

  it("NO_PROXY naming the host (with its port) goes around the proxy", async () => {
    const [host, port] = ctx.emulator.host.split(":");
    await getAccessToken(variables(), { ca, proxyEnv: { HTTPS_PROXY: proxy.url, NO_PROXY: `localhost,${host}:${port}` } });
    expect(proxy.targets).toEqual([]);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
  });

  it("a proxy that refuses the tunnel (407) is ERR_IMS_UNREACHABLE naming the proxy, not retried; its credentials are not printed", async () => {
    const refusing = await startConnectProxy({ refuse: 407 });
    try {
      const url = refusing.url.replace("http://", "http://student:s3cret-pass@");
      const error = await getAccessToken(variables(), { ca, proxyEnv: { HTTPS_PROXY: url } }).catch((failure: unknown) => failure);
      expect(error).toMatchObject({ code: "ERR_IMS_UNREACHABLE" });
      expect((error as Error).message).toContain(`proxy ${refusing.url.slice(7)} answered HTTP 407`);
      expect((error as Error).message).not.toContain("s3cret-pass");
      expect(refusing.targets).toHaveLength(1);
      expect(refusing.authorizations[0]).toBe(`Basic ${Buffer.from("student:s3cret-pass").toString("base64")}`);
    } finally {
      await refusing.close();
    }
  });
});
