// Working together on tickets (issue 15): merge (a mail to the old number lands on the target;
// the merged ticket's customer's words stay hidden from the other customer), split, link, and
// two agents changing the same ticket (the second is refused with the colleague's name).
import path from "node:path";
import type { Page } from "@playwright/test";
import { apiClient, runToEnd, startApp, type RunningApp } from "../../tests/kit/app-server";
import { buildMail, postMime } from "../../tests/kit/mail";
import { startResendStub, type ResendStub } from "../../tests/kit/resend-stub";
import { newWebhookSecret } from "../../tests/kit/webhooks";
import { linkIn, openLink, uniqueEmail, waitForMail } from "../portal/portal-helpers";
import { expect, expectHydrated, test } from "../support/fixtures";

let app: RunningApp;
let stub: ResendStub;
const secret = newWebhookSecret();
const TOM = { email: "tom.becker@desk.example", password: "tom-password-1", name: "Tom Becker" };

test.beforeAll(async () => {
  stub = await startResendStub();
  app = await startApp({
    env: { INBOUND_WEBHOOK_SECRET: secret, RESEND_API_KEY: "re_test", RESEND_BASE_URL: stub.url },
  });
  await runToEnd(
    path.resolve(__dirname, "../../node_modules/.bin/tsx"),
    ["--conditions=react-server", "tests/kit/create-admin-agent-process.ts"],
    { ...app.env, AGENT_EMAIL: TOM.email, AGENT_NAME: TOM.name, AGENT_PASSWORD: TOM.password },
  );
});

test.afterAll(async () => {
  await app?.stop();
  await stub?.close();
});

async function newTicket(email: string, subject: string, body: string) {
  const created = await apiClient(app)("POST", "/api/v1/tickets", {
    customer: { email },
    subject,
    body,
    queue: "Misc",
    channel: "web",
  });
  return created.body.number as string;
}

const zoom = (page: Page, number: string) => page.goto(`${app.url}/agent/tickets/${number}`);

test("an agent merges two customers' tickets: mail to the old number lands on the target, and neither customer sees the other's words", async ({
  page,
  signIn,
  t,
}) => {
  const rita = uniqueEmail("rita");
  const sam = uniqueEmail("sam");
  const old = await newTicket(rita, "VPN fails", "RITA: my VPN fails since Monday");
  const target = await newTicket(sam, "VPN down", "SAM: VPN is down for me too");
  await signIn({ url: app.url });
  await zoom(page, old);
  const form = page.getByRole("form", { name: t("collab.mergeTitle") });
  await expectHydrated(form);
  await form.getByLabel(t("collab.mergeNumber")).fill(target);
  await form.getByRole("button", { name: t("collab.mergeCheck") }).click();
  // Before confirming, the agent reads who will see what.
  await expect(form.getByRole("status")).toContainText(sam);
  await expect(form.getByRole("status")).toContainText(rita);
  await form.getByRole("button", { name: t("collab.mergeConfirm", { target }) }).click();
  await expect(page).toHaveURL(`${app.url}/agent/tickets/${target}`);
  await expect(
    page.getByRole("article").filter({ hasText: "RITA: my VPN fails" }).first(),
  ).toBeVisible();
  await expect(page.getByText(t("collab.mergedFrom")).first()).toBeVisible();

  const reply = buildMail({
    from: rita,
    subject: `Re: [Ticket#${old}] VPN fails`,
    text: "RITA: still failing",
  });
  const delivered = await postMime(app.url, reply, secret);
  expect(delivered.body).toMatchObject({ status: "processed", ticketNumber: target });

  // Sam opens his ticket through the status lookup: only his own words.
  await page.context().clearCookies();
  await page.goto(`${app.url}/status`);
  await page.locator("#number").fill(target);
  await page.locator("#email").fill(sam);
  await page.locator("form button[type=submit]").click();
  const mail = await waitForMail(
    stub.url,
    sam,
    (m) => m.subject.includes(target) && /\/access\//.test(m.text ?? m.html ?? ""),
  );
  await openLink(page, linkIn(mail));
  await expect(page.getByText("SAM: VPN is down for me too").first()).toBeVisible();
  await expect(page.getByText(/RITA/)).toHaveCount(0);
});

test("an agent splits a customer's second problem into a new ticket", async ({
  page,
  signIn,
  t,
}) => {
  const wanda = uniqueEmail("wanda");
  const old = await newTicket(wanda, "WLAN drops", "WLAN drops in room 5.");
  await postMime(
    app.url,
    buildMail({
      from: wanda,
      subject: `Re: [Ticket#${old}] Printer jams`,
      text: "PRINTER: it jams",
    }),
    secret,
  );
  await signIn({ url: app.url });
  await zoom(page, old);
  const article = page
    .locator("div")
    .filter({ has: page.getByRole("article").filter({ hasText: "PRINTER: it jams" }) })
    .last();
  await expectHydrated(article.getByRole("button", { name: t("collab.split") }));
  await article.getByRole("button", { name: t("collab.split") }).click();
  await expect(page).not.toHaveURL(`${app.url}/agent/tickets/${old}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Printer jams");
  await expect(page.getByRole("article").filter({ hasText: "PRINTER: it jams" })).toBeVisible();
  await expect(page.getByText(t("collab.splitFrom"))).toBeVisible();
  const links = page.getByRole("region", { name: t("collab.title") });
  await expect(links.getByRole("link", { name: `#${old}` })).toBeVisible();
});

test("an agent links two tickets; the link shows on both and can be removed", async ({
  page,
  signIn,
  t,
}) => {
  const email = uniqueEmail("link");
  const a = await newTicket(email, "Beamer 1", "Beamer one");
  const b = await newTicket(email, "Beamer 2", "Beamer two");
  await signIn({ url: app.url });
  await zoom(page, a);
  const form = page.getByRole("form", { name: t("collab.linkTitle") });
  await expectHydrated(form);
  await form.getByLabel(t("collab.linkKind")).selectOption("parent");
  await form.getByLabel(t("collab.linkNumber")).fill(b);
  await form.getByRole("button", { name: t("collab.link") }).click();
  const panel = page.getByRole("region", { name: t("collab.title") });
  await expect(
    panel.getByRole("listitem").filter({ hasText: t("collab.role", { role: "child" }) }),
  ).toContainText(b);
  await zoom(page, b);
  const item = panel
    .getByRole("listitem")
    .filter({ hasText: t("collab.role", { role: "parent" }) });
  await expect(item).toContainText(a);
  await expectHydrated(item.getByRole("button", { name: t("collab.unlink") }));
  await item.getByRole("button", { name: t("collab.unlink") }).click();
  await expect(panel.getByText(t("collab.noLinks"))).toBeVisible();
});

test("of two agents changing the same ticket, the second is refused with the colleague's name and sees the fresh state", async ({
  page,
  browser,
  signIn,
  t,
  language,
}) => {
  const email = uniqueEmail("race");
  const ticket = await newTicket(email, "Shared printer", "Printer offline");
  const other = await newTicket(email, "Other printer", "Other one");
  await signIn({ url: app.url });
  await zoom(page, ticket); // the admin's page shows this version

  const tomContext = await browser.newContext({ locale: language === "de" ? "de-DE" : "en-US" });
  const tom = await tomContext.newPage();
  await tom.goto(`${app.url}/login`);
  const login = tom.locator("form").filter({ has: tom.getByLabel(t("login.password")) });
  await login.getByLabel(t("login.email")).fill(TOM.email);
  await login.getByLabel(t("login.password")).fill(TOM.password);
  await login.getByRole("button", { name: t("login.submit") }).click();
  await expect(tom).toHaveURL(new RegExp(`^${app.url}/agent`));
  await zoom(tom, ticket);
  await expectHydrated(
    tom.getByTestId("lock-state").getByRole("button", { name: t("collab.lock") }),
  );
  await tom
    .getByTestId("lock-state")
    .getByRole("button", { name: t("collab.lock") })
    .click();
  await expect(tom.getByRole("button", { name: t("collab.unlock") })).toBeVisible();
  await tomContext.close();

  const form = page.getByRole("form", { name: t("collab.linkTitle") });
  await form.getByLabel(t("collab.linkNumber")).fill(other);
  await form.getByRole("button", { name: t("collab.link") }).click();
  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText(t("agentErrors.staleVersion"));
  await expect(refusal).toContainText(TOM.name);
  await expect(form.getByLabel(t("collab.linkNumber"))).toHaveValue(other); // typed text kept
  // The fresh state: Tom's lock and the warning before replying.
  await expect(page.getByTestId("lock-state")).toContainText(TOM.name);
  await expect(page.getByTestId("lock-warning")).toContainText(TOM.name);
  // Now on the fresh version, the same change goes through.
  await form.getByRole("button", { name: t("collab.link") }).click();
  await expect(
    page.getByRole("region", { name: t("collab.title") }).getByRole("link", { name: `#${other}` }),
  ).toBeVisible();
});
