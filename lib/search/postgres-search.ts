// Search on PostgreSQL: "ticket_search"."document" (tsvector, GIN index), ranked with
// ts_rank_cd. The document holds the text through the german, english (stemming) and
// simple configurations, each with unaccent (prisma/postgresql/migrations/*_ticket_search).
import "server-only";
import { db } from "../db";
import { PREFIX_MIN_LENGTH } from "./fold-text";
import { matchQueries, SqlParams, ticketConditions } from "./search-sql";
import { estimatedSearchMatches } from "./term-counts";
import { MARK_END, MARK_START, type SearchEngine, type SearchRequest } from "./search-types";

/**
 * The tsquery expression. A search ("all"): every term, each as its German stem, its
 * English stem or the word as written (as a prefix from PREFIX_MIN_LENGTH characters).
 * Similar tickets ("any"): any term by its stems only (stop words drop out).
 */
function tsQuery(params: SqlParams, { terms, mode }: SearchRequest): string {
  const parts = terms.map((term) => {
    const value = params.add(term);
    const stems = `plainto_tsquery('ticket_search_german', ${value}) || plainto_tsquery('ticket_search_english', ${value})`;
    if (mode === "any") return `(${stems})`;
    const written =
      term.length >= PREFIX_MIN_LENGTH
        ? `to_tsquery('ticket_search_simple', ${value} || ':*')`
        : `plainto_tsquery('ticket_search_simple', ${value})`;
    return `(${stems} || ${written})`;
  });
  return parts.join(mode === "all" ? " && " : " || ");
}

// WITH + FROM + WHERE of every query: the match, the scope and the filters in one statement.
function matching(request: SearchRequest): { params: SqlParams; sql: string } {
  const params = new SqlParams("postgresql");
  const query = tsQuery(params, request);
  const where = ticketConditions(params, request);
  return {
    params,
    sql: `FROM (SELECT ${query} AS "query") q, "ticket_search" s JOIN "Ticket" t ON t."id" = s."ticket_id"
          WHERE s."document" @@ q."query" AND ${where}`,
  };
}

/** A search matching fewer than this share of tickets (estimated) is found through the index of words. */
const RARE_SHARE = 0.01;

const rareRequests = new WeakMap<SearchRequest, Promise<boolean>>();

/**
 * Whether the request's words are rare (estimatedSearchMatches, once per request). The
 * planner cannot see the words' frequencies (the tsquery is built in the statement, and
 * a word missing from the statistics is estimated at 0.6 % of all tickets), so it finds
 * the newest matches by walking the tickets from the newest and testing each one: fast
 * for a common word, every ticket for a rare one (3.2 s at 1,000,000 tickets for a word
 * in 5 old tickets, BENCHMARKS.md seventh round). Ordered by `id + 0`, which no index
 * gives, it reads the matches from the GIN index and sorts them: 5–10 ms for that word,
 * 2.7 s for a word in 15 % of tickets. Without statistics, the walk as before.
 */
function isRare(request: SearchRequest): Promise<boolean> {
  let rare = rareRequests.get(request);
  if (!rare) {
    rare = estimatedSearchMatches(request.terms, request.mode).then(
      (estimate) => !!estimate && estimate.matches < estimate.total * RARE_SHARE,
    );
    rareRequests.set(request, rare);
  }
  return rare;
}

export const postgresSearch: SearchEngine = {
  ...matchQueries({
    matching,
    id: `s."ticket_id"`,
    orderKey: async (request) => ((await isRare(request)) ? `s."ticket_id" + 0` : `s."ticket_id"`),
    // Normalisation 1: divided by 1 + log(length), so a long thread does not win by length alone.
    rankedWindow: (sql, size, order) =>
      `SELECT "id" FROM (
         SELECT s."ticket_id" AS "id", s."document", q."query" ${sql}
         ORDER BY ${order} DESC LIMIT ${size}
       ) w ORDER BY ts_rank_cd(w."document", w."query", 1) DESC, "id" DESC`,
  }),

  async snippets(request, wanted) {
    if (wanted.length === 0) return new Map();
    const params = new SqlParams("postgresql");
    const query = tsQuery(params, request);
    const options = params.add(
      `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`,
    );
    const start = params.add(MARK_START);
    // The German reading first (it finds inflected forms), else the words as written.
    const rows = await db.$queryRawUnsafe<{ id: number; snippet: string }[]>(
      `SELECT "id", CASE WHEN strpos("german", ${start}) > 0 THEN "german"
                    ELSE ts_headline('ticket_search_simple', "text", "query", ${options}) END AS "snippet"
       FROM (SELECT s."ticket_id" AS "id", left(s."body", 100000) AS "text", q."query",
                    ts_headline('ticket_search_german', left(s."body", 100000), q."query", ${options}) AS "german"
             FROM (SELECT ${query} AS "query") q, "ticket_search" s
             WHERE s."ticket_id" IN (${params.list(wanted)})) h`,
      ...params.values,
    );
    return new Map(rows.map((row) => [Number(row.id), row.snippet]));
  },
};
