// Forward with the original attachments (issue 13): the quoted mail's PDF is ticked when the
// agent forwards, only its id is posted, and the Resend stub receives the very same bytes;
// the new article lists the PDF. Without JavaScript the agent ticks it and the form works.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { ADMIN } from "../../tests/kit/app-server";
import { sentMails, type SentMail } from "../portal/portal-helpers";
import { expect, test } from "../support/fixtures";

interface Arranged {
  number: string;
  filename: string;
  pdf: string;
  label: string;
}

type MailWithFiles = SentMail & {
  attachments?: { filename: string; content: string; content_type?: string }[];
};

function arrangeForward(databaseUrl: string): Arranged {
  const out = execFileSync(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "tests/kit/arrange-forward.ts"],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
  );
  return JSON.parse(out);
}

async function waitForMailTo(stubUrl: string, address: string): Promise<MailWithFiles> {
  let found: MailWithFiles | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await sentMails(stubUrl)) as MailWithFiles[];
        found = mails.find((m) => [m.to].flat().some((to) => to.includes(address)));
        return !!found;
      },
      { timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}

/** The forward's article on the zoom lists the PDF as a download. */
async function expectListedOnForward(page: Page, body: string, filename: string) {
  const article = page.getByRole("article").filter({ hasText: body });
  await expect(article.getByRole("link", { name: new RegExp(filename) })).toBeVisible();
}

test("an agent forwards an inbound mail: its PDF goes along with the same bytes", async ({
  page,
  signIn,
  state,
  t,
}) => {
  const arranged = arrangeForward(state.databaseUrl);
  const vendor = `vendor-${arranged.label}@partner.example`;
  const body = `Please check invoice ${arranged.label}.`;
  await signIn();
  await page.goto(`/agent/tickets/${arranged.number}`);
  await page.getByText(t("ticketActions.reply.heading"), { exact: true }).click();
  const reply = page.locator("form").filter({ has: page.locator("#reply-body") });
  const chip = reply.getByRole("checkbox", { name: new RegExp(arranged.filename) });
  await expect(chip).not.toBeChecked(); // a reply sends it only when ticked
  await reply.getByLabel(t("ticketActions.reply.mode")).selectOption("forward");
  await expect(chip).toBeChecked(); // a forward sends it unless removed
  await reply.getByLabel(t("ticketActions.reply.to"), { exact: true }).fill(vendor);
  await reply.getByLabel(t("ticketActions.reply.body"), { exact: true }).fill(body);
  // Only the id travels: the browser posts no file.
  const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/reply"));
  await reply.getByRole("button", { name: t("ticketActions.reply.send") }).click();
  expect((await posted).postData()).not.toContain("%PDF");
  await expect(reply.getByRole("status")).toHaveText(t("ticketActions.reply.sent"));

  const mail = await waitForMailTo(state.stubUrl, vendor);
  expect(mail.attachments?.map((a) => a.filename)).toEqual([arranged.filename]);
  expect(
    Buffer.from(mail.attachments![0].content, "base64").equals(Buffer.from(arranged.pdf, "base64")),
  ).toBe(true);
  await page.reload();
  await expectListedOnForward(page, body, arranged.filename);
});

async function signInWithoutScript(browser: Browser, locale: string | undefined, baseURL: string) {
  const context = await browser.newContext({ locale, javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(ADMIN.email);
  await page.locator('input[name="password"]').fill(ADMIN.password);
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/agent/);
  return { page, close: () => context.close() };
}

test("without JavaScript the agent ticks the original PDF and forwards it", async ({
  browser,
  locale,
  language,
  state,
  t,
}) => {
  const arranged = arrangeForward(state.databaseUrl);
  const vendor = `vendor-${arranged.label}@partner.example`;
  const body = `No script, invoice ${arranged.label}.`;
  const { page, close } = await signInWithoutScript(browser, locale, state.url);
  await page.goto(`/agent/tickets/${arranged.number}`);
  if ((await page.locator("html").getAttribute("lang")) !== language) {
    await page.getByRole("button", { name: t(`language.${language}`) }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
  }
  await page.getByText(t("ticketActions.reply.heading"), { exact: true }).click();
  const reply = page.locator("form").filter({ has: page.locator("#reply-body") });
  await reply.getByLabel(t("ticketActions.reply.mode")).selectOption("forward");
  await reply.getByLabel(t("ticketActions.reply.to"), { exact: true }).fill(vendor);
  await reply.getByLabel(t("ticketActions.reply.subject")).fill(`Fwd: invoice ${arranged.label}`);
  await reply.getByLabel(t("ticketActions.reply.body"), { exact: true }).fill(body);
  await reply.getByRole("checkbox", { name: new RegExp(arranged.filename) }).check();
  await reply.getByRole("button", { name: t("ticketActions.reply.send") }).click();
  await expect(page).toHaveURL(/\?sent=1/);

  const mail = await waitForMailTo(state.stubUrl, vendor);
  expect(mail.attachments?.map((a) => a.filename)).toEqual([arranged.filename]);
  expect(
    Buffer.from(mail.attachments![0].content, "base64").equals(Buffer.from(arranged.pdf, "base64")),
  ).toBe(true);
  await expectListedOnForward(page, body, arranged.filename);
  await close();
});
