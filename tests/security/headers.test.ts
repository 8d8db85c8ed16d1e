// Security headers and cross-site refusal, against the built app (next start):
// what a browser gets, not what the config says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "@/tests/kit/app-server";
import { buildMail, postMime } from "@/tests/kit/mail";
import { newWebhookSecret } from "@/tests/kit/webhooks";

let app: RunningApp;
const secret = newWebhookSecret();
beforeAll(async () => {
  app = await startApp({
    env: { INBOUND_WEBHOOK_SECRET: secret, INBOUND_MAX_BYTES: String(20 * 1024 * 1024) },
  });
});
afterAll(async () => {
  await app?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { headers, redirect: "manual" });

/** The directives of a CSP header as { name: [values] }. */
function directives(policy: string | null): Record<string, string[]> {
  expect(policy).toBeTruthy();
  return Object.fromEntries(
    policy!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

const PAGES = ["/", "/login", "/request", "/status", "/my-requests", "/no-such-page"];

describe("pages", () => {
  it.each(PAGES)("%s has a strict nonce CSP, and every script carries the nonce", async (path) => {
    const res = await get(path);
    expect(res.status).toBeLessThan(500);
    const csp = directives(res.headers.get("content-security-policy"));
    const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(csp["script-src"][0])?.[1];
    expect(nonce).toBeTruthy();
    expect(csp["script-src"]).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");

    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("get a fresh nonce on every response", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const policy = (await get("/request")).headers.get("content-security-policy")!;
      nonces.add(/'nonce-([^']+)'/.exec(policy)![1]);
    }
    expect(nonces.size).toBe(3);
  });

  it("send HSTS only when served over HTTPS", async () => {
    for (const path of ["/", "/api/health"]) {
      expect((await get(path)).headers.get("strict-transport-security")).toBeNull();
      const secure = await get(path, { "x-forwarded-proto": "https" });
      expect(secure.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
    }
  });
});

describe("uploads outside the proxy", () => {
  it("the request form's upload route gets its whole body, above the proxy's 1 MB (attachments)", async () => {
    const html = await (await get("/request")).text();
    const form = html.split("<form").find((part) => part.includes('name="subject"'))!;
    expect(form).toContain('action="/request/submit"');
    const body = new FormData();
    const topic = /<option value="(\d+)"/.exec(form)![1];
    for (const [name, value] of Object.entries({
      name: "Big Files",
      email: "big@example.org",
      topic,
      subject: "Two large logs",
      body: "See the attachments.",
    }))
      body.append(name, value);
    const line = "2026-11-30 04:00:00 router: link up\n";
    for (const name of ["router-1.txt", "router-2.txt"])
      body.append(
        "attachments",
        new File([line.repeat(Math.ceil(6_000_000 / line.length))], name, { type: "text/plain" }),
      );
    const res = await fetch(`${app.url}/request/submit`, {
      method: "POST",
      body,
      headers: { origin: app.url },
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/\/request\/sent\?number=\d+/);
  });

  it("cross-site posts to the upload routes are refused before the body is read", async () => {
    for (const path of ["/request/submit", "/tickets/2026113010000019/follow-up"]) {
      const res = await fetch(`${app.url}${path}`, {
        method: "POST",
        body: "x=1",
        headers: {
          origin: "https://evil.example",
          "content-type": "application/x-www-form-urlencoded",
        },
        redirect: "manual",
      });
      expect(res.status).toBe(403);
    }
  });
});

describe("routes outside the proxy", () => {
  it("API responses get the global headers but no page CSP", async () => {
    const res = await get("/api/health");
    expect(res.headers.get("content-security-policy")).toBeNull();
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("the inbound webhook receives a mail larger than the proxy would buffer (10 MB) intact", async () => {
    const line = `${"x".repeat(76)}\r\n`;
    const raw = buildMail({ subject: "Large", text: line.repeat(Math.ceil(11_000_000 / 78)) });
    expect(raw.byteLength).toBeGreaterThan(10 * 1024 * 1024);
    const res = await postMime(app.url, raw, secret);
    expect(res.status).toBe(202); // a cut body would fail its signature: 401
    expect(res.body.status).toBe("processed");
  });
});

describe("cross-site POSTs to pages (server actions)", () => {
  const post = (headers: Record<string, string>, body: BodyInit = "[]") =>
    fetch(`${app.url}/request`, { method: "POST", headers, body, redirect: "manual" });
  const action = { "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8" };

  it("are refused with 403, not 500, and log no error", async () => {
    const form = new FormData();
    form.append("subject", "x");
    const attempts = [
      await post({ ...action, origin: "https://evil.example" }),
      await post({ ...action, origin: "null" }),
      await post({ ...action, origin: `http://localhost:1` }), // another port is another site
      await post({ origin: "https://evil.example" }, form), // a plain form post (no JavaScript)
      await post({ ...action, origin: "https://evil.example", "next-router-prefetch": "1" }),
    ];
    expect(attempts.map((res) => res.status)).toEqual([403, 403, 403, 403, 403]);
    expect(app.output()).not.toMatch(/Aborting the action|Invalid Server Actions request/);
  });

  it("from the desk's own origin (or its forwarded host) are not refused", async () => {
    const own = await post({ ...action, origin: app.url });
    expect(own.status).not.toBe(403);
    expect(own.status).toBeLessThan(500);
    const forwarded = await post({
      ...action,
      origin: "https://desk.example",
      "x-forwarded-host": "desk.example",
    });
    expect(forwarded.status).not.toBe(403);
    expect(forwarded.status).toBeLessThan(500);
  });
});
