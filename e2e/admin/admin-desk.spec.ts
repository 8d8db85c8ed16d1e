// Issue 14 (queues, standard responses): an admin sets up a queue with an inbound address in the
// browser and mail to that address lands in it; an impossible calendar is refused at its field
// with the input kept; a standard response is written with a live preview.
import { randomUUID } from "node:crypto";
import { startApp, apiClient, type RunningApp } from "../../tests/kit/app-server";
import { buildMail, postMime } from "../../tests/kit/mail";
import { newWebhookSecret } from "../../tests/kit/webhooks";
import { expect, test } from "../support/fixtures";

const secret = newWebhookSecret();
let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp({ env: { INBOUND_WEBHOOK_SECRET: secret, WORKER_IN_WEB: "false" } });
});

test.afterAll(async () => {
  await app?.stop();
});

test("a queue created with an inbound address receives its mail; an impossible calendar is refused at the field", async ({
  page,
  t,
  signIn,
}) => {
  const id = randomUUID().slice(0, 8);
  const name = `Printing ${id}`;
  const address = `print-${id}@uni.example`;
  await signIn({ url: app.url });

  await page.goto(`${app.url}/agent/admin/queues`);
  await page.getByRole("link", { name: t("adminDesk.queues.newQueue") }).click();
  const form = page
    .locator("form")
    .filter({ has: page.getByLabel(t("adminDesk.queueForm.addresses")) });
  await form.getByLabel(t("adminDesk.queueForm.name"), { exact: true }).fill(name);
  await form
    .getByLabel(t("adminDesk.queueForm.group"), { exact: true })
    .selectOption({ label: "users" });
  await form.getByLabel(t("adminDesk.queueForm.addresses")).fill(address.toUpperCase());
  await form.getByLabel(t("adminDesk.queueForm.senderName")).fill("Print service");
  await form.getByRole("button", { name: t("adminDesk.queueForm.create") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    t("adminDesk.queueForm.editTitle", { name }),
  );
  await expect(page.getByRole("status")).toHaveText(t("adminDesk.queueForm.saved"));
  await expect(form.getByLabel(t("adminDesk.queueForm.addresses"))).toHaveValue(address);

  // Mail to the new address becomes a ticket in the new queue.
  const posted = await postMime(
    app.url,
    buildMail({ to: address, subject: `Toner ${id}` }),
    secret,
  );
  expect([posted.status, posted.body.status]).toEqual([202, "processed"]);
  const ticket = await apiClient(app)("GET", `/api/v1/tickets/${posted.body.ticketNumber}`);
  expect(ticket.body.queue).toBe(name);

  // Business hours: Monday 17:00–08:00 cannot be; the error sits at Monday, the input stays.
  const monday = t("adminDesk.queueForm.weekdays.1");
  await form.getByLabel(t("adminDesk.queueForm.calendarEnabled")).check();
  await form.getByLabel(t("adminDesk.queueForm.timeZone")).fill("Europe/Berlin");
  const opens = form.getByLabel(t("adminDesk.queueForm.opensOn", { day: monday }));
  await opens.fill("17:00");
  await form.getByLabel(t("adminDesk.queueForm.closesOn", { day: monday })).fill("08:00");
  await form.getByRole("button", { name: t("adminDesk.queueForm.save") }).click();
  await expect(opens).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(t("adminDesk.queueForm.hoursInvalid"))).toBeVisible();
  await expect(opens).toHaveValue("17:00");
  await expect(form.getByLabel(t("adminDesk.queueForm.timeZone"))).toHaveValue("Europe/Berlin");
  const stored = await apiClient(app)("GET", `/api/v1/queues`);
  expect(stored.body.queues.find((q: { name: string }) => q.name === name).calendar).toBeNull();
});

test("a standard response is written with a live preview and offered in its queue", async ({
  page,
  t,
  signIn,
}) => {
  const name = `Toner ordered ${randomUUID().slice(0, 8)}`;
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/admin/standard-responses/new`);
  const form = page
    .locator("form")
    .filter({ has: page.getByLabel(t("adminDesk.standardResponseForm.body")) });
  await form.getByLabel(t("adminDesk.standardResponseForm.name")).fill(name);
  await form
    .getByLabel(t("adminDesk.standardResponseForm.body"))
    .fill("Dear {{customer.name}}, the toner for {{ticket.number}} is ordered.");
  await expect(page.getByTestId("response-body-preview")).toContainText(
    `Dear ${t("adminDesk.sample.customerName")}, the toner for 20261130`,
  );
  await form.getByLabel("WLAN", { exact: true }).check();
  await form.getByRole("button", { name: t("adminDesk.standardResponseForm.create") }).click();
  await expect(page.getByRole("status")).toHaveText(t("adminDesk.standardResponseForm.saved"));

  const listed = await apiClient(app)("GET", "/api/v1/standard-responses");
  const created = listed.body.standardResponses.find((r: { name: string }) => r.name === name);
  const wlan = (await apiClient(app)("GET", "/api/v1/queues")).body.queues.find(
    (q: { name: string }) => q.name === "WLAN",
  );
  expect(created).toMatchObject({ active: true, queueIds: [wlan.id] });
});
