// Agent server actions in the browser (lib/actions/agent-action.ts): a field
// error by message key keeps what was typed; success shows the result.
import { startApp, type RunningApp } from "../../tests/kit/app-server";
import { expect, test } from "../support/fixtures";

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app?.stop();
});

test("an agent creates an API token, after a name the form refuses", async ({ page, signIn }) => {
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/tokens`);
  const form = page.locator("form").filter({ has: page.getByLabel("Name") });
  await form.getByLabel("Name").fill("   ");
  await form.getByRole("button", { name: "New token" }).click();
  await expect(page.getByText("Give the token a name.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("   ");

  await form.getByLabel("Name").fill("Monitoring");
  await form.getByLabel("Read-only").check();
  await form.getByRole("button", { name: "New token" }).click();
  await expect(page.getByTestId("new-token")).toHaveText(/\S{20,}/);
  await expect(page.getByRole("cell", { name: "Monitoring" })).toBeVisible();
});

test("an agent saves notification settings", async ({ page, signIn }) => {
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/settings/notifications`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
});
