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
