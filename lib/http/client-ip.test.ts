import { afterEach, describe, expect, it } from "vitest";
import { clientIp, UNKNOWN_CLIENT } from "./client-ip";

const withXff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  afterEach(() => delete process.env.TRUSTED_PROXY_HOPS);

  it("trusts no forwarded address without proxies (clients can forge the header)", () => {
    expect(clientIp(withXff("203.0.113.9"))).toBe(UNKNOWN_CLIENT);
  });

  it("takes the address the trusted proxies saw, ignoring what the client prepended", () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    expect(clientIp(withXff("6.6.6.6, 198.51.100.7"))).toBe("198.51.100.7");
    process.env.TRUSTED_PROXY_HOPS = "2";
    expect(clientIp(withXff("6.6.6.6, 198.51.100.7, 10.0.0.2"))).toBe("198.51.100.7");
    expect(clientIp(new Headers())).toBe(UNKNOWN_CLIENT);
  });
});
