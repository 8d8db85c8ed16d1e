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
