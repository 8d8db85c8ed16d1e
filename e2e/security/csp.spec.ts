// The page CSP in a real browser: the desk's own scripts run (every spec fails
// on any violation, e2e/support/fixtures.ts), injected ones do not.
import { expect, test } from "../support/fixtures";

const injected = () => (window as unknown as { __injected?: string[] }).__injected;

// What a stored HTML injection would put into a server-rendered page.
const PAYLOAD = [
  `<script>(window.__injected ??= []).push("inline")</script>`,
  `<script src="/injected.js"></script>`,
  `<img src="data:," onerror="(window.__injected ??= []).push('handler')">`,
].join("");

test("scripts injected into a page are blocked and reported", async ({
  page,
  cspViolations,
  t,
}) => {
  // The real response, CSP header included, with the payload in its body.
  await page.route("**/request", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(<body[^>]*>)/, `$1${PAYLOAD}`);
    await route.fulfill({ response, body: html });
  });
  await page.goto("/request");
  await expect(page.getByLabel(t("portal.request.subject"))).toBeVisible();
  // An inline handler added by client-side injection (innerHTML).
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.innerHTML = `<img src="data:," onerror="(window.__injected ??= []).push('dom')">`;
    document.body.append(div);
  });

  await expect.poll(() => cspViolations.length).toBeGreaterThanOrEqual(4);
  expect(await page.evaluate(injected)).toBeUndefined();
  const seen = cspViolations.map((v) => `${v.directive} ${v.blocked}`);
  expect(seen).toEqual(
    expect.arrayContaining([
      "script-src-elem inline",
      expect.stringMatching(/^script-src-elem .*\/injected\.js$/),
      "script-src-attr inline",
    ]),
  );
  expect(seen.filter((v) => v === "script-src-attr inline")).toHaveLength(2);
  // The page itself still works: the desk's scripts carry the nonce.
  await expect
    .poll(() => page.evaluate(() => typeof (window as { next?: object }).next))
    .toBe("object");
  // Seen and checked: the fixture fails a test on any violation left over.
  cspViolations.length = 0;
});

test("the desk's own scripts run under the policy (the app hydrates), and the browser takes every header", async ({
  page,
}) => {
  // Chromium reports a header it cannot parse, or a Permissions-Policy feature it does
  // not know, on the console of every page ("Error with Permissions-Policy header: …").
  const rejected: string[] = [];
  page.on("console", (message) => {
    if (/header/i.test(message.text())) rejected.push(`${message.type()}: ${message.text()}`);
  });
  for (const path of ["/", "/request", "/status", "/my-requests", "/login"]) {
    await page.goto(path);
    // Next's client sets window.next once its (nonce-carrying) scripts ran.
    await expect
      .poll(() => page.evaluate(() => typeof (window as { next?: object }).next))
      .toBe("object");
  }
  expect(rejected).toEqual([]);
});
