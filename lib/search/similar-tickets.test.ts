// Similar tickets on the database of this run: earlier tickets of readable queues only,
// the one sharing the most words first.
import { beforeAll, describe, expect, it } from "vitest";
import { scopeWithAccess } from "../../tests/kit/scopes";
import { isPostgres } from "../db";
import { testProvider } from "../../tests/kit/databases";
import { SYSTEM } from "../actor";
import { systemScope } from "../access/system-scope";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { createTicket } from "../tickets/create-ticket";
import { findSimilarTickets, informativeTerms } from "./similar-tickets";
import { forgetTermCounts, ticketsHoldingTerms } from "./term-counts";

const queueIds: Record<string, number> = {};

async function ticket(queue: string, title: string, text: string) {
  return createTicket({
    scope: systemScope,
    customer: { email: "someone@example.org" },
    title,
    queueId: queueIds[queue],
    actor: SYSTEM,
    article: { channel: "email", direction: "in", visibleToCustomer: true, text },
  });
}

/** PostgreSQL: refreshes the statistics of the search table, as autovacuum does on a live desk. */
async function analyzeSearchTable() {
  await db.$executeRawUnsafe(`ANALYZE "ticket_search"`);
}

beforeAll(async () => {
  await seedDatabase();
  for (const queue of await db.queue.findMany()) queueIds[queue.name] = queue.id;
});

describe(`findSimilarTickets on ${testProvider()}`, () => {
  it("lists earlier tickets of the agent's queues, the closest first", async () => {
    const close = await ticket(
      "Misc",
      "VPN connection drops",
      "The VPN tunnel disconnects every hour.",
    );
    const loose = await ticket(
      "Misc",
      "Laptop slow",
      "Since the VPN client update the laptop is slow.",
    );
    await ticket("Misc", "Printer jam", "Paper stuck in tray two.");
    const foreign = await ticket(
      "WLAN",
      "VPN connection drops",
      "The VPN tunnel disconnects every hour.",
    );
    const current = await ticket(
      "Misc",
      "VPN tunnel drops hourly",
      "Our VPN connection disconnects each hour.",
    );
    const later = await ticket("Misc", "VPN connection drops again", "The VPN tunnel disconnects.");

    const agent = await scopeWithAccess({ Misc: "rw" });
    const similar = await findSimilarTickets({ scope: agent, ticketId: current.id });
    expect(similar.map((other) => other.number)).toEqual([close.number, loose.number]);
    const numbers = similar.map((other) => other.number);
    expect(numbers).not.toContain(foreign.number);
    expect(numbers).not.toContain(later.number);

    // An agent who cannot read the ticket gets nothing; one reading both queues sees both twins.
    expect(
      await findSimilarTickets({
        scope: await scopeWithAccess({ WLAN: "rw" }),
        ticketId: current.id,
      }),
    ).toEqual([]);
    const both = await findSimilarTickets({
      scope: await scopeWithAccess({ Misc: "ro", WLAN: "ro" }),
      ticketId: current.id,
    });
    expect(
      both
        .slice(0, 2)
        .map((other) => other.number)
        .sort(),
    ).toEqual([close.number, foreign.number].sort());
  });

  it("leaves out words most tickets hold: a ticket sharing only those is not similar", async () => {
    const greeting = "Guten Tag, liebes Team";
    const onlyGreeting = await ticket(
      "Misc",
      "Monitor dunkel",
      `${greeting}. Bildschirm bleibt schwarz.`,
    );
    const twin = await ticket(
      "Misc",
      "Zertifikatsfehler Intranet",
      `${greeting}. Zertifikatsfehler im Intranet.`,
    );
    for (let i = 0; i < 4; i++) await ticket("Misc", `Anfrage ${i}`, `${greeting}. Nummer ${i}.`);
    const current = await ticket(
      "Misc",
      "Intranet meldet Zertifikatsfehler",
      `${greeting}. Bitte helfen.`,
    );
    const agent = await scopeWithAccess({ Misc: "rw" });
    // PostgreSQL's word counts are the statistics ANALYZE keeps (autovacuum, on a live desk).
    if (isPostgres()) await analyzeSearchTable();

    // Every word counts while the desk is small (the floor): the greeting alone is a match.
    forgetTermCounts();
    const all = await findSimilarTickets({ scope: agent, ticketId: current.id, limit: 10 });
    expect(all[0]?.number).toBe(twin.number);
    expect(all.map((other) => other.number)).toContain(onlyGreeting.number);

    // Words in more than 30 % of tickets left out: only the shared rare words rank.
    forgetTermCounts();
    const rule = { share: 0.3, floor: 0, keep: 12 };
    const similar = await findSimilarTickets({
      scope: agent,
      ticketId: current.id,
      limit: 10,
      commonWord: rule,
    });
    expect(similar.map((other) => other.number)).toEqual([twin.number]);
  });
});

describe("informativeTerms", () => {
  const counts = new Map([
    ["guten", 9_000],
    ["drucker", 400],
    ["vpn", 40],
    ["zeitreisemodul", 2],
  ]);

  it("drops words above the share of all tickets, keeps the order given", () => {
    const rule = { share: 0.05, floor: 100, keep: 12 };
    expect(
      informativeTerms(["guten", "drucker", "vpn", "zeitreisemodul"], counts, 10_000, rule),
    ).toEqual(["drucker", "vpn", "zeitreisemodul"]);
    // 5 % of 1,000 is 50, below the floor of 100: the floor decides.
    expect(informativeTerms(["drucker", "vpn", "neu"], counts, 1_000, rule)).toEqual([
      "vpn",
      "neu",
    ]);
  });

  it("keeps the rarest when more words are left than it ranks by", () => {
    const rule = { share: 1, floor: 0, keep: 2 };
    expect(
      informativeTerms(["guten", "drucker", "vpn", "zeitreisemodul"], counts, 10_000, rule),
    ).toEqual(["vpn", "zeitreisemodul"]);
  });
});

describe(`ticketsHoldingTerms on ${testProvider()}`, () => {
  it.runIf(!isPostgres())(
    "counts the tickets holding each word as the index folds it",
    async () => {
      await ticket("Misc", "Hörsaal Beamer", "Der Beamer im Hörsaal ist aus.");
      await ticket("Misc", "Hoersaal?", "Im HÖRSAAL brennt Licht, die Straße ist nass.");
      forgetTermCounts();
      const { counts, total } = (await ticketsHoldingTerms([
        "hörsaal",
        "beamer",
        "strasse",
        "nirgendwo",
      ]))!;
      expect(Object.fromEntries(counts)).toEqual({
        hörsaal: 2,
        beamer: 1,
        strasse: 1,
        nirgendwo: 0,
      });
      expect(total).toBe((await db.ticket.aggregate({ _max: { id: true } }))._max.id);
    },
  );

  it.runIf(!isPostgres())("answers every word when its cache is full and emptied", async () => {
    forgetTermCounts();
    await ticketsHoldingTerms(["hörsaal", "beamer"], Date.now(), 2);
    const { counts } = (await ticketsHoldingTerms(["beamer", "strasse"], Date.now(), 2))!;
    expect(Object.fromEntries(counts)).toEqual({ beamer: 1, strasse: 1 });
  });

  it.runIf(isPostgres())(
    "estimates the counts on PostgreSQL from the statistics of the search table",
    async () => {
      await ticket("Misc", "Hörsaal Beamer", "Der Beamer im Hörsaal ist aus.");
      await ticket("Misc", "Hoersaal?", "Im HÖRSAAL brennt Licht, die Straße ist nass.");
      for (let i = 0; i < 3; i++) await ticket("Misc", `Drucker ${i}`, "Der Drucker druckt nicht.");
      await analyzeSearchTable();
      const { counts, total } = (await ticketsHoldingTerms(["drucker", "druckt", "nirgendwo"]))!;
      const [{ tickets }] = await db.$queryRawUnsafe<{ tickets: number }[]>(
        `SELECT count(*)::int AS "tickets" FROM "ticket_search"`,
      );
      expect(total).toBe(tickets);
      // Held by 3 of the tickets (by its stem, "druck", as "druckt" too): about that many.
      const drucker = counts.get("drucker")!;
      expect(drucker).toBeGreaterThanOrEqual(3);
      expect(drucker).toBeLessThanOrEqual(tickets);
      expect(counts.get("nirgendwo")).toBe(0);
    },
  );
});
