// Administration of agents, groups and review in the browser (issue 14): an
// admin creates an agent with rw on one queue, the agent sees only that queue,
// deactivation ends their session; a revoked token answers 401; a failed
// inbound mail is looked at and discarded; a non-admin gets 404 everywhere.
import { apiClient, startApp, type RunningApp } from "../../tests/kit/app-server";
import { postMime } from "../../tests/kit/mail";
import { newWebhookSecret } from "../../tests/kit/webhooks";
import { ADMIN_SECTIONS } from "../../app/(agent)/agent/admin/admin-sections";
import { catalogues } from "../../lib/i18n/catalogues";
import { expect, test } from "../support/fixtures";

let app: RunningApp;
const secret = newWebhookSecret();

test.beforeAll(async () => {
  app = await startApp({ env: { INBOUND_WEBHOOK_SECRET: secret } });
});
test.afterAll(async () => {
  await app?.stop();
});

test("an agent in a group sees only its queue, and deactivation ends their session", async ({
  page,
  browser,
  signIn,
  t,
  language,
}) => {
  const suffix = `${language}${Date.now()}`;
  const agent = { email: `vera.${suffix}@example.org`, password: `vera-password-${suffix}` };
  const api = apiClient(app);
  const group = await api("POST", "/api/v1/groups", { name: `Telephony ${suffix}` });
  await api("PATCH", `/api/v1/groups/${group.body.id}`, { queues: ["VoIP"] });

  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/admin/agents/new`);
  const form = page.locator("form").filter({ has: page.getByLabel(t("adminPeople.agents.email")) });
  // Refused at the field, input kept.
  await form.getByLabel(t("adminPeople.agents.name")).fill("Vera");
  await form.getByLabel(t("adminPeople.agents.email")).fill("not-an-address");
  await form.getByLabel(t("adminPeople.agents.setupPassword")).check();
  await form.getByLabel(t("adminPeople.agents.password"), { exact: true }).fill("short");
  await form.getByRole("button", { name: t("adminPeople.agents.create") }).click();
  await expect(form.getByText(t("agentErrors.passwordTooShort"))).toBeVisible();
  await expect(form.getByText(t("agentErrors.invalid"))).toBeVisible();
  await expect(form.getByLabel(t("adminPeople.agents.name"))).toHaveValue("Vera");

  await form.getByLabel(t("adminPeople.agents.email")).fill(agent.email);
  await form.getByLabel(t("adminPeople.agents.setupPassword")).check();
  await form.getByLabel(t("adminPeople.agents.password"), { exact: true }).fill(agent.password);
  await form.getByLabel(`Telephony ${suffix}`).selectOption("rw");
  await form.getByRole("button", { name: t("adminPeople.agents.create") }).click();
  await expect(page.getByText(t("adminPeople.agents.created"))).toBeVisible();
  const agentPage = page.url();

  // The agent, in a browser of their own, sees VoIP and no other queue.
  const other = await browser.newContext({ locale: language });
  const theirs = await other.newPage();
  await theirs.goto(`${app.url}/login`);
  await theirs.getByLabel(t("login.email")).fill(agent.email);
  await theirs.getByLabel(t("login.password")).fill(agent.password);
  await theirs.getByRole("button", { name: t("login.submit") }).click();
  await expect(theirs).toHaveURL(`${app.url}/agent`);
  const queues = theirs.locator("section[aria-labelledby=queues-heading] li");
  await expect(queues).toHaveCount(1);
  await expect(queues).toContainText("VoIP");

  // Deactivated: their next request is signed out.
  await page.goto(agentPage);
  await page.getByRole("button", { name: t("adminPeople.agents.deactivate") }).click();
  await expect(page.getByText(t("adminPeople.agents.statusChanged"))).toBeVisible();
  await theirs.goto(`${app.url}/agent`);
  await expect(theirs).toHaveURL(/\/login/);
  await other.close();

  const audit = await page.goto(`${app.url}/agent/admin/audit?object=agent`);
  expect(audit?.status()).toBe(200);
  await expect(page.getByTestId("audit-entry").first()).toContainText(
    catalogues[language].audit.actions["agent.deactivate"], // a dotted key: not a message path
  );
});

test("a revoked API token answers 401 at once", async ({ page, signIn, t }) => {
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/tokens`);
  await page.getByLabel(t("tokens.name")).fill("Provisioning");
  await page.getByRole("button", { name: t("tokens.newToken") }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  const api = apiClient(app, token);
  expect((await api("GET", "/api/v1/agents")).status).toBe(200);
  await page
    .getByRole("row", { name: /Provisioning/ })
    .getByRole("button", { name: t("common.revoke") })
    .click();
  await expect(page.getByRole("row", { name: /Provisioning/ })).toHaveCount(0);
  expect((await api("GET", "/api/v1/agents")).status).toBe(401);
});

test("failed incoming mail: shown as text, downloadable, discarded with a reason", async ({
  page,
  signIn,
  t,
}) => {
  // Names nobody and says nothing: kept as failed (issue 10, item 7).
  const raw = Buffer.from(
    `X-Note: <script>alert(1)</script> ${Date.now()}\r\nMIME-Version: 1.0\r\n\r\n  \r\n`,
  );
  const delivered = await postMime(app.url, raw, secret);
  expect(delivered.body.status).toBe("failed");
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/admin/review`);
  await page
    .getByRole("link", { name: t("review.messageNumber", { id: delivered.body.id }) })
    .click();
  await expect(page.getByTestId("raw-text")).toContainText("<script>alert(1)</script>");
  const download = await page.request.get(`${page.url()}/raw`);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(download.headers()["content-length"]).toBe(String(raw.byteLength));

  await page.getByRole("button", { name: t("review.discard") }).click();
  await expect(page.getByText(t("agentErrors.required"))).toBeVisible();
  await page.getByLabel(t("review.reason")).fill("Empty test mail");
  await page.getByRole("button", { name: t("review.discard") }).click();
  await expect(page.getByTestId("inbound-status")).toHaveText(t("review.statuses.ignored"));
});

test("a non-admin gets 404 on every admin page", async ({ page, signIn }) => {
  const suffix = `${Date.now()}`;
  const api = apiClient(app);
  const plain = { email: `plain.${suffix}@example.org`, password: `plain-password-${suffix}` };
  await api("POST", "/api/v1/agents", {
    email: plain.email,
    name: "Plain",
    password: plain.password,
  });
  await signIn({ url: app.url, agent: plain });
  const paths = [
    "/agent/admin",
    ...ADMIN_SECTIONS.map((s) => s.href),
    "/agent/admin/agents/new",
    "/agent/admin/agents/1",
    "/agent/admin/groups/1",
    "/agent/admin/customers/1",
    "/agent/admin/review/inbound/1",
    "/agent/admin/review/inbound/1/raw",
  ];
  for (const path of paths) {
    const res = await page.goto(`${app.url}${path}`);
    expect(res?.status(), path).toBe(404);
  }
  const exported = await page.request.post(`${app.url}/agent/admin/customers/1/export`, {
    headers: { origin: app.url },
  });
  expect(exported.status()).toBe(404);
});
