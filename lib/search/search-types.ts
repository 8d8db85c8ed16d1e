import type { Scope } from "../access/scope";
import type { TicketState } from "../generated/sqlite/enums";

/** Filters of a ticket search; each one narrows (AND), none of them widens the scope. */
export interface SearchFilters {
  queueId?: number;
  state?: TicketState;
  ownerId?: number;
  priority?: number;
  createdFrom?: Date;
  /** Exclusive upper bound. */
  createdTo?: Date;
  updatedFrom?: Date;
  /** Exclusive upper bound. */
  updatedTo?: Date;
  /** Only tickets with a smaller id (created before): similar tickets. */
  beforeTicketId?: number;
  /** Leave this ticket out. */
  excludeTicketId?: number;
}

/**
 * How the words combine: "all" (a search: every word must occur, the last ones also as
 * prefixes) or "any" (similar tickets: any of the words, ranked by how well they match).
 */
export type MatchMode = "all" | "any";

export interface SearchRequest {
  scope: Scope;
  terms: string[];
  mode: MatchMode;
  filters: SearchFilters;
}

/** Marks around a matched word inside a snippet (private-use characters, never in mail text). */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

/**
 * A database's implementation of search. Every method keeps the scope's queue filter and
 * the filters inside its SQL.
 */
export interface SearchEngine {
  /** The newest `limit` matches (ids), ordered by relevance (best first, then newest). */
  rankedWindow(request: SearchRequest, limit: number): Promise<number[]>;
  /** Matches with an id below `beforeId`, newest first. */
  newestBefore(request: SearchRequest, beforeId: number, limit: number): Promise<number[]>;
  /** Matches with an id above `afterId` and below `belowId`, oldest first (paging back). */
  oldestAfter(
    request: SearchRequest,
    afterId: number,
    belowId: number,
    limit: number,
  ): Promise<number[]>;
  /** How many tickets match, counted up to `cap` (cap + 1 means "more than cap"). */
  count(request: SearchRequest, cap: number): Promise<number>;
  /** A snippet of each ticket's article text around the words (MARK_START/MARK_END). */
  snippets(request: SearchRequest, ids: number[]): Promise<Map<number, string>>;
}
