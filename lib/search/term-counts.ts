// How many tickets hold a word, for similar tickets: SQLite's bm25 reads the whole list of
// tickets of every word it ranks by, and PostgreSQL's GIN index hands every ticket holding
// any of the words to ts_rank_cd, so a word held by half the desk ("guten", "the") costs
// the most and tells the least. SQLite counts from FTS5's fts5vocab (kept per process for a
// while); PostgreSQL estimates from the statistics ANALYZE keeps. The counts only decide
// which words are asked for.
import "server-only";
import { db, isPostgres } from "../db";
import { PREFIX_MIN_LENGTH } from "./fold-text";

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
 * COUNT_TTL_MS old; on PostgreSQL estimates (estimatedTicketsHoldingTerms), undefined
 * while the search table has no statistics. `now`: ms since the epoch; `maxCached`: the
 * cache's size (both for tests).
 */
export async function ticketsHoldingTerms(
  terms: string[],
  now = Date.now(),
  maxCached = MAX_CACHED,
): Promise<{ counts: Map<string, number>; total: number } | undefined> {
  if (isPostgres()) return estimatedTicketsHoldingTerms(terms);
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

/**
 * PostgreSQL: about how many tickets hold each of `terms`, from the statistics ANALYZE
 * (and autovacuum) keep of the search document: `pg_stats.most_common_elems`, the lexemes
 * held by the most rows with the share of rows holding each, times the table's row
 * estimate (`pg_class.reltuples`). A word counts by the larger share of its German and
 * English stems (how similar tickets match it); a word missing from the list is rarer
 * than every listed one and counts 0. One statement, no cache. Undefined while the table
 * has no statistics (PostgreSQL docs, "pg_stats": most_common_elems for tsvector columns).
 */
async function estimatedTicketsHoldingTerms(
  terms: string[],
): Promise<{ counts: Map<string, number>; total: number } | undefined> {
  if (terms.length === 0) return undefined;
  const rows = await db.$queryRawUnsafe<{ term: string; share: number | null; total: number }[]>(
    estimateStatement(lexemeShare(["german", "english"])),
    terms,
  );
  const total = rows[0]?.total ?? 0;
  if (total <= 0) return undefined;
  return {
    counts: new Map(rows.map((row) => [row.term, Math.round((row.share ?? 0) * total)])),
    total: Math.round(total),
  };
}

/**
 * The statement both PostgreSQL estimates run, one row per term of $1: the term, its
 * `share` of search rows (the SQL given, over the statistics "st") and the table's row
 * estimate as `total`.
 */
const estimateStatement = (share: string) =>
  `WITH "st" AS (
     SELECT "most_common_elems"::text::text[] AS "elems", "most_common_elem_freqs" AS "freqs"
     FROM "pg_stats"
     WHERE "schemaname" = 'public' AND "tablename" = 'ticket_search' AND "attname" = 'document'
   )
   SELECT "w"."term", (${share})::float8 AS "share",
          (SELECT "reltuples" FROM "pg_class" WHERE "oid" = 'public.ticket_search'::regclass)::float8 AS "total"
   FROM unnest($1::text[]) AS "w"("term"), "st"`;

/** SQL: the largest listed share of the term's lexemes in these text search configurations. */
const lexemeShare = (configurations: ("german" | "english" | "simple")[]) =>
  `SELECT max("st"."freqs"[array_position("st"."elems", "l")])
   FROM unnest(${configurations
     .map((c) => `tsvector_to_array(to_tsvector('ticket_search_${c}', "w"."term"))`)
     .join(" || ")}) "l"`;

/**
 * PostgreSQL: about how many tickets a search for `terms` can match, from the same
 * statistics as estimatedTicketsHoldingTerms: each term by the larger share of its German
 * stem, its English stem, the word as written (a stop word such as "an" has no stem but is
 * searched as written) and (from PREFIX_MIN_LENGTH characters, as the search asks for the
 * word as a prefix) every listed lexeme it begins; "all" takes the rarest term, "any" adds
 * them up. A term held by none of the listed lexemes counts 0: rarer than all of them.
 * Returns the estimate and the table's row estimate; undefined without statistics.
 */
export async function estimatedSearchMatches(
  terms: string[],
  mode: "all" | "any",
): Promise<{ matches: number; total: number } | undefined> {
  if (terms.length === 0 || !isPostgres()) return undefined;
  // The prefix: the summed shares of the listed lexemes the word as written begins.
  const prefixShare = `SELECT max("p"."share") FROM (
       SELECT sum("e"."freq") AS "share"
       FROM unnest(tsvector_to_array(to_tsvector('ticket_search_simple', "w"."term"))) "prefix",
            unnest("st"."elems", "st"."freqs") AS "e"("elem", "freq")
       WHERE length("w"."term") >= $2 AND left("e"."elem", length("prefix")) = "prefix"
       GROUP BY "prefix") "p"`;
  const rows = await db.$queryRawUnsafe<{ share: number | null; total: number }[]>(
    estimateStatement(
      `greatest((${lexemeShare(["german", "english", "simple"])}), (${prefixShare}))`,
    ),
    terms,
    PREFIX_MIN_LENGTH,
  );
  const total = rows[0]?.total ?? 0;
  if (total <= 0) return undefined;
  const shares = rows.map((row) => row.share ?? 0);
  const share = mode === "all" ? Math.min(...shares) : shares.reduce((a, b) => a + b, 0);
  return { matches: Math.round(share * total), total: Math.round(total) };
}

/** Forgets every cached count (tests). */
export function forgetTermCounts() {
  cache.clear();
  ticketTotal = undefined;
}
