// An admin adds an IMAP mail account in the browser (against a real Dovecot
// the spec starts), tests the connection, switches fetching on, and the
// waiting mail becomes a ticket. The password is never shown again.
import { apiClient, startApp, type RunningApp } from "../../tests/kit/app-server";
import { dovecotMissing, startDovecot, type Dovecot } from "../../tests/kit/dovecot";
import { buildMail, newMessageId } from "../../tests/kit/mail";
import { expect, test } from "../support/fixtures";

let app: RunningApp;
let dovecot: Dovecot;

test.skip(!!dovecotMissing, dovecotMissing ?? "");

test.beforeAll(async () => {
  dovecot = await startDovecot();
  app = await startApp();
});

test.afterAll(async () => {
  await app?.stop();
  await dovecot?.stop();
});

test("an admin adds a mail account, tests it, and its mail becomes a ticket", async ({
  page,
  t,
  signIn,
}) => {
  const subject = `Projector in lecture hall 2 ${newMessageId()}`;
  await dovecot.append("Support", [buildMail({ messageId: newMessageId(), subject })]);
  await signIn({ url: app.url });
  await page.getByRole("link", { name: t("adminPeople.nav.administration") }).click();
  await page
    .getByRole("navigation", { name: t("adminPeople.nav.label") })
    .getByRole("link", { name: t("adminPeople.nav.mailAccounts") })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("mailAccounts.title"));

  const form = page
    .locator("form")
    .filter({ has: page.getByLabel(t("mailAccounts.host"), { exact: true }) });
  await form.getByLabel(t("mailAccounts.name"), { exact: true }).fill("Support");
  await form.getByLabel(t("mailAccounts.host"), { exact: true }).fill(dovecot.host);
  await form.getByLabel(t("mailAccounts.port"), { exact: true }).fill(String(dovecot.port));
  await form.getByLabel(t("mailAccounts.security"), { exact: true }).selectOption("none");
  await form.getByLabel(t("mailAccounts.username"), { exact: true }).fill(dovecot.user);
  await form.getByLabel(t("mailAccounts.password"), { exact: true }).fill(dovecot.password);
  await form.getByLabel(t("mailAccounts.folder"), { exact: true }).fill("Support");
  await form.getByLabel(t("mailAccounts.moveTo"), { exact: true }).fill("Support-done");
  // Not fetching yet: the test below sees the waiting message.
  await form.getByLabel(t("mailAccounts.active"), { exact: true }).uncheck();
  await form.getByRole("button", { name: t("mailAccounts.create") }).click();
  await expect(page).toHaveURL(/\/agent\/admin\/mail-accounts\/\d+/);

  await page.getByRole("button", { name: t("mailAccounts.testConnection") }).click();
  await expect(page.getByRole("status")).toHaveText(t("mailAccounts.testOk", { count: 1 }));

  const edit = page
    .locator("form")
    .filter({ has: page.getByLabel(t("mailAccounts.host"), { exact: true }) });
  await expect(edit.getByLabel(t("mailAccounts.password"), { exact: true })).toHaveValue("");
  expect(await page.content()).not.toContain(dovecot.password);
  await edit.getByLabel(t("mailAccounts.active"), { exact: true }).check();
  await edit.getByRole("button", { name: t("mailAccounts.save") }).click();
  await expect(edit.getByRole("status")).toHaveText(t("mailAccounts.saved"));

  // The worker in the web process fetches it (the blank password kept the stored one).
  const api = apiClient(app);
  await expect(async () => {
    const res = await api("GET", `/api/v1/tickets?q=${encodeURIComponent("lecture hall 2")}`);
    expect(res.body.data.map((ticket: { title: string }) => ticket.title)).toContain(subject);
  }).toPass({ timeout: 60_000 });
  await page.reload();
  await expect(page.getByText(t("mailAccounts.lastSuccess"))).toBeVisible();
  expect(await dovecot.count("Support-done")).toBe(1);
});
