// Agent sign-in through its route handler, against the built app: the answer
// carries its own status (issue 10, item 3) — 429 with Retry-After when the
// account is rate-limited from this source, 401 for wrong credentials.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startApp, type RunningApp } from "@/tests/kit/app-server";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ env: { WORKER_IN_WEB: "false" } });
});
afterAll(async () => {
  await app?.stop();
});

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

    // Without JavaScript: back to the form with the reason and the address kept.
    const form = await post(victim, false);
    expect(form.status).toBe(303);
    const location = new URL(form.headers.get("location")!, app.url);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("error")).toBe("rate_limited");
    expect(location.searchParams.get("email")).toBe(victim.email);
    expect(Number(form.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
