// Queue views (issue 16): manual order seen by a colleague, filtering and paging 60
// tickets, a bulk state change, and a colleague taking over the tickets of an agent away.
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { runToEnd, startApp, type RunningApp } from "../../tests/kit/app-server";
import { expect, test } from "../support/fixtures";

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app?.stop();
});

interface Seeded {
  queueId: number;
  agents: Record<string, number>;
  tickets: { id: number; number: string; title: string }[];
}

const root = path.resolve(__dirname, "../..");

/** A queue with tickets (and agents) in the app's database, made by tests/kit/queue-view-seed.ts. */
async function seed(input: object): Promise<Seeded> {
  const out = await runToEnd(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "tests/kit/queue-view-seed.ts"],
    { ...app.env, SEED: JSON.stringify(input) },
  );
  return JSON.parse(out.slice(out.indexOf("{")));
}

const agent = (name: string, language: string) => ({
  email: `${name}-${language}@example.org`,
  name: `${name[0].toUpperCase()}${name.slice(1)} ${language}`,
  password: `${name}-password-1`,
});

/** The ticket numbers in the order the page lists them. */
const shownNumbers = (page: Page) =>
  page
    .locator("tbody tr[data-ticket]")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-ticket")));

const loginLabels = (t: (key: "login.email" | "login.password" | "login.submit") => string) => ({
  email: t("login.email"),
  password: t("login.password"),
  submit: t("login.submit"),
});

/** A second agent in a browser context of their own, in the same language. */
async function colleaguePage(
  browser: Browser,
  locale: string | undefined,
  who: { email: string; password: string },
  labels: { email: string; password: string; submit: string },
) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  const form = page.locator("form").filter({ has: page.getByLabel(labels.password) });
  await form.getByLabel(labels.email).fill(who.email);
  await form.getByLabel(labels.password).fill(who.password);
  await form.getByRole("button", { name: labels.submit }).click();
  await expect(page).toHaveURL(new RegExp(`^${app.url}/agent`));
  return { page, close: () => context.close() };
}

test("an agent re-orders two tickets; the order persists and a colleague sees it", async ({
  page,
  browser,
  signIn,
  t,
  language,
  locale,
}) => {
  const colleague = agent("orderly", language);
  const { queueId, tickets } = await seed({
    queue: `Order ${language}`,
    tickets: 3,
    agents: [colleague],
  });
  const [first, second, third] = tickets.map((x) => x.number);
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/queues/${queueId}?sort=manual`);
  await expect.poll(() => shownNumbers(page)).toEqual([first, second, third]);

  // Each move is saved before the next is offered (the buttons wait).
  const moveDown = page.getByRole("button", { name: t("queueView.moveDown", { number: first }) });
  await page.getByRole("button", { name: t("queueView.moveUp", { number: third }) }).click();
  await expect(page.getByRole("status").filter({ hasText: t("queueView.moved") })).toBeAttached();
  await expect.poll(() => shownNumbers(page)).toEqual([first, third, second]);
  await expect(moveDown).toBeEnabled({ timeout: 20_000 });
  await moveDown.click();
  await expect.poll(() => shownNumbers(page), { timeout: 20_000 }).toEqual([third, first, second]);
  await expect(moveDown).toBeEnabled({ timeout: 20_000 });

  await page.reload();
  await expect.poll(() => shownNumbers(page)).toEqual([third, first, second]);
  const other = await colleaguePage(browser, locale, colleague, loginLabels(t));
  await other.page.goto(`${app.url}/agent/queues/${queueId}?sort=manual`);
  await expect.poll(() => shownNumbers(other.page)).toEqual([third, first, second]);
  await other.close();
});

test("an agent filters and pages a queue of 60 tickets without losing one", async ({
  page,
  signIn,
  t,
  language,
}) => {
  test.slow(); // 60 tickets to make and three pages to read
  const { queueId, tickets } = await seed({ queue: `Sixty ${language}`, tickets: 60 });
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/queues/${queueId}`);
  const filters = page.locator("form").filter({ has: page.getByLabel(t("queueView.sort")) });
  await filters.getByLabel(t("queueView.sort")).selectOption("priority");
  await filters.getByLabel(t("queueView.state")).selectOption("new");
  await filters.getByRole("button", { name: t("queueView.apply") }).click();
  await expect(page).toHaveURL(/sort=priority/);

  const pages: string[][] = [];
  const previous = page.getByRole("link", { name: t("queueView.previous") });
  await expect(previous).toHaveCount(0); // the first page has none
  for (let pageNo = 1; pageNo <= 5; pageNo++) {
    const numbers = (await shownNumbers(page)) as string[];
    expect(numbers.length).toBeGreaterThan(0);
    pages.push(numbers);
    const next = page.getByRole("link", { name: t("queueView.next") });
    if ((await next.count()) === 0) break;
    await expect(next).toHaveAttribute("rel", "next");
    const href = (await next.getAttribute("href"))!;
    await next.click();
    await expect(page).toHaveURL(`${app.url}${href}`);
    await expect.poll(async () => (await shownNumbers(page))[0]).not.toBe(numbers[0]);
  }
  const seen = pages.flat();
  expect(seen).toHaveLength(60);
  expect(new Set(seen)).toEqual(new Set(tickets.map((x) => x.number)));

  // And back, page by page (?before=): the same pages, down to the first, which has none.
  for (let pageNo = pages.length - 2; pageNo >= 0; pageNo--) {
    await expect(previous).toHaveAttribute("rel", "prev");
    await previous.click();
    await expect(page).toHaveURL(/before=/);
    await expect.poll(() => shownNumbers(page)).toEqual(pages[pageNo]);
  }
  await expect(previous).toHaveCount(0);

  // A bookmarked filter: priority 5 (very high) only — every fifth ticket.
  await page.goto(`${app.url}/agent/queues/${queueId}?priority=5&sort=age`);
  await expect.poll(async () => (await shownNumbers(page)).length).toBe(12);
});

test("an agent changes the state of three tickets at once", async ({
  page,
  signIn,
  t,
  language,
}) => {
  const { queueId, tickets } = await seed({ queue: `Bulk ${language}`, tickets: 4 });
  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/queues/${queueId}`);
  for (const ticket of tickets.slice(0, 3)) {
    await page
      .getByRole("checkbox", { name: t("queueView.select", { number: ticket.number }) })
      .check();
  }
  const bulk = page.getByRole("region", { name: t("bulk.title") });
  await expect(bulk.getByText(t("bulk.selected", { count: 3 }))).toBeVisible();
  await bulk.getByLabel(t("bulk.action")).selectOption("state");
  await bulk.getByLabel(t("bulk.value")).selectOption("closed_successful");
  await bulk.getByRole("button", { name: t("bulk.apply") }).click();
  await expect(bulk.getByRole("status")).toContainText(
    t("bulk.summary", { changed: 3, unchanged: 0, refused: 0 }),
  );
  // The open view keeps only the fourth ticket.
  await expect.poll(() => shownNumbers(page)).toEqual([tickets[3].number]);
});

test("an agent away has their tickets flagged, and a colleague takes them over", async ({
  page,
  browser,
  signIn,
  t,
  language,
  locale,
}) => {
  const away = agent("holiday", language);
  const colleague = agent("stand-in", language);
  const { queueId, tickets } = await seed({
    queue: `Away ${language}`,
    tickets: 2,
    agents: [away, colleague],
    ownedBy: away.email,
  });
  await signIn({ url: app.url, agent: away });
  await page.goto(`${app.url}/agent/settings/away`);
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel(t("away.from")).fill(today);
  await page.getByLabel(t("away.to")).fill(later);
  await page.getByRole("button", { name: t("away.save") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("away.saved") })).toBeVisible();

  const other = await colleaguePage(browser, locale, colleague, loginLabels(t));
  await other.page.goto(`${app.url}/agent/queues/${queueId}?unattended=1`);
  for (const ticket of tickets) {
    const row = other.page.locator(`tr[data-ticket="${ticket.number}"]`);
    await expect(row).toContainText(away.name);
    await expect(row.getByText(t("queueView.away"), { exact: true })).toBeVisible();
    await row
      .getByRole("button", { name: t("queueView.takeOverTicket", { number: ticket.number }) })
      .click();
    await expect(row).toBeHidden(); // no longer unattended
  }
  await other.page.goto(`${app.url}/agent/queues/${queueId}?owner=me`);
  await expect.poll(() => shownNumbers(other.page)).toEqual(tickets.map((x) => x.number));
  await other.close();
});
