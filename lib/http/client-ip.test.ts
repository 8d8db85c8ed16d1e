import { afterEach, describe, expect, it } from "vitest";
import { canSeeClients, clientIp, UNKNOWN_CLIENT } from "./client-ip";
import {
  addressBucket,
  SOCKET_ADDRESS_FLAG,
  SOCKET_ADDRESS_HEADER,
  stampSocketAddress,
} from "./socket-address";

const withXff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_HOPS;
    delete process.env[SOCKET_ADDRESS_FLAG];
  });

  it("trusts no forwarded address without proxies (clients can forge the header)", () => {
    expect(clientIp(withXff("203.0.113.9"))).toBe(UNKNOWN_CLIENT);
    expect(canSeeClients()).toBe(false);
  });

  it("takes the address the trusted proxies saw, ignoring what the client prepended", () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    expect(clientIp(withXff("6.6.6.6, 198.51.100.7"))).toBe("198.51.100.7");
    process.env.TRUSTED_PROXY_HOPS = "2";
    expect(clientIp(withXff("6.6.6.6, 198.51.100.7, 10.0.0.2"))).toBe("198.51.100.7");
    expect(clientIp(new Headers())).toBe(UNKNOWN_CLIENT);
    expect(canSeeClients()).toBe(true);
  });

  it("uses the socket address only when npm start's server stamped it", () => {
    const stamped = new Headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.8" });
    // Under a plain `next start` the header may come from the client: never trusted.
    expect(clientIp(stamped)).toBe(UNKNOWN_CLIENT);
    process.env[SOCKET_ADDRESS_FLAG] = "1";
    expect(clientIp(stamped)).toBe("198.51.100.8");
    expect(canSeeClients()).toBe(true);
    // Behind proxies the socket is the proxy: the forwarded address counts.
    process.env.TRUSTED_PROXY_HOPS = "1";
    stamped.set("x-forwarded-for", "203.0.113.5");
    expect(clientIp(stamped)).toBe("203.0.113.5");
  });
});

describe("stampSocketAddress", () => {
  it("replaces a client-sent header with the socket address", () => {
    const headers: Record<string, string | string[] | undefined> = {
      [SOCKET_ADDRESS_HEADER]: "6.6.6.6",
    };
    stampSocketAddress(headers, "::ffff:127.0.0.2");
    expect(headers[SOCKET_ADDRESS_HEADER]).toBe("::ffff:127.0.0.2");
    stampSocketAddress(headers, undefined);
    expect(headers[SOCKET_ADDRESS_HEADER]).toBeUndefined();
  });
});

describe("addressBucket", () => {
  it("keeps IPv4 (also IPv4-mapped) and groups IPv6 by /64", () => {
    expect(addressBucket("192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64");
    expect(addressBucket("2001:db8:0:1:bbbb:cccc:dddd:eeee")).toBe("2001:db8:0:1::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("not-an-address")).toBe("not-an-address");
  });
});
