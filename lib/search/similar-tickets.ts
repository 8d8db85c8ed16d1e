import "server-only";
import { readableTickets, type Scope } from "../access/scope";
import { db } from "../db";
import { queryTerms } from "./fold-text";
import { loadTicketSummaries, searchEngine } from "./search-tickets";
import { ticketsHoldingTerms } from "./term-counts";

/** How many of the newest earlier tickets sharing a word are ranked (bounds the work). */
const CANDIDATES = 1000;

/** Words taken from the title and the first article (the title's first). */
const MAX_WORDS = 24;

/** Characters of the first article read for words. */
const ARTICLE_CHARS = 4000;

/**
 * When a word is too common to rank by: held by more than `share` of all tickets
 * and by more than `floor` tickets (below that, ranking by it costs little, and a small
 * desk's words all look common). Of the words left, the `keep` rarest are ranked by.
 */
export const COMMON_WORD = { share: 0.05, floor: 1000, keep: 12 };

/**
 * The words worth ranking by: those held by at most COMMON_WORD's share of the tickets
 * (or its floor), the rarest `keep` of them, in the order given. `counts`: tickets holding
 * each word; `total`: tickets in all. bm25 reads the list of tickets of every word it is
 * given, so a word in half the desk costs most and tells least (at 100,000 tickets a
 * zoom's 24 words took 84 ms, nearly all of it such words).
 */
export function informativeTerms(
  terms: string[],
  counts: Map<string, number>,
  total: number,
  rule = COMMON_WORD,
): string[] {
  const limit = Math.max(rule.floor, rule.share * total);
  const rarest = terms
    .filter((term) => (counts.get(term) ?? 0) <= limit)
    .sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))
    .slice(0, rule.keep);
  return terms.filter((term) => rarest.includes(term));
}

/**
 * Up to `limit` (default 5) earlier tickets (smaller id) of the scope's readable queues
 * whose text ranks highest against this ticket's title and first article: any of their
 * words of three letters or more, by stem on PostgreSQL, ranked by bm25 / ts_rank_cd among
 * the newest CANDIDATES earlier tickets sharing one. Words too common to tell tickets
 * apart are left out (informativeTerms; on PostgreSQL once ANALYZE has statistics). Summaries as the ticket lists have
 * them; [] when the ticket is not readable or has no usable words.
 */
export async function findSimilarTickets(options: {
  scope: Scope;
  ticketId: number;
  limit?: number;
  /** When a word is too common to rank by (default COMMON_WORD; tests pass their own). */
  commonWord?: typeof COMMON_WORD;
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
  let terms = queryTerms(text, 10 * MAX_WORDS)
    .filter((term) => term.length >= 3 && !/^\d+$/.test(term))
    .slice(0, MAX_WORDS);
  const statistics = await ticketsHoldingTerms(terms);
  if (statistics)
    terms = informativeTerms(terms, statistics.counts, statistics.total, options.commonWord);
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
