// How many tickets hold a word, on SQLite (FTS5's fts5vocab), for similar tickets: bm25
// reads the whole list of tickets of every word it ranks by, so a word held by half the
// desk ("guten", "the") costs the most and tells the least. Counts are kept per process
// for a while; they only decide which words are asked for.
import "server-only";
import { db, isPostgres } from "../db";

/** How long a word's count is used before it is read again. */
const COUNT_TTL_MS = 10 * 60_000;

/** Words kept in the cache; it is emptied when full (counts are cheap to read again). */
const MAX_CACHED = 50_000;

const cache = new Map<string, { tickets: number; readAt: number }>();
let ticketTotal: { tickets: number; readAt: number } | undefined;

/**
 * The word as FTS5's `unicode61 remove_diacritics 2` tokenizer stores it (lower case,
 * accents and umlauts removed; the caller has already folded ß to "ss"), which is how
 * fts5vocab lists it.
 */
export function indexedForm(term: string): string {
  return term.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The number of tickets whose search row holds each of `terms` (query terms as
 * `queryTerms` returns them), and (about) the number of tickets in all, both up to
 * COUNT_TTL_MS old. Undefined on PostgreSQL (its ranking, ts_rank_cd, reads no word statistics).
 * `now`: ms since the epoch; `maxCached`: the cache's size (both for tests).
 */
export async function ticketsHoldingTerms(
  terms: string[],
  now = Date.now(),
  maxCached = MAX_CACHED,
): Promise<{ counts: Map<string, number>; total: number } | undefined> {
  if (isPostgres()) return undefined;
  const fresh = (entry?: { readAt: number }) => entry && now - entry.readAt < COUNT_TTL_MS;
  // Emptied before, never while, the words are looked up: every word must be found below.
  if (cache.size + terms.length > maxCached) cache.clear();
  const missing = [...new Set(terms.map(indexedForm))].filter((term) => !fresh(cache.get(term)));
  if (missing.length > 0 || !fresh(ticketTotal)) {
    // A per-connection view of the index (SQLite: one connection per process).
    await db.$executeRawUnsafe(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp."ticket_search_vocab" USING fts5vocab(main, "ticket_search", row)`,
    );
  }
  if (missing.length > 0) {
    const rows = await db.$queryRawUnsafe<{ term: string; doc: number | bigint }[]>(
      `SELECT "term", "doc" FROM temp."ticket_search_vocab" WHERE "term" IN (${missing.map(() => "?").join(", ")})`,
      ...missing,
    );
    const found = new Map(rows.map((row) => [row.term, Number(row.doc)]));
    for (const term of missing) cache.set(term, { tickets: found.get(term) ?? 0, readAt: now });
  }
  if (!fresh(ticketTotal)) {
    // The highest ticket id: one index step, where count(*) walks every row (ids are
    // given in order; deleted tickets still count, which only matters for a threshold).
    const [{ total }] = await db.$queryRawUnsafe<{ total: number | bigint | null }[]>(
      `SELECT max("id") AS "total" FROM "Ticket"`,
    );
    ticketTotal = { tickets: Number(total ?? 0), readAt: now };
  }
  return {
    counts: new Map(terms.map((term) => [term, cache.get(indexedForm(term))!.tickets])),
    total: ticketTotal!.tickets,
  };
}

/** Forgets every cached count (tests). */
export function forgetTermCounts() {
  cache.clear();
  ticketTotal = undefined;
}
