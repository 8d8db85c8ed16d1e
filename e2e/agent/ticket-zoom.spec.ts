// The ticket zoom an agent reads: header, timeline, history in sentences, HTML mail
// in a sandboxed frame (no script, no remote image until "Show images"), and
// "not found" for an agent without access — page, article HTML, attachment, API.
import { createTestAgent } from "../../tests/kit/agents";
import { apiClient, startApp, type RunningApp } from "../../tests/kit/app-server";
import { htmlMailWithLogo, postMime, TINY_PNG } from "../../tests/kit/mail";
import { newWebhookSecret } from "../../tests/kit/webhooks";
import { expect, expectHydrated, test } from "../support/fixtures";

const SECRET = newWebhookSecret();
const STRANGER = {
  email: "stranger@example.com",
  name: "Sam Stranger",
  password: "stranger-password-1",
  token: "hd_zoom_stranger_token_0123456789",
};
const READER = {
  email: "reader@example.com",
  name: "Rita Reader",
  password: "reader-password-1",
  groups: { users: "ro" as const },
};

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp({ env: { INBOUND_WEBHOOK_SECRET: SECRET } });
  await createTestAgent(app, STRANGER);
  await createTestAgent(app, READER);
});

test.afterAll(async () => {
  await app?.stop();
});

test("an agent opens a ticket from the dashboard and a notification and reads its articles", async ({
  page,
  t,
  signIn,
}) => {
  const api = apiClient(app);
  const created = await api("POST", "/api/v1/tickets", {
    customer: { email: "zoe@example.org", name: "Zoe Zoom" },
    subject: "Beamer in room 4 flickers",
    body: "It flickers.\n\nOn Monday, Zoe wrote:\n> earlier text",
    queue: "Misc",
  });
  const number: string = created.body.number;
  await api("POST", `/api/v1/tickets/${number}/articles`, {
    channel: "note",
    body: "Checked the cable.",
  });
  const other = await api("POST", "/api/v1/tickets", {
    customer: { email: "zoe@example.org" },
    subject: "Second beamer",
    body: "Also flickers.",
    queue: "Misc",
  });

  await signIn({ url: app.url });
  await page.getByRole("link", { name: "Beamer in room 4 flickers" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beamer in room 4 flickers");
  await expect(page.getByText(`#${number}`, { exact: true })).toBeVisible();
  await expect(page.getByText("Zoe Zoom <zoe@example.org>")).toBeVisible();
  // The customer's other open ticket is one click away.
  await expect(
    page
      .getByRole("navigation", { name: t("zoom.otherOpenTickets") })
      .getByRole("link", { name: new RegExp(other.body.number) }),
  ).toBeVisible();
  // The request, the internal note (and the auto-response once the worker sent it).
  const request = page.getByRole("article").filter({ hasText: "It flickers." });
  await expect(request).toBeVisible();
  await expect(request).toContainText("Zoe Zoom");
  await expect(request.getByText("> earlier text")).toBeHidden(); // quoted history folded
  await request.getByText(t("zoom.quoted")).click();
  await expect(request.getByText("> earlier text")).toBeVisible();
  const note = page.getByRole("article").filter({ hasText: "Checked the cable." });
  await expect(note).toContainText(t("articles.internal"));
  await expect(note).toContainText(t("articles.kind", { channel: "note", direction: "internal" }));
  // The history reads as sentences in the agent's language (no raw codes like "note/internal").
  await page.getByText(t("zoom.history"), { exact: true }).click();
  await expect(
    page.getByRole("listitem").filter({
      hasText: t("zoom.log.article", {
        actor: "Administrator",
        kind: t("articles.kind", { channel: "note", direction: "internal" }),
      }),
    }),
  ).toBeVisible();

  // The admin is in the queue's group: a "new ticket" notification links here too.
  await expect(async () => {
    await page.goto(`${app.url}/agent/notifications`);
    await expect(page.getByRole("link", { name: new RegExp(number) })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await page
    .getByRole("link", { name: new RegExp(number) })
    .first()
    .click();
  await expect(page).toHaveURL(`${app.url}/agent/tickets/${number}`);

  await page.goto(`${app.url}/agent/tickets/2026112810999991`);
  await expect(page.getByRole("heading", { name: t("notFound.title") })).toBeVisible();
});

test("an HTML mail shows in a frame without its script, remote images only on request; strangers get 404", async ({
  page,
  t,
  signIn,
}) => {
  const raw = htmlMailWithLogo({
    subject: "Newsletter with a tracker",
    html: `<html><head><script>document.title="pwned";parent.document.title="pwned";console.log("pwned")</script></head>
<body><p>Hello <b>team</b>, the plan is attached.</p>
<img src="https://images.zoom-test.example/track.png" alt="tracker">
<img src="cid:logo@mail.example" alt="logo">
<a href="https://example.org/manual">manual</a></body></html>`,
  });
  const posted = await postMime(app.url, raw, SECRET);
  expect(posted.status, JSON.stringify(posted.body)).toBe(202);
  const number: string = posted.body.ticketNumber;
  expect(number).toMatch(/^\d+$/);

  // Chromium is offline: the image host is answered here, and every request counted.
  let imageRequests = 0;
  await page.route("https://images.zoom-test.example/**", (route) => {
    imageRequests += 1;
    return route.fulfill({ contentType: "image/png", body: TINY_PNG });
  });
  const consoleLines: string[] = [];
  page.on("console", (message) => consoleLines.push(message.text()));

  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/tickets/${number}`);
  const title = await page.title();
  const article = page.getByRole("article").filter({ hasText: "Newsletter with a tracker" });
  const frame = article.frameLocator("iframe");
  await expect(frame.getByText("the plan is attached")).toBeVisible();
  await expect(frame.getByRole("link", { name: "manual" })).toHaveAttribute(
    "rel",
    "noopener noreferrer",
  );
  await expect(frame.locator('img[alt="logo"]')).toHaveAttribute("src", /^data:image\/png;base64,/);
  await expect(frame.locator('img[alt="tracker"]')).not.toHaveAttribute("src", /./);
  await expect(article.getByRole("link", { name: /logo\.png/ })).toBeVisible();
  expect(imageRequests).toBe(0);
  const src = await article.locator("iframe").getAttribute("src");
  expect(src).toMatch(/\/html$/);

  // A click before hydration does nothing.
  const showImages = article.getByRole("button", { name: t("articles.showImages") });
  await expectHydrated(showImages);
  await showImages.click();
  await expect(showImages).toBeHidden();
  await expect(frame.locator('img[alt="tracker"]')).toHaveAttribute(
    "src",
    "https://images.zoom-test.example/track.png",
  );
  await expect.poll(() => imageRequests).toBeGreaterThan(0);
  await expect(article.locator("iframe")).toHaveAttribute("src", `${src}/images`);

  await article.getByRole("button", { name: t("articles.plainText") }).click();
  await expect(article.locator("iframe")).toHaveCount(0);
  await expect(article.getByText("the plan is attached")).toBeVisible();
  await article.getByRole("button", { name: t("articles.formatted") }).click();
  await expect(frame.getByText("the plan is attached")).toBeVisible();
  // The script never ran: not in the frame, not on the page.
  expect(await page.title()).toBe(title);
  expect(consoleLines.filter((line) => line.includes("pwned"))).toEqual([]);

  // The routes answer with their own policies, not the page's.
  const html = await page.request.get(`${app.url}${src}`);
  expect(html.status()).toBe(200);
  expect(html.headers()["content-security-policy"]).toMatch(/^default-src 'none'; img-src data:;/);
  expect(await html.text()).not.toMatch(/<script|pwned/);
  const href = await article.getByRole("link", { name: /logo\.png/ }).getAttribute("href");
  const download = await page.request.get(`${app.url}${href}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");

  // A read-only agent reads the same ticket (and no action form is offered).
  await page.context().clearCookies();
  await signIn({ url: app.url, agent: READER });
  await page.goto(`${app.url}/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Newsletter with a tracker");
  await expect(page.locator("main form")).toHaveCount(0);
  expect((await page.request.get(`${app.url}${src}`)).status()).toBe(200);

  // An agent without access: every way in is "not found".
  await page.context().clearCookies();
  await signIn({ url: app.url, agent: STRANGER });
  await page.goto(`${app.url}/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { name: t("notFound.title") })).toBeVisible();
  expect((await page.request.get(`${app.url}${src}`)).status()).toBe(404);
  expect((await page.request.get(`${app.url}${src}/images`)).status()).toBe(404);
  expect((await page.request.get(`${app.url}${href}`)).status()).toBe(404);
  const asStranger = await apiClient(app, STRANGER.token)("GET", `/api/v1/tickets/${number}`);
  expect(asStranger.status).toBe(404);
});
