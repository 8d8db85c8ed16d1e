// Against the built app: opening a link (GET) only shows a button; the
// same-origin POST of its form exchanges the token for the session cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requestAccessLink } from "@/lib/portal/request-access-link";
import { requestMagicLink } from "@/lib/portal/request-magic-link";
import {
  freshIp,
  lastMailLink,
  runLinkRequests,
  submitAccessForm,
  submitRequest,
  tokenOf,
} from "@/tests/kit/portal";
import { hashCustomerToken } from "@/lib/portal/tokens";
import { startApp, type RunningApp } from "@/tests/kit/app-server";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ shareDatabase: true, env: { WORKER_IN_WEB: "false" } });
});
afterAll(async () => {
  await app?.stop();
});

async function magicLinkFor(email: string) {
  await requestMagicLink({ email, ip: freshIp(), locale: "en" });
  await runLinkRequests();
  return tokenOf((await lastMailLink("magic-link", email))!);
}

const usedAt = async (token: string) =>
  (await db.customerToken.findUniqueOrThrow({ where: { tokenHash: hashCustomerToken(token) } }))
    .usedAt;

describe("opening a customer link", () => {
  it("by GET leaves a sign-in link usable: it only shows the Continue button", async () => {
    await submitRequest({ email: "max@example.org" });
    const token = await magicLinkFor("max@example.org");

    // A mail scanner fetches the link, twice, and follows nothing.
    for (const _ of [1, 2]) {
      const res = await fetch(`${app.url}/access/${token}`, { redirect: "manual" });
      expect(res.status).toBe(200);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(res.headers.get("cache-control")).toMatch(/no-store/);
      const html = await res.text();
      expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Continue<\/button>/);
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"\/>/);
    }
    expect(await usedAt(token)).toBeNull();
    const german = await fetch(`${app.url}/access/${token}`, { headers: { cookie: "locale=de" } });
    expect(await german.text()).toMatch(/<button[^>]*>Weiter<\/button>/);

    // The customer's click signs in — once.
    const res = await submitAccessForm(app.url, token);
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get("location")!, app.url).pathname).toBe("/my-requests");
    expect(res.headers.get("set-cookie")).toMatch(/^hd_customer_session=[A-Za-z0-9_-]{43};/);
    expect(await usedAt(token)).not.toBeNull();
    const again = await submitAccessForm(app.url, token);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toMatch(/\/status\?link=invalid$/);
    expect(again.headers.get("set-cookie")).toBeNull();
  });

  it("by a POST from another site changes nothing (no login CSRF)", async () => {
    await submitRequest({ email: "ned@example.org" });
    const token = await magicLinkFor("ned@example.org");
    for (const origin of ["https://evil.example", "null"]) {
      const forged = await submitAccessForm(app.url, token, { origin });
      expect(forged.status).not.toBe(303);
      expect(forged.headers.get("set-cookie")).toBeNull();
    }
    expect(await usedAt(token)).toBeNull();
    expect((await submitAccessForm(app.url, token)).status).toBe(303);
  });

  it("exchanges an access link for an httpOnly, SameSite=Lax cookie and a URL without the token", async () => {
    const { number } = await submitRequest({ email: "jo@example.org" });
    await requestAccessLink({ number, email: "jo@example.org", ip: freshIp(), locale: "en" });
    await runLinkRequests();
    const token = tokenOf((await lastMailLink("access-link", "jo@example.org"))!);
    const res = await submitAccessForm(app.url, token);
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(new URL(location, app.url).pathname).toBe(`/tickets/${number}`);
    expect(location).not.toContain(token);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^hd_customer_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // http APP_URL in tests

    // Every failure looks the same: "link not valid", no cookie.
    for (const bad of ["x".repeat(43), "not-a-token"]) {
      const page = await fetch(`${app.url}/access/${bad}`);
      expect(page.status).toBe(200);
      const refused = await submitAccessForm(app.url, bad);
      expect(refused.status).toBe(303);
      expect(new URL(refused.headers.get("location")!, app.url).pathname).toBe("/status");
      expect(refused.headers.get("set-cookie")).toBeNull();
    }

    const page = await fetch(`${app.url}/tickets/${number}`, {
      headers: { cookie: cookie.split(";")[0] },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("It smokes.");
    expect((await fetch(`${app.url}/tickets/${number}`)).status).toBe(404);
  });
});
