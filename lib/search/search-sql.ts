// SQL pieces both search engines share: numbered parameters and the ticket conditions
// (scope, filters), always on the "Ticket" row aliased `t`, inside the search query itself.
import "server-only";
import { ALL_QUEUES } from "../access/scope";
import { db } from "../db";
import type { SearchEngine, SearchRequest } from "./search-types";

/**
 * Collects parameter values and hands out their placeholders: `$1`, `$2` … on PostgreSQL;
 * on SQLite a plain `?`, so values must be added in the order they appear in the text.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly style: "sqlite" | "postgresql") {}

  /** The placeholder of a new parameter holding `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return this.style === "sqlite" ? "?" : `$${this.values.length}`;
  }

  /** Placeholders of a list, for `IN (…)`. */
  list(values: readonly unknown[]): string {
    return values.map((value) => this.add(value)).join(", ");
  }
}

/**
 * `AND`-joined conditions on `t` ("Ticket"): the scope's readable queues first (no
 * readable queue: a condition nothing meets), then each filter given.
 */
export function ticketConditions(params: SqlParams, { scope, filters }: SearchRequest): string {
  const conditions: string[] = [];
  const queues = scope.readQueueIds;
  if (queues !== ALL_QUEUES)
    conditions.push(queues.length === 0 ? "1 = 0" : `t."queueId" IN (${params.list(queues)})`);
  if (filters.queueId !== undefined)
    conditions.push(`t."queueId" = ${params.add(filters.queueId)}`);
  if (filters.state !== undefined)
    conditions.push(`CAST(t."state" AS TEXT) = ${params.add(filters.state)}`);
  if (filters.ownerId !== undefined)
    conditions.push(`t."ownerId" = ${params.add(filters.ownerId)}`);
  if (filters.priority !== undefined)
    conditions.push(`t."priority" = ${params.add(filters.priority)}`);
  if (filters.createdFrom) conditions.push(`t."createdAt" >= ${params.add(filters.createdFrom)}`);
  if (filters.createdTo) conditions.push(`t."createdAt" < ${params.add(filters.createdTo)}`);
  if (filters.updatedFrom) conditions.push(`t."updatedAt" >= ${params.add(filters.updatedFrom)}`);
  if (filters.updatedTo) conditions.push(`t."updatedAt" < ${params.add(filters.updatedTo)}`);
  if (filters.beforeTicketId !== undefined)
    conditions.push(`t."id" < ${params.add(filters.beforeTicketId)}`);
  if (filters.excludeTicketId !== undefined)
    conditions.push(`t."id" <> ${params.add(filters.excludeTicketId)}`);
  return conditions.length === 0 ? "1 = 1" : conditions.join(" AND ");
}

/** What differs between the databases in the statements that list and count matches. */
export interface MatchDialect {
  /** FROM … WHERE … of the matching tickets: the match, the scope and the filters. */
  matching(request: SearchRequest): { params: SqlParams; sql: string };
  /** The search table's ticket id column (alias `s`). */
  id: string;
  /**
   * What the newest matches are found by (ORDER BY … LIMIT): `id`, unless the dialect knows
   * a better plan for this request (postgres-search.ts: `id + 0` for a rare word).
   */
  orderKey?(request: SearchRequest): Promise<string>;
  /** SELECT "id" of the newest `size` matches of `matching` by `order`, ordered best first. */
  rankedWindow(matching: string, size: string, order: string): string;
}

/** rankedWindow, newestBefore, oldestAfter and count of an engine, from its dialect. */
export function matchQueries(
  dialect: MatchDialect,
): Pick<SearchEngine, "rankedWindow" | "newestBefore" | "oldestAfter" | "count"> {
  const orderKey = (request: SearchRequest) =>
    dialect.orderKey?.(request) ?? Promise.resolve(dialect.id);
  return {
    async rankedWindow(request, limit) {
      const order = await orderKey(request);
      const { params, sql } = dialect.matching(request);
      return ids(dialect.rankedWindow(sql, params.add(limit), order), params);
    },

    async newestBefore(request, beforeId, limit) {
      const order = await orderKey(request);
      const { params, sql } = dialect.matching(request);
      const before = params.add(beforeId);
      const size = params.add(limit);
      return ids(
        `SELECT ${dialect.id} AS "id" ${sql} AND ${dialect.id} < ${before}
         ORDER BY ${order} DESC LIMIT ${size}`,
        params,
      );
    },

    async oldestAfter(request, afterId, belowId, limit) {
      const order = await orderKey(request);
      const { params, sql } = dialect.matching(request);
      const after = params.add(afterId);
      const below = params.add(belowId);
      const size = params.add(limit);
      return ids(
        `SELECT ${dialect.id} AS "id" ${sql} AND ${dialect.id} > ${after}
         AND ${dialect.id} < ${below} ORDER BY ${order} ASC LIMIT ${size}`,
        params,
      );
    },

    async count(request, cap) {
      const { params, sql } = dialect.matching(request);
      const size = params.add(cap + 1);
      const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
        `SELECT count(*) AS "n" FROM (SELECT 1 ${sql} LIMIT ${size}) c`,
        ...params.values,
      );
      return Number(row.n);
    },
  };
}

async function ids(sql: string, params: SqlParams): Promise<number[]> {
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(sql, ...params.values);
  return rows.map((row) => Number(row.id));
}
