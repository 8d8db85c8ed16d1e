// Full-text search on the database of this run (TEST_DATABASE): what is found, what is
// never found (a foreign queue's ticket), filters, ranking and paging on known data.
import { beforeAll, describe, expect, it } from "vitest";
import { scopeWithAccess } from "../../tests/kit/scopes";
import { testProvider } from "../../tests/kit/databases";
import { SYSTEM } from "../actor";
import type { Scope } from "../access/scope";
import { systemScope } from "../access/system-scope";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { addArticle } from "../tickets/add-article";
import { createTicket } from "../tickets/create-ticket";
import { findTicketNumber } from "./find-ticket-number";
import { searchEngine, searchTickets, type SearchFilters } from "./search-tickets";
import { estimatedSearchMatches } from "./term-counts";
import { MARK_END, MARK_START } from "./search-types";

const postgres = testProvider() === "postgresql";
const queueIds: Record<string, number> = {};
let agent: Scope; // reads Misc and Web, not WLAN

async function ticket(queue: string, title: string, text: string, customer = "kunde@example.org") {
  return createTicket({
    scope: systemScope,
    customer: { email: customer, name: "Erika Mustermann" },
    title,
    queueId: queueIds[queue],
    actor: SYSTEM,
    article: { channel: "web", direction: "in", visibleToCustomer: true, text },
  });
}

async function note(ticketId: number, text: string) {
  await addArticle({
    scope: systemScope,
    ticketId,
    actor: SYSTEM,
    article: { channel: "note", direction: "internal", visibleToCustomer: false, text },
  });
}

async function found(query: string, filters: SearchFilters = {}, scope = agent) {
  const result = await searchTickets({ scope, query, filters });
  return result.hits.map((hit) => hit.title);
}

/** Every page of a search by its next cursors: the hits' titles and each page's total. */
async function allPages(query: string, options: { limit: number; rankedWindow: number }) {
  const titles: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof searchTickets>> = await searchTickets({
      scope: agent,
      query,
      cursor,
      ...options,
    });
    titles.push(...page.hits.map((hit) => hit.title));
    totals.push(page.total);
    cursor = page.nextCursor;
  } while (cursor);
  return { titles, totals };
}

beforeAll(async () => {
  await seedDatabase();
  for (const queue of await db.queue.findMany()) queueIds[queue.name] = queue.id;
  agent = await scopeWithAccess({ Misc: "rw", Web: "ro" });
});

describe(`searchTickets on ${testProvider()}`, () => {
  it("finds a word that occurs only in an article body, with a marked snippet", async () => {
    await ticket("Misc", "Printer broken", "The paper tray makes a grinding noise since Monday.");
    const result = await searchTickets({ scope: agent, query: "grinding" });
    expect(result.hits.map((hit) => hit.title)).toEqual(["Printer broken"]);
    expect(result.total).toBe(1);
    expect(result.hits[0].snippet).toContainEqual({ text: "grinding", match: true });
    expect(result.hits[0].snippet.map((part) => part.text).join("")).toContain("paper tray");
  });

  it("finds a word that occurs only in a later internal note", async () => {
    const created = await ticket("Web", "Website slow", "Pages load slowly.");
    expect(await found("flamingo")).toEqual([]);
    await note(created.id, "Caused by the flamingo cache; restarted it.");
    expect(await found("flamingo")).toEqual(["Website slow"]);
  });

  it("matches ß and ss both ways, and folds umlauts, accents and case", async () => {
    await ticket(
      "Misc",
      "Adresse ändern",
      "Neue Anschrift: Hauptstraße 5, Köln. Café geschlossen.",
    );
    await ticket("Misc", "Umzug", "Wir sind in die Gartenstrasse gezogen.");
    expect(await found("hauptstrasse")).toEqual(["Adresse ändern"]);
    expect(await found("Gartenstraße")).toEqual(["Umzug"]);
    expect(await found("koln")).toEqual(["Adresse ändern"]);
    expect(await found("KÖLN cafe")).toEqual(["Adresse ändern"]);
    expect(await found("andern")).toEqual(["Adresse ändern"]);
  });

  it("matches prefixes (both databases) and German inflected forms (PostgreSQL)", async () => {
    await ticket("Misc", "Scanner", "Der Einzugsscanner im Lager meldet Papierstau.");
    expect(await found("papiers")).toEqual(["Scanner"]);
    expect(await found("einzugs lag")).toEqual(["Scanner"]);
    await ticket("Misc", "Mehrere Häuser ohne Strom", "Die Drucker in beiden Gebäuden sind aus.");
    // "Häuser" by its prefix "haus", "Gebäuden" by "gebäude", on both databases.
    expect(await found("Haus Gebäude")).toEqual(["Mehrere Häuser ohne Strom"]);
    // "Druckern" (dative plural) is no prefix of "Drucker": only German stemming finds it.
    expect(await found("Druckern")).toEqual(postgres ? ["Mehrere Häuser ohne Strom"] : []);
    if (postgres) expect(await found("Hause Gebäudes")).toEqual(["Mehrere Häuser ohne Strom"]);
  });

  it("finds by number, title and customer address, and a number typed alone names the ticket", async () => {
    const created = await ticket("Misc", "Lizenzfrage", "Hallo", "walrus@firma.example");
    expect(await found("walrus")).toEqual(["Lizenzfrage"]);
    // Punctuation separates words in the text as in the query (addresses, versions, "a-1").
    expect(await found("firma.example")).toEqual(["Lizenzfrage"]);
    expect(await found("firma")).toEqual(["Lizenzfrage"]);
    await ticket("Misc", "Update auf Version 2.5-rc7", "Seit dem Update tut nichts.");
    expect(await found("rc7")).toEqual(["Update auf Version 2.5-rc7"]);
    expect(await found("version 2.5")).toEqual(["Update auf Version 2.5-rc7"]);
    expect(await found(created.number)).toEqual(["Lizenzfrage"]);
    expect(await findTicketNumber({ scope: agent, query: ` #${created.number} ` })).toBe(
      created.number,
    );
    expect(await findTicketNumber({ scope: agent, query: "Lizenzfrage" })).toBeNull();
  });

  it("never finds, counts or snippets a ticket of a queue the agent cannot read", async () => {
    const foreign = await ticket("WLAN", "Access point", "The zebracorn antenna is loose.");
    await note(foreign.id, "zebracorn again");
    const result = await searchTickets({ scope: agent, query: "zebracorn" });
    expect(result).toMatchObject({ hits: [], total: 0, nextCursor: null });
    expect(await found("zebracorn", { queueId: queueIds.WLAN })).toEqual([]);
    expect(await findTicketNumber({ scope: agent, query: foreign.number })).toBeNull();
    const wlanReader = await scopeWithAccess({ WLAN: "ro" });
    expect(await found("zebracorn", {}, wlanReader)).toEqual(["Access point"]);
    expect(await found("zebracorn", {}, await scopeWithAccess({}))).toEqual([]);
  });

  it("filters by queue, state, owner, priority and created/updated dates", async () => {
    const a = await ticket("Misc", "Filter A", "quokka");
    const b = await ticket("Web", "Filter B", "quokka");
    const owner = await db.agent.findFirstOrThrow();
    await db.ticket.update({
      where: { id: b.id },
      data: { state: "open", priority: 5, ownerId: owner.id, createdAt: new Date("2025-01-10") },
    });
    const titles = async (filters: SearchFilters) => (await found("quokka", filters)).sort();
    expect(await titles({})).toEqual(["Filter A", "Filter B"]);
    expect(await titles({ queueId: queueIds.Misc })).toEqual(["Filter A"]);
    expect(await titles({ state: "open" })).toEqual(["Filter B"]);
    expect(await titles({ state: "new" })).toEqual(["Filter A"]);
    expect(await titles({ ownerId: owner.id })).toEqual(["Filter B"]);
    expect(await titles({ priority: 5 })).toEqual(["Filter B"]);
    expect(await titles({ createdTo: new Date("2025-02-01") })).toEqual(["Filter B"]);
    expect(await titles({ createdFrom: new Date("2025-02-01") })).toEqual(["Filter A"]);
    const later = new Date(Date.now() + 60_000);
    expect(await titles({ updatedFrom: later })).toEqual([]);
    expect(await titles({ updatedTo: later })).toEqual(["Filter A", "Filter B"]);
    expect(a.id).toBeLessThan(b.id);
  });

  it("ranks a title match first, then more occurrences, newest first among equals", async () => {
    await ticket("Misc", "Kangaroo problem", "Please help.");
    await ticket("Misc", "Other thing one", "We saw a kangaroo near the office.");
    await ticket("Misc", "Other thing two", "Kangaroo here, kangaroo there, kangaroo everywhere.");
    expect(await found("kangaroo")).toEqual([
      "Kangaroo problem",
      "Other thing two",
      "Other thing one",
    ]);
  });

  it("pages with a cursor through every hit once; a foreign cursor is refused", async () => {
    for (let i = 1; i <= 7; i++) await ticket("Misc", `Paging ${i}`, "platypus");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof searchTickets>> = await searchTickets({
        scope: agent,
        query: "platypus",
        cursor,
        limit: 3,
      });
      expect(page.total).toBe(7);
      seen.push(...page.hits.map((hit) => hit.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `Paging ${i}`));
    // Past a (here tiny) ranked window, the older matches follow newest first, each once.
    const ranked = await searchTickets({ scope: agent, query: "platypus", limit: 7 });
    const windowed = (await allPages("platypus", { limit: 2, rankedWindow: 3 })).titles;
    expect(windowed).toEqual(ranked.hits.map((hit) => hit.title));
    expect(windowed.slice(3)).toEqual(["Paging 4", "Paging 3", "Paging 2", "Paging 1"]);
    await expect(
      searchTickets({ scope: agent, query: "platypus", cursor: "bm90IGEgY3Vyc29y" }),
    ).rejects.toThrow("Invalid cursor");
  });

  it("walks back with the previous-page cursor to exactly the pages it walked forward", async () => {
    for (let i = 1; i <= 8; i++) await ticket("Misc", `Backwards ${i}`, "wombat");
    // Windows that end inside a page, on a page's end, and hold everything; pages of 1 to 3.
    for (const [limit, rankedWindow] of [
      [2, 3],
      [3, 3],
      [1, 4],
      [3, 5],
      [2, 20],
    ]) {
      const label = `limit ${limit}, window ${rankedWindow}`;
      const search = (cursor: string | null) =>
        searchTickets({ scope: agent, query: "wombat", cursor, limit, rankedWindow });
      let page = await search(null);
      expect(page.prevCursor, label).toBeNull();
      const forward = [page.hits.map((hit) => hit.title)];
      while (page.nextCursor) {
        page = await search(page.nextCursor);
        forward.push(page.hits.map((hit) => hit.title));
      }
      const backward = [page.hits.map((hit) => hit.title)];
      while (page.prevCursor) {
        page = await search(page.prevCursor);
        backward.unshift(page.hits.map((hit) => hit.title));
        expect(backward.length, label).toBeLessThanOrEqual(forward.length);
      }
      expect(backward, label).toEqual(forward);
      expect(forward.flat(), label).toHaveLength(8);
    }
  });

  it("keeps the index in step when a title, an article or a customer changes", async () => {
    const created = await ticket("Misc", "Old title", "Original words", "renamer@example.org");
    await db.ticket.update({ where: { id: created.id }, data: { title: "Narwhal request" } });
    expect(await found("narwhal")).toEqual(["Narwhal request"]);
    const [article] = await db.article.findMany({ where: { ticketId: created.id } });
    await db.article.update({ where: { id: article.id }, data: { text: "Redecoded axolotl" } });
    expect(await found("axolotl")).toEqual(["Narwhal request"]);
    expect(await found("original")).toEqual([]);
    await db.customer.update({
      where: { id: created.customerId },
      data: { name: "Ottilie Okapi" },
    });
    expect(await found("okapi")).toEqual(["Narwhal request"]);
    await db.ticket.delete({ where: { id: created.id } });
    expect(await found("axolotl")).toEqual([]);
  });

  it("finds nothing for a query without words", async () => {
    expect(await searchTickets({ scope: agent, query: " !? * " })).toMatchObject({
      hits: [],
      total: 0,
    });
    expect(await found('quokka" OR "platypus')).toEqual([]);
  });
});

describe(`snippets on ${testProvider()}`, () => {
  it("gives each asked ticket its own marked snippet, and none to a match between them", async () => {
    const first = await ticket("Misc", "Kettle one", "The quokkaphone hums in room one.");
    const between = await ticket("Misc", "Kettle two", "A quokkaphone in room two.");
    const last = await ticket("Misc", "Kettle three", "Room three: the quokkaphone is silent.");
    const request = { scope: agent, terms: ["quokkaphone"], mode: "all" as const, filters: {} };
    const snippets = await searchEngine().snippets(request, [last.id, first.id]);
    expect([...snippets.keys()].sort((a, b) => a - b)).toEqual([first.id, last.id]);
    expect(snippets.has(between.id)).toBe(false);
    expect(snippets.get(first.id)).toContain(`${MARK_START}quokkaphone${MARK_END}`);
    expect(snippets.get(first.id)).toContain("hums");
    expect(snippets.get(last.id)).toContain("silent");
  });
});

describe.runIf(postgres)("a rare word on PostgreSQL", () => {
  it("is found through the index of words, in the same order and pages as any search", async () => {
    // Two old tickets hold the rare word; hundreds of newer ones a common one.
    for (let i = 1; i <= 2; i++)
      await ticket("Misc", `Zeitreise ${i}`, "Das Zeitreisemodul fehlt.");
    for (let batch = 0; batch < 6; batch++)
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          ticket("Misc", `Druck ${batch}-${i}`, "Der Drucker an der Wand ist laut."),
        ),
      );
    await db.$executeRawUnsafe(`ANALYZE "ticket_search"`);
    const total = await db.ticket.count();
    const rare = (await estimatedSearchMatches(["zeitreisemodul"], "all"))!;
    expect(rare.matches).toBeLessThan(rare.total * 0.01);
    for (const common of [["drucker"], ["druc"], ["an"], ["drucker", "an"]]) {
      const estimate = (await estimatedSearchMatches(common, "all"))!;
      expect(estimate.matches).toBeGreaterThan(estimate.total * 0.01);
    }
    const either = (await estimatedSearchMatches(["zeitreisemodul", "drucker"], "any"))!;
    expect(either.matches).toBeGreaterThan(either.total * 0.01);
    expect(rare.total).toBeGreaterThan(total / 2);

    const pages = await allPages("zeitreisemodul", { limit: 1, rankedWindow: 1 });
    expect(pages.totals).toEqual([2, 2]);
    expect(pages.titles).toEqual(["Zeitreise 2", "Zeitreise 1"]);
    expect(await found("zeitreisemodul")).toEqual(["Zeitreise 2", "Zeitreise 1"]);
    expect(await found("zeitreisemodul drucker")).toEqual([]);
  });
});
