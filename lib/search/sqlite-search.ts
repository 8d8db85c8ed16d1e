// Search on SQLite: the FTS5 table "ticket_search" (rowid = Ticket.id), ranked with bm25.
import "server-only";
import { db } from "../db";
import { PREFIX_MIN_LENGTH } from "./fold-text";
import { matchQueries, SqlParams, ticketConditions } from "./search-sql";
import { MARK_END, MARK_START, type SearchEngine, type SearchRequest } from "./search-types";

// bm25 weights of the columns number, title, customer, body.
const RANK = `bm25("ticket_search", 10.0, 5.0, 3.0, 1.0)`;

/**
 * The FTS5 query: each term quoted (no FTS syntax gets through), terms of at least
 * PREFIX_MIN_LENGTH characters also as prefixes; all terms (AND) or any (OR).
 */
export function ftsQuery({ terms, mode }: Pick<SearchRequest, "terms" | "mode">): string {
  const parts = terms.map((term) => {
    const quoted = `"${term.replaceAll('"', '""')}"`;
    return mode === "all" && term.length >= PREFIX_MIN_LENGTH ? `${quoted}*` : quoted;
  });
  return parts.join(mode === "all" ? " AND " : " OR ");
}

// FROM + WHERE of every query: the match, the scope and the filters in one statement.
function matching(request: SearchRequest): { params: SqlParams; sql: string } {
  const params = new SqlParams("sqlite");
  const match = params.add(ftsQuery(request));
  const where = ticketConditions(params, request);
  return {
    params,
    sql: `FROM "ticket_search" s JOIN "Ticket" t ON t."id" = s."rowid"
          WHERE "ticket_search" MATCH ${match} AND ${where}`,
  };
}

export const sqliteSearch: SearchEngine = {
  ...matchQueries({
    matching,
    id: `s."rowid"`,
    rankedWindow: (sql, size) =>
      `SELECT "id" FROM (
         SELECT s."rowid" AS "id", ${RANK} AS "score" ${sql}
         ORDER BY s."rowid" DESC LIMIT ${size}
       ) ORDER BY "score", "id" DESC`,
  }),

  async snippets(request, wanted) {
    if (wanted.length === 0) return new Map();
    // FTS5 takes a rowid range as a bound on its scan, but not "rowid IN (…)": with only the
    // IN it walked every match of the words (a prefix word's merged list: 50 ms at 100,000
    // tickets for "drucker*", 10 × that at 1,000,000), so the range bounds the scan and the
    // IN only decides which rows get a snippet.
    const params = new SqlParams("sqlite");
    const ids = params.list(wanted);
    const start = params.add(MARK_START);
    const end = params.add(MARK_END);
    const match = params.add(ftsQuery(request));
    const from = params.add(Math.min(...wanted));
    const to = params.add(Math.max(...wanted));
    const rows = await db.$queryRawUnsafe<{ id: number | bigint; snippet: string | null }[]>(
      `SELECT "rowid" AS "id",
              CASE WHEN "rowid" IN (${ids}) THEN snippet("ticket_search", 3, ${start}, ${end}, '…', 24) END AS "snippet"
       FROM "ticket_search"
       WHERE "ticket_search" MATCH ${match} AND "rowid" >= ${from} AND "rowid" <= ${to}`,
      ...params.values,
    );
    const asked = new Set(wanted);
    return new Map(
      rows
        .filter((row) => asked.has(Number(row.id)))
        .map((row) => [Number(row.id), row.snippet ?? ""]),
    );
  },
};
