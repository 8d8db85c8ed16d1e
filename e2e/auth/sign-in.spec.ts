// Agent sign-in on a desk of its own, so the dashboard is empty whatever ran before.
import { expect, test } from "../support/fixtures";
import { ADMIN, startApp, type RunningApp } from "../../tests/kit/app-server";

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app?.stop();
});

test("an agent signs in, sees the empty dashboard and signs out", async ({ page }) => {
  await page.goto(`${app.url}/agent`);
  await expect(page).toHaveURL(/\/login/); // the agent area is protected

  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${app.url}/agent`);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("No open tickets in your queues.")).toBeVisible();
  await expect(page.getByText("Signed in as Administrator")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${app.url}/agent`);
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password keeps the e-mail and says so", async ({ page }) => {
  await page.goto(`${app.url}/login`);
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("E-mail or password is wrong.");
  await expect(page.getByLabel("E-mail")).toHaveValue(ADMIN.email);
  // The server log has one line for it: no stack trace, no address, no password.
  const log = app.output();
  expect(log.split("\n").filter((line) => line.includes("[auth]"))).toEqual([
    "[auth] sign-in refused: wrong e-mail or password",
  ]);
  expect(log).not.toContain("CredentialsSignin");
  expect(log).not.toMatch(/^\s+at /m);
  expect(log).not.toContain(ADMIN.email);
});

test("the language can be switched to German and is remembered", async ({ page }) => {
  await page.goto(`${app.url}/login`);
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("heading", { name: "Anmeldung für Agenten" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Agent sign-in" })).toBeVisible();
});

test("a guesser hammering an account does not lock out a device that signed in before", async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  const signIn = async (page: typeof ownerPage, password: string) => {
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await signIn(ownerPage, ADMIN.password);
  await expect(ownerPage).toHaveURL(`${app.url}/agent`);
  expect((await owner.cookies()).map((c) => c.name)).toContain("helpdesk-device");
  await ownerPage.getByRole("button", { name: "Sign out" }).click();
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
    if ((await alert.textContent())?.startsWith("Too many")) refusedAfter = i;
  }
  expect(refusedAfter).toBeGreaterThanOrEqual(10);
  await signIn(guesserPage, ADMIN.password);
  await expect(guesserPage.locator("form").getByRole("alert")).toHaveText(
    /^Too many failed sign-ins for this account from here/,
  );

  await signIn(ownerPage, ADMIN.password);
  await expect(ownerPage).toHaveURL(`${app.url}/agent`);
  await owner.close();
  await guesser.close();
});
