// Issue 16, items 7 and 8: dark mode, keyboard shortcuts, the agent area at
// 375 px, the print view and the ticket archive (with the original mail).
import { unzipSync, strFromU8 } from "fflate";
import { apiClient, startApp, type RunningApp } from "../../tests/kit/app-server";
import { buildMail, newMessageId, postMime } from "../../tests/kit/mail";
import { newWebhookSecret } from "../../tests/kit/webhooks";
import { expect, test } from "../support/fixtures";

// A desk of its own: these tests create tickets, which the shared desk's specs must not see.
const inboundSecret = newWebhookSecret();
let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp({ env: { INBOUND_WEBHOOK_SECRET: inboundSecret } });
});

test.afterAll(async () => {
  await app?.stop();
});

const bodyBackground = (page: import("@playwright/test").Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const WHITE = "rgb(255, 255, 255)";

test("dark mode follows the system, can be switched and is remembered", async ({
  page,
  t,
  signIn,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn({ url: app.url });
  expect(await bodyBackground(page)).not.toBe(WHITE);
  const themes = page.getByRole("form", { name: t("theme.label") });
  await themes.getByRole("button", { name: t("theme.light") }).click();
  await expect(themes.getByRole("button", { name: t("theme.light") })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  expect(await bodyBackground(page)).toBe(WHITE);
  await page.reload();
  expect(await bodyBackground(page)).toBe(WHITE);
  await page.emulateMedia({ colorScheme: "light" });
  await themes.getByRole("button", { name: t("theme.dark") }).click();
  await expect(themes.getByRole("button", { name: t("theme.dark") })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  expect(await bodyBackground(page)).not.toBe(WHITE);
  await themes.getByRole("button", { name: t("theme.system") }).click();
  await expect(themes.getByRole("button", { name: t("theme.system") })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  expect(await bodyBackground(page)).toBe(WHITE);
});

test("keyboard: ? shows the shortcuts, j/k walk the list and the tickets in it", async ({
  page,
  t,
  signIn,
}) => {
  const api = apiClient(app);
  const numbers: string[] = [];
  for (const subject of ["Shortcut ticket one", "Shortcut ticket two"]) {
    const created = await api("POST", "/api/v1/tickets", {
      customer: { email: "keys@example.org" },
      subject,
      body: "Testing keys.",
      queue: "Misc",
    });
    numbers.push(created.body.number);
  }
  await signIn({ url: app.url });
  // The keys act once the page's script has attached them, for the page shown.
  const keysOn = (path: string) =>
    expect(page.locator("html")).toHaveAttribute("data-shortcuts", path);
  await keysOn(new URL(page.url()).pathname);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: t("shortcuts.title") });
  await expect(help).toBeVisible();
  await expect(help).toContainText(t("shortcuts.reply"));
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // j focuses the first ticket of the list, Enter opens it, j then opens its neighbour.
  await page.keyboard.press("j");
  const first = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
  expect(first).toMatch(/\/agent\/tickets\/\d{16}$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(first);
  await keysOn(new URL(first).pathname);
  const list: string[] = await page.evaluate(() =>
    JSON.parse(sessionStorage.getItem("helpdesk.ticketList") ?? "[]"),
  );
  const at = list.indexOf(first.split("/").pop()!);
  expect(at).toBeGreaterThanOrEqual(0);
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${list[at + 1]}$`));
  await keysOn(`/agent/tickets/${list[at + 1]}`);
  await page.keyboard.press("k");
  await expect(page).toHaveURL(first);
  // Typing into a field never triggers a shortcut.
  await page.goto(`${app.url}/agent`);
  const field = page.locator("input[type=text], input[type=search], textarea").first();
  if (await field.count()) {
    await field.fill("");
    await field.press("?");
    await expect(help).toBeHidden();
  }
});

test("the agent area fits a 375 px phone", async ({ page, signIn }) => {
  const api = apiClient(app);
  const created = await api("POST", "/api/v1/tickets", {
    customer: { email: "narrow@example.org", name: "A customer with a rather long name indeed" },
    subject: "A very long subject line that must wrap on a narrow phone screen without overflowing",
    body: "Anhang: https://example.org/a/very/long/link/that/should/not/push/the/page/wider/than/the/phone/screen",
    queue: "Misc",
  });
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn({ url: app.url });
  for (const path of [
    "/agent",
    `/agent/tickets/${created.body.number}`,
    `/agent/tickets/${created.body.number}/print`,
  ]) {
    await page.goto(`${app.url}${path}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(375);
  }
});

test("print view and archive keep the whole ticket, the original mail included", async ({
  page,
  t,
  signIn,
}) => {
  const messageId = newMessageId();
  const raw = buildMail({
    from: "Archiv Kunde <archive@example.org>",
    subject: "Bitte archivieren",
    messageId,
    text: "Der Originaltext der Mail.\n",
  });
  const delivered = await postMime(app.url, raw, inboundSecret);
  expect(delivered.status).toBeLessThan(300);
  const number: string = delivered.body.ticketNumber;
  expect(number).toMatch(/^\d{16}$/);

  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/tickets/${number}`);
  await page.getByRole("link", { name: t("archive.print") }).click();
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${number}/print$`));
  await expect(
    page.getByTestId("print-article").filter({ hasText: "Der Originaltext der Mail." }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: t("archive.printNow") })).toBeVisible();

  await page.goto(`${app.url}/agent/tickets/${number}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: t("archive.download") }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`ticket-${number}.zip`);
  const zip = unzipSync(
    new Uint8Array(
      await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c)),
    ),
  );
  const eml = Object.keys(zip).find((name) => name.endsWith("-email-in.eml"));
  expect(eml).toBeDefined();
  expect(Buffer.from(zip[eml!]).equals(raw)).toBe(true);
  expect(strFromU8(zip["ticket.txt"])).toContain(number);
});
