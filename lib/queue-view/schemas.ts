// The queue view's URL state and the forms of the queue view (move, bulk, take over).
// Imports only zod: client components use these too.
import { z } from "zod";
import { TicketState } from "../generated/sqlite/enums";

z.config({ jitless: true }); // no eval under the page CSP (see lib/tickets/schemas.ts)

export const QUEUE_SORTS = ["priority", "age", "escalation", "manual"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => (one(v) === "" ? undefined : one(v));

const cursorField = z.preprocess(blankToUndefined, z.string().max(500).optional().catch(undefined));

/**
 * A queue view as its URL says (bookmarkable): sort, filters and the page's cursor
 * (`after` or `before`).
 * Unknown or malformed values fall back to the defaults instead of failing the page.
 */
export const queueViewSchema = z.object({
  sort: z.preprocess(blankToUndefined, z.enum(QUEUE_SORTS).catch("manual").default("manual")),
  /** A state, or "open" (every state that is not closed or merged: the default) or "all". */
  state: z.preprocess(
    blankToUndefined,
    z
      .union([z.enum(TicketState), z.enum(["open", "all"])])
      .catch("open")
      .default("open"),
  ),
  /** "me", "none", or an agent id. */
  owner: z.preprocess(
    blankToUndefined,
    z
      .union([z.enum(["me", "none"]), z.coerce.number().int().positive()])
      .optional()
      .catch(undefined),
  ),
  priority: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  ),
  unattended: z.preprocess(
    (v) => one(v) === "1" || one(v) === "true" || one(v) === "on",
    z.boolean(),
  ),
  /** Keyset cursors (lib/queue-view/keyset.ts): the page after one row, or the page before one. */
  after: cursorField,
  before: cursorField,
});
/** A view as URL search params give it (every field optional, text or already typed). */
export type QueueViewInput = { [K in keyof z.output<typeof queueViewSchema>]?: unknown };
export type QueueView = z.output<typeof queueViewSchema>;

const id = z.coerce.number().int().positive();

/** Manual order: put `ticketId` right before or right after `targetId` (same queue). */
export const moveTicketSchema = z.object({
  ticketId: id,
  targetId: id,
  place: z.enum(["before", "after"]),
});
export type MoveTicketInput = z.infer<typeof moveTicketSchema>;

/** Selected tickets: one checkbox sends a string, several an array. */
const ticketIds = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(id).min(1, "required").max(500, "invalid"),
);

export const BULK_STATES = ["new", "open", "closed_successful", "closed_unsuccessful"] as const;

/** Bulk action on selected tickets: one change, applied ticket by ticket (lib/queue-view/bulk-update-tickets.ts). */
export const bulkActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("state"), ticketIds, state: z.enum(BULK_STATES) }),
  z.object({
    action: z.literal("priority"),
    ticketIds,
    priority: z.coerce.number().int().min(1).max(5),
  }),
  z.object({ action: z.literal("queue"), ticketIds, queueId: id }),
  z.object({
    action: z.literal("owner"),
    ticketIds,
    /** 0 = no owner. */
    ownerId: z.coerce.number().int().min(0),
  }),
  z.object({ action: z.literal("lock"), ticketIds }),
  z.object({ action: z.literal("unlock"), ticketIds }),
  z.object({ action: z.literal("take_over"), ticketIds }),
  /** Merge every selected ticket into the oldest selected one (lib/tickets/merge-tickets.ts). */
  z.object({ action: z.literal("merge"), ticketIds }),
]);
export type BulkActionInput = z.infer<typeof bulkActionSchema>;
export const BULK_ACTIONS = [
  "state",
  "priority",
  "queue",
  "owner",
  "lock",
  "unlock",
  "take_over",
  "merge",
] as const;
