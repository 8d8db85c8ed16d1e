// Agent server actions in the browser (lib/actions/agent-action.ts): a field
// error by message key keeps what was typed; success shows the result. And an agent
// working a ticket on the zoom (issue 13), against the suite's app and its Resend stub.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { startApp, type RunningApp } from "../../tests/kit/app-server";
import { openTicketAsCustomer, waitForMail, type SentMail } from "../portal/portal-helpers";
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

interface Arranged {
  number: string;
  title: string;
  customerEmail: string;
  messageId: string;
  responseName: string;
  colleague: { email: string; name: string; password: string };
}

/** What the spec needs that no page creates yet (tests/kit/arrange-agent-work.ts, through lib). */
function arrangeAgentWork(databaseUrl: string): Arranged {
  const out = execFileSync(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "tests/kit/arrange-agent-work.ts"],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
  );
  return JSON.parse(out);
}

test("an agent works a ticket: standard-response reply, note, phone call, pending, owner, queue, phone ticket", async ({
  page,
  browser,
  signIn,
  state,
  t,
}) => {
  test.setTimeout(180_000);
  const arranged = arrangeAgentWork(state.databaseUrl);
  const { number } = arranged;
  await signIn();
  await page.goto(`/agent/tickets/${number}`);

  // Reply with the queue's standard response: variables filled, previewed, sent.
  await page.getByText(t("ticketActions.reply.heading"), { exact: true }).click();
  const reply = page.locator("form").filter({ has: page.locator("#reply-body") });
  await expect(reply.getByLabel(t("ticketActions.reply.to"), { exact: true })).toHaveValue(
    arranged.customerEmail,
  );
  await reply
    .getByLabel(t("standardResponses.label"))
    .selectOption({ label: arranged.responseName });
  await reply.getByRole("button", { name: t("standardResponses.insert") }).click();
  await reply.getByRole("button", { name: t("ticketActions.reply.preview") }).click();
  await expect(reply.getByTestId("reply-preview")).toContainText(
    `about ${arranged.title} (${number}) in Misc`,
  );
  await reply.getByRole("button", { name: t("ticketActions.reply.send") }).click();
  await expect(reply.getByRole("status")).toHaveText(t("ticketActions.reply.sent"));
  const mail = (await waitForMail(state.stubUrl, arranged.customerEmail, (m) =>
    m.subject.includes(`[Ticket#${number}]`),
  )) as SentMail & { from: string; headers?: Record<string, string> };
  expect(mail.text).toContain(`Dear Carol Meyer,\nabout ${arranged.title} (${number}) in Misc:`);
  expect(mail.text).toContain("> It drops every hour.");
  expect(mail.from).toMatch(/^"Administrator via .+" <.+@.+>$/);
  expect(mail.headers?.["In-Reply-To"]).toBe(arranged.messageId);

  // An internal note, then a phone call the customer may see.
  await page.getByText(t("ticketActions.note.heading"), { exact: true }).click();
  const note = page.locator("form").filter({ has: page.locator("#note-body") });
  await note.getByLabel(t("ticketActions.note.body")).fill("Internal: the access point is old.");
  await note.getByRole("button", { name: t("ticketActions.note.submit") }).click();
  await expect(
    page.getByRole("article").filter({ hasText: "Internal: the access point is old." }),
  ).toBeVisible();
  await note.getByLabel(t("ticketActions.note.kinds.phone")).check();
  await note.getByLabel(t("ticketActions.note.visible")).check();
  await note.getByLabel(t("ticketActions.note.body")).fill("Phone: Carol confirms it works.");
  await note.getByRole("button", { name: t("ticketActions.note.submit") }).click();
  await expect(
    page.getByRole("article").filter({ hasText: "Phone: Carol confirms it works." }),
  ).toBeVisible();

  // Pending reminder with a date, a colleague as owner, another queue.
  await page.getByText(t("ticketActions.change.heading"), { exact: true }).click();
  const stateForm = page.locator("form").filter({ has: page.locator("#change-state") });
  await stateForm.getByLabel(t("ticketActions.change.state")).selectOption("pending_reminder");
  await stateForm.getByRole("button", { name: t("ticketActions.change.save") }).click();
  await expect(stateForm.getByText(t("agentErrors.pendingTimeRequired"))).toBeVisible();
  await stateForm.getByLabel(t("ticketActions.change.pendingUntil")).fill("2026-12-03T09:00");
  await stateForm.getByRole("button", { name: t("ticketActions.change.save") }).click();
  await expect(stateForm.getByRole("status")).toHaveText(t("ticketActions.saved"));
  await expect(page.getByText(t("zoom.pendingUntil"), { exact: true })).toBeVisible();
  const ownerForm = page.locator("form").filter({ has: page.locator("#change-owner") });
  await ownerForm
    .getByLabel(t("ticketActions.change.owner"))
    .selectOption({ label: arranged.colleague.name });
  await ownerForm.getByRole("button", { name: t("ticketActions.change.save") }).click();
  await expect(ownerForm.getByRole("status")).toHaveText(t("ticketActions.saved"));
  const queueForm = page.locator("form").filter({ has: page.locator("#change-queue") });
  await queueForm.getByLabel(t("ticketActions.change.queue")).selectOption({ label: "VoIP" });
  await queueForm.getByRole("button", { name: t("ticketActions.change.save") }).click();
  await expect(queueForm.getByRole("status")).toHaveText(t("ticketActions.saved"));
  await page.reload();
  await expect(page.getByText("VoIP", { exact: true }).first()).toBeVisible();

  // The colleague is told about the transfer.
  const colleagueContext = await browser.newContext();
  const colleaguePage = await colleagueContext.newPage();
  await colleaguePage.goto(`${state.url}/login`);
  await colleaguePage.locator("input[name=email]").fill(arranged.colleague.email);
  await colleaguePage.locator("input[name=password]").fill(arranged.colleague.password);
  await colleaguePage.locator("form button[type=submit]").click();
  await expect(colleaguePage).toHaveURL(/\/agent/);
  await expect(async () => {
    await colleaguePage.goto(`${state.url}/agent/notifications`);
    const assigned = colleaguePage
      .getByRole("listitem")
      .filter({ hasText: t("notifications.events.assigned") });
    await expect(assigned.getByRole("link", { name: new RegExp(number) })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await colleagueContext.close();

  // The customer sees the reply and the phone call, never the internal note.
  await openTicketAsCustomer(page, state.stubUrl, number, arranged.customerEmail);
  await expect(page.getByText("please restart the router.").first()).toBeVisible();
  await expect(page.getByText("Phone: Carol confirms it works.")).toBeVisible();
  await expect(page.getByText("Internal: the access point is old.")).toHaveCount(0);

  // A phone ticket for a known customer, chosen from the suggestions.
  await page.goto("/agent");
  await page.getByRole("link", { name: t("newTicket.phoneTitle") }).click();
  await page.getByLabel(t("newTicket.customerEmail")).fill(arranged.customerEmail.slice(0, 12));
  await expect(
    page.locator(`#known-customers option[value="${arranged.customerEmail}"]`),
  ).toHaveCount(1);
  await page.getByLabel(t("newTicket.customerEmail")).fill(arranged.customerEmail);
  await page.getByLabel(t("newTicket.queue")).selectOption({ label: "Misc" });
  await page.getByLabel(t("newTicket.subject")).fill("Printer jams on page 2");
  await page.getByLabel(t("newTicket.phoneBody")).fill("Called at 10:00, printer in room 4.");
  await page.getByRole("button", { name: t("newTicket.create") }).click();
  await expect(page).toHaveURL(/\/agent\/tickets\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Printer jams on page 2");
  await expect(page.getByRole("article").filter({ hasText: "Called at 10:00" })).toBeVisible();
});
