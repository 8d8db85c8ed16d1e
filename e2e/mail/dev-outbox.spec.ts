// Without a Resend key the desk keeps mail in its dev outbox: a new web
// request's confirmation shows up there, written by the in-process worker.
import { startApp, type RunningApp } from "../../tests/kit/app-server";
import { expect, test } from "../support/fixtures";

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp({ env: { RESEND_API_KEY: "" } });
});

test.afterAll(async () => {
  await app?.stop();
});

test("a web request's confirmation appears in the dev outbox", async ({
  page,
  t,
  language,
  signIn,
}) => {
  await page.goto(`${app.url}/request`);
  const form = page.locator("form").filter({ has: page.getByLabel(t("portal.request.subject")) });
  await form.getByLabel(t("portal.request.name")).fill("Olga Outbox");
  await form.getByLabel(t("portal.request.email")).fill("olga@example.org");
  // The seeded WLAN queue's public name in the page's language.
  await form
    .getByLabel(t("portal.request.topic"))
    .selectOption({ label: language === "de" ? "Funknetz (WLAN)" : "Wireless network (WLAN)" });
  await form.getByLabel(t("portal.request.subject")).fill("Eduroam drops every hour");
  await form
    .getByLabel(t("portal.request.body"))
    .fill("Since Monday the connection drops every hour.");
  await form.getByRole("button", { name: t("portal.request.submit") }).click();

  const number = (await page.getByTestId("ticket-number").innerText()).trim();
  expect(number).toMatch(/^\d{16,}$/);

  await signIn({ url: app.url });

  // The confirmation, in the language the customer wrote in (agents' notifications land here too).
  const subject = t("mail.autoResponse.subject", { title: "Eduroam drops every hour" });
  const link = page.getByRole("link", { name: `[Ticket#${number}] ${subject}`, exact: true });
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
