// Without a Resend key the desk keeps mail in its dev outbox: a new web
// request's confirmation shows up there, written by the in-process worker.
import { expect, test } from "../support/fixtures";
import { ADMIN, startApp, type RunningApp } from "../../tests/kit/app-server";

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp({ env: { RESEND_API_KEY: "" } });
});

test.afterAll(async () => {
  await app?.stop();
});

test("a web request's confirmation appears in the dev outbox", async ({ page }) => {
  await page.goto(`${app.url}/request`);
  const form = page.locator("form").filter({ has: page.getByLabel("Subject") });
  await form.getByLabel("Your name").fill("Olga Outbox");
  await form.getByLabel("E-mail").fill("olga@example.org");
  await form.getByLabel("Topic").selectOption({ label: "Wireless network (WLAN)" });
  await form.getByLabel("Subject").fill("Eduroam drops every hour");
  await form.getByLabel("Message").fill("Since Monday the connection drops every hour.");
  await form.getByRole("button", { name: "Send request" }).click();

  const number = (await page.getByTestId("ticket-number").innerText()).trim();
  expect(number).toMatch(/^\d{16,}$/);

  await page.goto(`${app.url}/login`);
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/agent$/);

  // The confirmation (agents' "new ticket" notifications land here too).
  const link = page.getByRole("link", {
    name: new RegExp(`\\[Ticket#${number}\\] Your request has been received`),
  });
  await expect(async () => {
    await page.goto(`${app.url}/agent/admin/outbox`);
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("row").filter({ has: link })).toContainText("olga@example.org");

  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`[Ticket#${number}]`);
  await expect(page.locator("pre").first()).toContainText(number);
  await expect(page.locator("pre").first()).toContainText(`${app.url}/status`);
  // The direct link to the ticket is in the mail as sent (the outbox is its copy).
  await expect(page.locator("pre").first()).toContainText(`${app.url}/access/`);
});
