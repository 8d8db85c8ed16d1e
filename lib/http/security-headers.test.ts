import { describe, expect, it } from "vitest";
import { createNonce, isCrossOriginPost, pageContentSecurityPolicy } from "./security-headers";

const scriptSrc = (policy: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith("script-src "))!
    .split(" ")
    .slice(1);

describe("pageContentSecurityPolicy", () => {
  it("allows eval only under next dev", () => {
    expect(scriptSrc(pageContentSecurityPolicy({ nonce: "n", development: false }))).toEqual([
      "'nonce-n'",
      "'strict-dynamic'",
    ]);
    expect(scriptSrc(pageContentSecurityPolicy({ nonce: "n", development: true }))).toEqual([
      "'nonce-n'",
      "'strict-dynamic'",
      "'unsafe-eval'",
    ]);
  });

  it("never allows inline scripts", () => {
    for (const development of [false, true])
      expect(scriptSrc(pageContentSecurityPolicy({ nonce: "n", development }))).not.toContain(
        "'unsafe-inline'",
      );
  });
});

describe("createNonce", () => {
  it("is 128 random bits, base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("isCrossOriginPost", () => {
  const check = (method: string, headers: Record<string, string>) =>
    isCrossOriginPost(method, new Headers(headers));

  it("compares the Origin's host with X-Forwarded-Host, else Host (as Next does)", () => {
    expect(check("POST", { host: "desk.example", origin: "https://desk.example" })).toBe(false);
    expect(check("POST", { host: "desk.example", origin: "https://evil.example" })).toBe(true);
    expect(check("POST", { host: "desk.example:3000", origin: "http://desk.example" })).toBe(true);
    expect(
      check("POST", {
        host: "127.0.0.1:3000",
        "x-forwarded-host": "desk.example, proxy.internal",
        origin: "https://desk.example",
      }),
    ).toBe(false);
  });

  it("refuses an opaque or malformed Origin and a missing Host", () => {
    expect(check("POST", { host: "desk.example", origin: "null" })).toBe(true);
    expect(check("POST", { host: "desk.example", origin: "::" })).toBe(true);
    expect(check("POST", { origin: "https://desk.example" })).toBe(true);
  });

  it("leaves requests without Origin and other methods to Next", () => {
    expect(check("POST", { host: "desk.example" })).toBe(false);
    expect(check("GET", { host: "desk.example", origin: "https://evil.example" })).toBe(false);
  });
});
