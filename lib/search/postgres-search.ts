// Search on PostgreSQL: "ticket_search"."document" (tsvector, GIN index), ranked with
// ts_rank_cd. The document holds the text through the german, english (stemming) and
// simple configurations, each with unaccent (prisma/postgresql/migrations/*_ticket_search).
import "server-only";
import { db } from "../db";
import { PREFIX_MIN_LENGTH } from "./fold-text";
import { matchQueries, SqlParams, ticketConditions } from "./search-sql";
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

export const postgresSearch: SearchEngine = {
  ...matchQueries({
    matching,
    id: `s."ticket_id"`,
    // Normalisation 1: divided by 1 + log(length), so a long thread does not win by length alone.
    rankedWindow: (sql, size) =>
      `SELECT "id" FROM (
         SELECT s."ticket_id" AS "id", s."document", q."query" ${sql}
         ORDER BY s."ticket_id" DESC LIMIT ${size}
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
