import { describe, expect, it } from "vitest";
import { sameSitePath } from "./same-site-path";

describe("sameSitePath", () => {
  it("keeps paths of this site, with their query", () => {
    expect(sameSitePath("/agent/tickets/2026113010000016")).toBe("/agent/tickets/2026113010000016");
    expect(sameSitePath("/login?callbackUrl=%2Fagent%2Ftokens")).toBe(
      "/login?callbackUrl=%2Fagent%2Ftokens",
    );
  });

  it("takes the path of a Referer on the same host only", () => {
    expect(sameSitePath("http://desk.example/agent/notifications?x=1", "desk.example")).toBe(
      "/agent/notifications?x=1",
    );
    expect(sameSitePath("https://evil.example/agent", "desk.example")).toBeNull();
    expect(sameSitePath("http://desk.example/agent")).toBeNull(); // no host to compare with
  });

  it("refuses what would leave the site or is no path", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "agent",
      "",
      null,
      3,
    ]) {
      expect(sameSitePath(bad, "desk.example")).toBeNull();
    }
  });
});
