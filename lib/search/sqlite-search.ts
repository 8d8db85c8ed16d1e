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
    const params = new SqlParams("sqlite");
    const start = params.add(MARK_START);
    const end = params.add(MARK_END);
    const match = params.add(ftsQuery(request));
    const rows = await db.$queryRawUnsafe<{ id: number | bigint; snippet: string | null }[]>(
      `SELECT "rowid" AS "id", snippet("ticket_search", 3, ${start}, ${end}, '…', 24) AS "snippet"
       FROM "ticket_search" WHERE "ticket_search" MATCH ${match} AND "rowid" IN (${params.list(wanted)})`,
      ...params.values,
    );
    return new Map(rows.map((row) => [Number(row.id), row.snippet ?? ""]));
  },
};
