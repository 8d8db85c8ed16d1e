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

test("an agent creates an API token, after a name the form refuses", async ({
  page,
  signIn,
  t,
}) => {
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/tokens`);
  const form = page.locator("form").filter({ has: page.getByLabel(t("tokens.name")) });
  await form.getByLabel(t("tokens.name")).fill("   ");
  await form.getByRole("button", { name: t("tokens.newToken") }).click();
  await expect(page.getByText(t("tokens.nameRequired"))).toBeVisible();
  await expect(form.getByLabel(t("tokens.name"))).toHaveValue("   ");

  await form.getByLabel(t("tokens.name")).fill("Monitoring");
  await form.getByLabel(t("tokens.readOnly")).check();
  await form.getByRole("button", { name: t("tokens.newToken") }).click();
  await expect(page.getByTestId("new-token")).toHaveText(/\S{20,}/);
  await expect(page.getByRole("cell", { name: "Monitoring" })).toBeVisible();
});

test("an agent saves notification settings", async ({ page, signIn, t }) => {
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/settings/notifications`);
  // The page has two forms (language, notifications): save the notification table's.
  const form = page.locator("form").filter({ has: page.locator("table") });
  await form.getByRole("button", { name: t("common.save") }).click();
  await expect(
    form.getByRole("status").filter({ hasText: t("notifications.saved") }),
  ).toBeVisible();
});
