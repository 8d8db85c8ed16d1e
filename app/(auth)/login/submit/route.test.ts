// Agent sign-in through its route handler, against the built app: the answer
// carries its own status (issue 10, item 3) — 429 with Retry-After when the
// account is rate-limited from this source, 401 for wrong credentials.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueTranslator } from "@/lib/i18n/catalogue-translator";
import { ADMIN, startApp, type RunningApp } from "@/tests/kit/app-server";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ env: { WORKER_IN_WEB: "false" } });
});
afterAll(async () => {
  await app?.stop();
});

/** As the page writes text into HTML. */
const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const post = (fields: Record<string, string>, json: boolean) =>
  fetch(`${app.url}/login/submit`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: app.url,
      ...(json ? { accept: "application/json" } : {}),
    },
    body: new URLSearchParams(fields),
  });

describe("sign-in route", () => {
  it("signs in: JSON names the target, a form gets 303 and the session cookie", async () => {
    const res = await post(
      { email: ADMIN.email, password: ADMIN.password, callbackUrl: "/agent/tokens" },
      true,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ redirectTo: "/agent/tokens" });
    expect(res.headers.getSetCookie().join(";")).toMatch(/authjs\.session-token=/);

    const form = await post(
      { email: ADMIN.email, password: ADMIN.password, callbackUrl: "https://evil.example/" },
      false,
    );
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toMatch(/\/agent$/);
  });

  it("answers 401 to wrong credentials, then 429 with Retry-After once limited", async () => {
    const victim = { email: "nobody-here@example.org", password: "wrong-guess" };
    const wrong = await post(victim, true);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: "failed" });
    for (let i = 0; i < 9; i++) expect((await post(victim, true)).status).toBe(401);

    const limited = await post(victim, true);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: "rate_limited" });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // Without JavaScript: a real 429 too, a page that says when to try again and offers the
    // form again with the address kept, never the password (issue 10, item 3).
    const page = await post(
      { ...victim, password: "secret-<b>guess", callbackUrl: "/agent/tokens" },
      false,
    );
    expect(page.status).toBe(429);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const pageRetry = Number(page.headers.get("retry-after"));
    expect(pageRetry).toBeGreaterThan(0);
    expect(pageRetry).toBeLessThanOrEqual(15 * 60);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'nonce-/);
    const html = await page.text();
    const en = catalogueTranslator("en", "UTC");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(en("login.title"));
    const says = en("login.rateLimitedUntil", { minutes: Math.ceil(pageRetry / 60), time: "T" });
    expect(html).toContain(escape(says.split("T)")[0]));
    expect(html).toMatch(/<form method="post" action="\/login\/submit">/);
    expect(html).toContain(`name="email" type="email"`);
    expect(html).toContain(`value="${victim.email}"`);
    expect(html).toContain('name="callbackUrl" value="/agent/tokens"');
    expect(html).not.toContain("secret-");
    expect(html).not.toContain("<script");

    // In the visitor's language (cookie, else Accept-Language).
    const german = await fetch(`${app.url}/login/submit`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: app.url,
        "accept-language": "de-DE,de;q=0.9",
      },
      body: new URLSearchParams(victim),
    });
    expect(german.status).toBe(429);
    const de = catalogueTranslator("de", "UTC");
    const germanHtml = await german.text();
    expect(germanHtml).toContain('<html lang="de">');
    expect(germanHtml).toContain(de("login.submit"));
  });

  it("without JavaScript, wrong credentials still go back to the form (303)", async () => {
    const form = await post({ email: "someone-else@example.org", password: "nope" }, false);
    expect(form.status).toBe(303);
    const location = new URL(form.headers.get("location")!, app.url);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("error")).toBe("failed");
    expect(location.searchParams.get("email")).toBe("someone-else@example.org");
  });
});
