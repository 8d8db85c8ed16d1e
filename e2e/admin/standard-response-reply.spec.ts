// Issue 14 acceptance, "create a standard response and use it in a reply", as one flow on
// the suite's app (its worker sends through the Resend stub): the admin writes a response
// with the customer's name for WLAN, opens a WLAN ticket, chooses it in the reply form and
// sends; the timeline and the mail at the stub carry the filled-in text.
import { randomUUID } from "node:crypto";
import { buildMail, postMime } from "../../tests/kit/mail";
import { waitForMail, type SentMail } from "../portal/portal-helpers";
import { expect, test } from "../support/fixtures";

test("an admin creates a standard response and replies with it on a ticket of its queue", async ({
  page,
  signIn,
  state,
  t,
}) => {
  test.setTimeout(120_000);
  const id = randomUUID().slice(0, 8);
  const name = `Access point replaced ${id}`;
  const customerEmail = `ada-${id}@example.org`;
  const posted = await postMime(
    state.url,
    buildMail({ from: `Ada Lovelace <${customerEmail}>`, subject: `Weak signal ${id}` }),
    state.inboundSecret,
    { query: "?queue=WLAN" },
  );
  expect([posted.status, posted.body.status]).toEqual([202, "processed"]);
  const number: string = posted.body.ticketNumber;

  await signIn();
  await page.goto("/agent/admin/standard-responses/new");
  const form = page
    .locator("form")
    .filter({ has: page.getByLabel(t("adminDesk.standardResponseForm.body")) });
  await form.getByLabel(t("adminDesk.standardResponseForm.name")).fill(name);
  await form
    .getByLabel(t("adminDesk.standardResponseForm.body"))
    .fill("Dear {{customer.name}}, the access point for {{ticket.number}} is replaced.");
  await form.getByLabel("WLAN", { exact: true }).check();
  await form.getByRole("button", { name: t("adminDesk.standardResponseForm.create") }).click();
  await expect(page.getByRole("status")).toHaveText(t("adminDesk.standardResponseForm.saved"));

  const filled = `Dear Ada Lovelace, the access point for ${number} is replaced.`;
  await page.goto(`/agent/tickets/${number}`);
  await page.getByText(t("ticketActions.reply.heading"), { exact: true }).click();
  const reply = page.locator("form").filter({ has: page.locator("#reply-body") });
  await reply.getByLabel(t("standardResponses.label")).selectOption({ label: name });
  await reply.getByRole("button", { name: t("standardResponses.insert") }).click();
  await expect(reply.locator("#reply-body")).toHaveValue(new RegExp(filled.replace(/\./g, "\\.")));
  await reply.getByRole("button", { name: t("ticketActions.reply.send") }).click();
  await expect(reply.getByRole("status")).toHaveText(t("ticketActions.reply.sent"));

  // The sent article in the timeline, and the mail as the customer gets it.
  await page.reload();
  await expect(page.locator("article").filter({ hasText: filled }).first()).toBeVisible();
  const mail: SentMail = await waitForMail(
    state.stubUrl,
    customerEmail,
    (m) => m.subject.includes(`[Ticket#${number}]`) && (m.text ?? "").includes("access point"),
  );
  expect(mail.text).toContain(filled);
});
