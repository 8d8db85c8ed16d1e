// Agent sign-in on a desk of its own, so the dashboard is empty whatever ran before.
import { ADMIN, startApp, type RunningApp } from "../../tests/kit/app-server";
import { catalogueTranslator } from "../../lib/i18n/catalogue-translator";
import { expect, test } from "../support/fixtures";

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app?.stop();
});

const en = catalogueTranslator("en", "UTC");
const de = catalogueTranslator("de", "UTC");

test("an agent signs in, sees the empty dashboard and signs out", async ({ page, t, signIn }) => {
  await page.goto(`${app.url}/agent`);
  await expect(page).toHaveURL(/\/login/); // the agent area is protected

  await signIn({ url: app.url });
  await expect(page).toHaveURL(`${app.url}/agent`);
  await expect(page.getByRole("heading", { name: t("dashboard.title") })).toBeVisible();
  await expect(page.getByText(t("dashboard.empty"))).toBeVisible();
  await expect(page.getByText(t("nav.signedInAs", { name: "Administrator" }))).toBeVisible();

  await page.getByRole("button", { name: t("nav.signOut") }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${app.url}/agent`);
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password keeps the e-mail and says so", async ({ page, t }) => {
  await page.goto(`${app.url}/login`);
  await page.getByLabel(t("login.email")).fill(ADMIN.email);
  await page.getByLabel(t("login.password")).fill("wrong");
  // Only this attempt's lines (the en and de projects may share the app).
  const logBefore = app.output().length;
  await page.getByRole("button", { name: t("login.submit") }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(t("login.failed"));
  await expect(page.getByLabel(t("login.email"))).toHaveValue(ADMIN.email);
  // The server log has one line for it: no stack trace, no address, no password.
  const log = app.output().slice(logBefore);
  expect(log.split("\n").filter((line) => line.includes("[auth]"))).toEqual([
    "[auth] sign-in refused: wrong e-mail or password",
  ]);
  expect(log).not.toContain("CredentialsSignin");
  expect(log).not.toMatch(/^\s+at /m);
  expect(log).not.toContain(ADMIN.email);
});

test("the language can be switched and is remembered", async ({ page }) => {
  await page.goto(`${app.url}/login?callbackUrl=%2Fagent%2Ftokens`);
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("heading", { name: de("login.title") })).toBeVisible();
  await expect(page).toHaveURL(`${app.url}/login?callbackUrl=%2Fagent%2Ftokens`);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: en("login.title") })).toBeVisible();
});

// Issue 9: the agent area used to jump back to the dashboard; and the agent's language is
// stored on the agent (the switcher and the settings page set it).
test("switching language in the agent area keeps the page, with and without JavaScript", async ({
  browser,
  locale,
  t,
}) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ locale, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel(t("login.email")).fill(ADMIN.email);
    await page.getByLabel(t("login.password")).fill(ADMIN.password);
    await page.getByRole("button", { name: t("login.submit") }).click();
    await expect(page).toHaveURL(`${app.url}/agent`);

    for (const path of ["/agent/notifications", "/agent/tokens", "/agent/admin/jobs"]) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole("button", { name: "Deutsch" }).click();
      await expect(page).toHaveURL(`${app.url}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await page.getByRole("button", { name: "English" }).click();
      await expect(page).toHaveURL(`${app.url}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    }
    await context.close();
  }
});

test("an agent's language is kept on the agent and set in their settings", async ({
  browser,
  locale,
}) => {
  const signIn = async (browserLocale: string) => {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    const t = browserLocale.startsWith("de") ? de : en;
    await page.getByLabel(t("login.email")).fill(ADMIN.email);
    await page.getByLabel(t("login.password")).fill(ADMIN.password);
    await page.getByRole("button", { name: t("login.submit") }).click();
    await expect(page).toHaveURL(`${app.url}/agent`);
    return { context, page };
  };

  // Choose German in the settings (from whichever language this run's browser speaks).
  const first = await signIn(locale!);
  await first.page.goto(`${app.url}/agent/settings/notifications`);
  await first.page.getByRole("radio", { name: "Deutsch" }).check();
  await first.page
    .locator("form")
    .filter({ has: first.page.getByRole("radio") })
    .locator("button")
    .click();
  await expect(first.page.getByRole("status")).toHaveText(
    de("settings.languageSaved", { language: "Deutsch" }),
  );
  await expect(first.page.locator("html")).toHaveAttribute("lang", "de");
  await first.context.close();

  // A fresh English browser: the agent's stored German wins at sign-in.
  const second = await signIn("en-US");
  await expect(second.page.locator("html")).toHaveAttribute("lang", "de");
  await expect(second.page.getByRole("heading", { name: de("dashboard.title") })).toBeVisible();
  // The switcher changes it again, for this browser and on the agent.
  await second.page.getByRole("button", { name: "English" }).click();
  await expect(second.page.locator("html")).toHaveAttribute("lang", "en");
  await second.page.goto(`${app.url}/agent/settings/notifications`);
  await expect(second.page.getByRole("radio", { name: "English" })).toBeChecked();
  await second.context.close();
});

test("a guesser hammering an account does not lock out a device that signed in before", async ({
  browser,
  t,
}) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  const signIn = async (page: typeof ownerPage, password: string) => {
    await page.goto(`${app.url}/login`);
    // After signing out, a page follows the agent's stored language (earlier tests change it).
    const tr = (await page.locator("html").getAttribute("lang")) === "de" ? de : en;
    await page.getByLabel(tr("login.email")).fill(ADMIN.email);
    await page.getByLabel(tr("login.password")).fill(password);
    await page.getByRole("button", { name: tr("login.submit") }).click();
  };
  await signIn(ownerPage, ADMIN.password);
  await expect(ownerPage).toHaveURL(`${app.url}/agent`);
  expect((await owner.cookies()).map((c) => c.name)).toContain("helpdesk-device");
  // The agent area is in the agent's stored language, which earlier tests may have changed.
  await ownerPage
    .getByRole("button", { name: new RegExp(`^(${en("nav.signOut")}|${de("nav.signOut")})$`) })
    .click();
  await expect(ownerPage).toHaveURL(/\/login/);

  // A third party from the same address (all test clients are 127.0.0.1).
  const guesser = await browser.newContext();
  const guesserPage = await guesser.newPage();
  // Ten failures from here (an earlier test may have spent one) and the address is stopped.
  const alert = guesserPage.locator("form").getByRole("alert");
  let refusedAfter = 0;
  for (let i = 1; i <= 11 && !refusedAfter; i++) {
    await signIn(guesserPage, `wrong-${i}`);
    await expect(alert).toBeVisible();
    if ((await alert.textContent()) === t("login.rateLimited")) refusedAfter = i;
  }
  expect(refusedAfter).toBeGreaterThanOrEqual(10);
  await signIn(guesserPage, ADMIN.password);
  await expect(guesserPage.locator("form").getByRole("alert")).toHaveText(t("login.rateLimited"));

  await signIn(ownerPage, ADMIN.password);
  await expect(ownerPage).toHaveURL(`${app.url}/agent`);
  await owner.close();
  await guesser.close();
});

// Issue 10, item 3: without JavaScript a throttled sign-in is a real 429 — a page in the
// visitor's language that says when to try again and keeps the address in the form.
test("without JavaScript, a throttled sign-in answers 429 with the form and the address kept", async ({
  browser,
  page,
  locale,
  language,
  t,
}) => {
  const email = `throttled-${language}@example.org`;
  const context = await browser.newContext({ locale, javaScriptEnabled: false });
  const noScript = await context.newPage();
  const submit = async (target: typeof noScript, password: string) => {
    await target.getByLabel(t("login.password")).fill(password);
    const [response] = await Promise.all([
      target.waitForResponse(
        (r) => r.url().endsWith("/login/submit") && r.request().method() === "POST",
      ),
      target.getByRole("button", { name: t("login.submit") }).click(),
    ]);
    return response;
  };
  await noScript.goto(`${app.url}/login`);
  await noScript.getByLabel(t("login.email")).fill(email);
  let response = await submit(noScript, "wrong-0");
  for (let i = 1; i < 12 && response.status() !== 429; i++) {
    expect(response.status()).toBe(303); // wrong password: back to the form, as before
    await expect(noScript.locator("form").getByRole("alert")).toHaveText(t("login.failed"));
    response = await submit(noScript, `wrong-${i}`);
  }
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(noScript.locator("html")).toHaveAttribute("lang", language);
  await expect(noScript.getByRole("heading", { name: t("login.title") })).toBeVisible();
  const says = t("login.rateLimitedUntil", { minutes: 15, time: "T" }).split(/\d+/)[0];
  await expect(noScript.locator("form").getByRole("alert")).toContainText(says);
  await expect(noScript.getByLabel(t("login.email"))).toHaveValue(email);
  await expect(noScript.getByLabel(t("login.password"))).toHaveValue("");
  // The form on that page works: trying again too soon is refused the same way.
  expect((await submit(noScript, "wrong-again")).status()).toBe(429);
  await expect(noScript.getByLabel(t("login.email"))).toHaveValue(email);
  await context.close();

  // The same page in a browser that runs scripts (a plain form submission): no CSP violation.
  await page.goto(`${app.url}/login`);
  await page.getByLabel(t("login.email")).fill(email);
  await page.getByLabel(t("login.password")).fill("wrong-again");
  await Promise.all([
    page.waitForURL(`${app.url}/login/submit`),
    page
      .locator("form")
      .filter({ has: page.getByLabel(t("login.password")) })
      .evaluate((form) => (form as HTMLFormElement).submit()),
  ]);
  await expect(page.locator("form").getByRole("alert")).toContainText(says);
});
