import { describe, expect, it } from "vitest";
import { seedDatabase } from "../setup/seed";
import { createAgent } from "./create-agent";
import { authenticateAgent } from "./authenticate-agent";
import { issueTrustedDevice, trustedDeviceId } from "./trusted-device";

const now = new Date("2026-11-30T05:00:00Z");
const signIn = (email: string, password: string, ip: string, device?: string | null) =>
  authenticateAgent({ email, password, ip, trustedDeviceId: device, now });

const withAgent = async (email: string) => {
  await seedDatabase();
  await createAgent({ email, name: "G", password: "right-password" });
};

describe("authenticateAgent", () => {
  it("signs in with the right password, refuses a wrong one", async () => {
    await withAgent("Guess@Example.org");
    expect(await signIn("GUESS@example.org", "right-password", "198.51.100.1")).toMatchObject({
      ok: true,
      agent: { email: "guess@example.org" },
    });
    expect(await signIn("guess@example.org", "wrong", "198.51.100.1")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("counts failures per account and source: a guesser cannot lock the owner out", async () => {
    await withAgent("admin-lock@example.org");
    for (let i = 0; i < 10; i++) {
      expect(await signIn("admin-lock@example.org", `wrong-${i}`, "203.0.113.66")).toMatchObject({
        reason: "invalid",
      });
    }
    // The guesser's address is stopped, even with the right password, without checking it.
    expect(await signIn("admin-lock@example.org", "right-password", "203.0.113.66")).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    // The owner, elsewhere, signs in as usual.
    expect(await signIn("admin-lock@example.org", "right-password", "198.51.100.2")).toMatchObject({
      ok: true,
    });
  });

  it("counts only failures: successful sign-ins never use up the budget", async () => {
    await withAgent("busy@example.org");
    for (let i = 0; i < 15; i++) {
      expect(await signIn("busy@example.org", "right-password", "198.51.100.3")).toMatchObject({
        ok: true,
      });
    }
  });

  it("stops one address spraying guesses over many accounts", async () => {
    await withAgent("spray-target@example.org");
    for (let i = 0; i < 50; i++) await signIn(`nobody-${i}@example.org`, "guess", "203.0.113.77");
    expect(
      await signIn("spray-target@example.org", "right-password", "203.0.113.77"),
    ).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
  }, 240_000); // fifty scrypt checks on a busy machine

  it("lets a device that signed in before keep signing in while its address is hammered", async () => {
    await withAgent("owner@example.org");
    const secret = "test-secret";
    const cookie = issueTrustedDevice("owner@example.org", secret, now);
    const device = trustedDeviceId(cookie, "owner@example.org", secret, now);
    expect(device).toBeTruthy();
    // A third party behind the same address (shared NAT) hammers the account.
    for (let i = 0; i < 12; i++) await signIn("owner@example.org", `wrong-${i}`, "192.0.2.50");
    expect(await signIn("owner@example.org", "right-password", "192.0.2.50")).toMatchObject({
      reason: "rate_limited",
    });
    expect(await signIn("owner@example.org", "right-password", "192.0.2.50", device)).toMatchObject(
      { ok: true },
    );
    // The device's own failures (a typo) are counted apart and do not touch the others'.
    expect(await signIn("owner@example.org", "typo", "192.0.2.50", device)).toMatchObject({
      reason: "invalid",
    });
  });
});

describe("trusted device cookie", () => {
  const secret = "test-secret";
  it("is only valid for its account, its secret, unaltered and within 180 days", () => {
    const cookie = issueTrustedDevice("Owner@example.org", secret, now);
    expect(trustedDeviceId(cookie, "owner@example.org", secret, now)).toMatch(/^[\w-]{16}$/);
    expect(trustedDeviceId(cookie, "other@example.org", secret, now)).toBeNull();
    expect(trustedDeviceId(cookie, "owner@example.org", "other-secret", now)).toBeNull();
    const [id, issued, email, signature] = cookie.split(".");
    const forged = [id, issued, Buffer.from("other@example.org").toString("base64url"), signature];
    expect(trustedDeviceId(forged.join("."), "other@example.org", secret, now)).toBeNull();
    expect(
      trustedDeviceId(`${id}x.${issued}.${email}.${signature}`, "owner@example.org", secret, now),
    ).toBeNull();
    const later = new Date(now.getTime() + 181 * 24 * 3600 * 1000);
    expect(trustedDeviceId(cookie, "owner@example.org", secret, later)).toBeNull();
    expect(trustedDeviceId(undefined, "owner@example.org", secret, now)).toBeNull();
  });
});

it("still stops a burst of guesses that straddles a window boundary", async () => {
  await seedDatabase();
  await createAgent({ email: "edge@example.org", name: "E", password: "right-password" });
  const boundary = new Date("2026-11-30T05:30:00Z").getTime();
  for (let i = 0; i < 10; i++) {
    const at = new Date(boundary + (i - 5) * 1000); // five before 05:30, five after
    await authenticateAgent({
      email: "edge@example.org",
      password: `wrong-${i}`,
      ip: "203.0.113.99",
      now: at,
    });
  }
  expect(
    await authenticateAgent({
      email: "edge@example.org",
      password: "right-password",
      ip: "203.0.113.99",
      now: new Date(boundary + 10_000),
    }),
  ).toMatchObject({ reason: "rate_limited" });
});
