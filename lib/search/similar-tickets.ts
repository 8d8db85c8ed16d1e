import "server-only";
import { readableTickets, type Scope } from "../access/scope";
import { db } from "../db";
import { queryTerms } from "./fold-text";
import { loadTicketSummaries, searchEngine } from "./search-tickets";

/** How many of the newest earlier tickets sharing a word are ranked (bounds the work). */
const CANDIDATES = 1000;

/** Words taken from the title and the first article (the title's first). */
const MAX_WORDS = 24;

/** Characters of the first article read for words. */
const ARTICLE_CHARS = 4000;

/**
 * Up to `limit` (default 5) earlier tickets (smaller id) of the scope's readable queues
 * whose text ranks highest against this ticket's title and first article: any of their
 * words of three letters or more, by stem on PostgreSQL, ranked by bm25 / ts_rank_cd among
 * the newest CANDIDATES earlier tickets sharing one. Summaries as the ticket lists have
 * them; [] when the ticket is not readable or has no usable words.
 */
export async function findSimilarTickets(options: {
  scope: Scope;
  ticketId: number;
  limit?: number;
}) {
  const ticket = await db.ticket.findFirst({
    where: { id: options.ticketId, ...readableTickets(options.scope) },
    select: {
      id: true,
      title: true,
      articles: { orderBy: { id: "asc" }, take: 1, select: { text: true } },
    },
  });
  if (!ticket) return [];
  const text = `${ticket.title}\n${ticket.articles[0]?.text.slice(0, ARTICLE_CHARS) ?? ""}`;
  const terms = queryTerms(text, 10 * MAX_WORDS)
    .filter((term) => term.length >= 3 && !/^\d+$/.test(term))
    .slice(0, MAX_WORDS);
  if (terms.length === 0) return [];
  const ranked = await searchEngine().rankedWindow(
    {
      scope: options.scope,
      terms,
      mode: "any",
      filters: { beforeTicketId: ticket.id },
    },
    CANDIDATES,
  );
  return loadTicketSummaries(options.scope, ranked.slice(0, options.limit ?? 5));
}
