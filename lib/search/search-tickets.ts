// Full-text ticket search (issue 17): one interface, two engines (SQLite FTS5, PostgreSQL
// tsvector) chosen by the database in use. The scope's readable queues and the filters are
// part of every search statement: a ticket the agent may not read is never found,
// counted or snippeted. docs/search.md states what each database matches.
import "server-only";
import { z } from "zod";
import { readableTickets, type Scope } from "../access/scope";
import { db, isPostgres } from "../db";
import { UserFacingError } from "../errors";
import { ticketSummarySelect } from "../tickets/list-tickets";
import { queryTerms } from "./fold-text";
import { postgresSearch } from "./postgres-search";
import { snippetParts, type SnippetPart } from "./snippet-parts";
import { sqliteSearch } from "./sqlite-search";
import type { SearchEngine, SearchFilters, SearchRequest } from "./search-types";

export type { SearchFilters };

/** The newest this many matches are ranked by relevance; matches past them follow newest first. */
export const RANKED_WINDOW = 300;

/** Counting stops here: a total above it is reported as "more than COUNT_CAP". */
export const COUNT_CAP = 10_000;

/** The engine of the database in use. */
export const searchEngine = (): SearchEngine => (isPostgres() ? postgresSearch : sqliteSearch);

export interface SearchTicketsInput {
  /** The caller's scope: only tickets of its readable queues are searched. */
  scope: Scope;
  /** What the agent typed: words, each must occur (the longer ones also as a prefix). */
  query: string;
  filters?: SearchFilters;
  /** `nextCursor` of the previous page; none for the first. */
  cursor?: string | null;
  /** Hits per page, 1–100 (default 25). */
  limit?: number;
  /** How many of the newest matches are ranked (default RANKED_WINDOW; tests pass a small one). */
  rankedWindow?: number;
}

export type SearchHit = Awaited<ReturnType<typeof loadTicketSummaries>>[number] & {
  snippet: SnippetPart[];
};

export interface SearchResult {
  hits: SearchHit[];
  /** Matching tickets, counted up to COUNT_CAP. */
  total: number;
  /** True when more than COUNT_CAP tickets match (`total` is then COUNT_CAP). */
  totalCapped: boolean;
  nextCursor: string | null;
  /** The page before this one; null on the first page. */
  prevCursor: string | null;
}

// A page position: `o`, an offset inside the ranked window (at most RANKED_WINDOW); or
// `a`, past the window, the id the next page continues below (keyset, never OFFSET); or
// `b`, past the window, the id the page before continues above (keyset backwards).
const cursorSchema = z.union([
  z.object({ o: z.number().int().min(0).max(RANKED_WINDOW) }).strict(),
  z.object({ a: z.number().int().positive() }).strict(),
  z.object({ b: z.number().int().positive() }).strict(),
]);
type Cursor = z.infer<typeof cursorSchema>;

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeCursor(cursor: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
  } catch {
    throw new UserFacingError("Invalid cursor", "validation", { cursor: ["Invalid cursor"] });
  }
}

/**
 * Tickets matching `query` that the scope may read, best first: the newest RANKED_WINDOW
 * matches by relevance (bm25 / ts_rank_cd), then older matches newest first. Each hit
 * carries the ticket summary (as the ticket lists) and a snippet of its article text with
 * the matched words marked. A query without any word finds nothing.
 * Throws UserFacingError (validation) for a cursor this function did not hand out.
 */
export async function searchTickets(input: SearchTicketsInput): Promise<SearchResult> {
  const limit = Math.min(Math.max(input.limit ?? 25, 1), 100);
  const cursor = input.cursor ? decodeCursor(input.cursor) : { o: 0 };
  const request: SearchRequest = {
    scope: input.scope,
    terms: queryTerms(input.query),
    mode: "all",
    filters: input.filters ?? {},
  };
  if (request.terms.length === 0)
    return { hits: [], total: 0, totalCapped: false, nextCursor: null, prevCursor: null };
  const engine = searchEngine();
  const window = Math.min(input.rankedWindow ?? RANKED_WINDOW, RANKED_WINDOW);
  const { ids, next, prev } = await pageIds(engine, request, cursor, { limit, window });
  const counted = await engine.count(request, COUNT_CAP);
  const [summaries, snippets] = await Promise.all([
    loadTicketSummaries(input.scope, ids),
    engine.snippets(request, ids),
  ]);
  return {
    hits: summaries.map((summary) => ({
      ...summary,
      snippet: snippetParts(snippets.get(summary.id) ?? ""),
    })),
    total: Math.min(counted, COUNT_CAP),
    totalCapped: counted > COUNT_CAP,
    nextCursor: next ? encodeCursor(next) : null,
    prevCursor: prev ? encodeCursor(prev) : null,
  };
}

type Page = { ids: number[]; next: Cursor | null; prev: Cursor | null };

// One page of ids: inside the ranked window by offset, then below it by id (forwards from
// `a`, backwards from `b`). Pages of `limit` start at offset 0; the last one in the window
// is filled up with the newest older matches, and the pages below it follow by id.
async function pageIds(
  engine: SearchEngine,
  request: SearchRequest,
  cursor: Cursor,
  { limit, window: size }: { limit: number; window: number },
): Promise<Page> {
  if ("a" in cursor) {
    const ids = await engine.newestBefore(request, cursor.a, limit + 1);
    const prev = ids.length ? { b: ids[0] } : null;
    return ids.length > limit
      ? { ids: ids.slice(0, limit), next: { a: ids[limit - 1] }, prev }
      : { ids, next: null, prev };
  }
  const window = await engine.rankedWindow(request, size);
  // The window's last page: where the older matches begin, and how many it shows of them.
  const lastOffset = window.length ? Math.floor((window.length - 1) / limit) * limit : 0;
  const olderOnLast = limit - (window.length - lastOffset);
  if ("b" in cursor) {
    const boundary = window.length ? Math.min(...window) : cursor.b + 1;
    const above = await engine.oldestAfter(request, cursor.b, boundary, limit + 1);
    if (above.length > limit) {
      const ids = above.slice(0, limit).reverse();
      return { ids, next: { a: ids[limit - 1] }, prev: { b: ids[0] } };
    }
    // Back at the older matches the window's last page shows: that page itself.
    if (above.length === olderOnLast || above.length === 0)
      return pageIds(engine, request, { o: lastOffset }, { limit, window: size });
    const ids = above.reverse();
    return { ids, next: { a: ids[ids.length - 1] }, prev: { o: lastOffset } };
  }
  const prev = cursor.o > 0 ? { o: Math.max(0, cursor.o - limit) } : null;
  const ids = window.slice(cursor.o, cursor.o + limit);
  if (cursor.o + limit < window.length) return { ids, next: { o: cursor.o + limit }, prev };
  // The window ends on this page: when it was full, older matches follow newest first.
  if (window.length < size) return { ids, next: null, prev };
  const boundary = Math.min(...window);
  const wanted = limit - ids.length;
  const older = await engine.newestBefore(request, boundary, wanted + 1);
  const page = [...ids, ...older.slice(0, wanted)];
  // Older matches continue below the last one shown, or below the window when none was.
  if (older.length > wanted)
    return { ids: page, next: { a: wanted > 0 ? older[wanted - 1] : boundary }, prev };
  return { ids: page, next: null, prev };
}

/** Ticket summaries (ticketSummarySelect) of `ids` the scope may read, in the order of `ids`. */
export async function loadTicketSummaries(scope: Scope, ids: number[]) {
  const rows = await db.ticket.findMany({
    where: { AND: [readableTickets(scope), { id: { in: ids } }] },
    select: ticketSummarySelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
