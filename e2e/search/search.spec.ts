// Full-text search in the browser (issue 17): a word from an article body finds its ticket
// through the header search box, filters narrow the hits, and a ticket number typed
// there opens the ticket directly.
import { apiClient } from "../../tests/kit/app-server";
import { expect, test } from "../support/fixtures";

test("an agent finds a ticket by a word of its article and opens one by its number", async ({
  page,
  state,
  t,
  language,
  signIn,
}) => {
  const api = apiClient(state);
  const word = `quasar${Date.now()}${language}`;
  const title = `Monitor stays dark (${language})`;
  const created = await api("POST", "/api/v1/tickets", {
    customer: { email: "sven@example.org", name: "Sven Search" },
    subject: title,
    body: `Since the update the ${word} monitor shows nothing.`,
    queue: "Misc",
  });
  expect(created.status).toBe(201);
  const number: string = created.body.number;

  await signIn();
  const header = page.getByRole("banner");
  await header.getByLabel(t("search.headerLabel")).fill(word);
  await header.getByLabel(t("search.headerLabel")).press("Enter");
  await expect(page).toHaveURL(/\/agent\/search\?q=/);
  await expect(page.getByTestId("search-total")).toHaveText(t("search.total", { count: 1 }));
  const results = page.getByRole("region", { name: t("search.results") });
  await expect(results.locator("mark")).toHaveText(word);

  // A filter that excludes the ticket's queue: nothing found.
  await page.getByLabel(t("search.queue")).selectOption({ label: "Web" });
  await page
    .getByRole("main")
    .getByRole("button", { name: t("search.submit") })
    .click();
  await expect(page.getByTestId("search-total")).toHaveText(t("search.total", { count: 0 }));
  await page.getByLabel(t("search.queue")).selectOption({ label: "Misc" });
  await page
    .getByRole("main")
    .getByRole("button", { name: t("search.submit") })
    .click();
  await results.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // A number typed into the header opens that ticket.
  await page.goto(`${state.url}/agent`);
  await header.getByLabel(t("search.headerLabel")).fill(number);
  await header.getByRole("button", { name: t("search.headerSubmit") }).click();
  await expect(page).toHaveURL(`${state.url}/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("an agent pages through search results and back", async ({
  page,
  state,
  t,
  language,
  signIn,
}) => {
  test.slow(); // 27 tickets to make
  const api = apiClient(state);
  const word = `nebula${Date.now()}${language}`;
  for (let i = 1; i <= 27; i++) {
    const created = await api("POST", "/api/v1/tickets", {
      customer: { email: "vera@example.org", name: "Vera Paging" },
      subject: `Paging ${word} ${i}`,
      body: `The ${word} report number ${i}.`,
      queue: "Misc",
    });
    expect(created.status).toBe(201);
  }
  await signIn();
  await page.goto(`${state.url}/agent/search?q=${word}`);
  const results = page.getByRole("region", { name: t("search.results") });
  const titles = () =>
    results.getByRole("link", { name: new RegExp(`Paging ${word}`) }).allTextContents();
  const previous = page.getByRole("link", { name: t("search.previousPage") });
  await expect(results.getByRole("link", { name: new RegExp(`Paging ${word}`) })).toHaveCount(25);
  const first = await titles();
  await expect(previous).toHaveCount(0); // the first page has none
  const next = page.getByRole("link", { name: t("search.nextPage") });
  await expect(next).toHaveAttribute("rel", "next");
  await next.click();
  await expect(results.getByRole("link", { name: new RegExp(`Paging ${word}`) })).toHaveCount(2);
  expect(new Set([...first, ...(await titles())]).size).toBe(27);
  await expect(previous).toHaveAttribute("rel", "prev");
  await previous.click();
  await expect.poll(titles).toEqual(first);
  await expect(previous).toHaveCount(0);
});
