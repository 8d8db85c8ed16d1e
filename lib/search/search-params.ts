// The search page's view state lives in the URL (?q=&queue=&state=&owner=&priority=
// &createdFrom=&createdTo=&updatedFrom=&updatedTo=&cursor=): parsed here into search input.
// A value that does not parse is ignored, as if the field were empty.
import { z } from "zod";
import { TicketState } from "../generated/sqlite/enums";
import type { SearchFilters } from "./search-types";

const day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/)
  .refine((value) => !Number.isNaN(Date.parse(value)));
const id = z.coerce.number().int().positive();
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const searchParamsSchema = z.object({
  q: optional(z.string().trim().max(200)),
  queue: optional(id),
  state: optional(z.enum(TicketState)),
  owner: optional(id),
  priority: optional(z.coerce.number().int().min(1).max(5)),
  createdFrom: optional(day),
  createdTo: optional(day),
  updatedFrom: optional(day),
  updatedTo: optional(day),
  cursor: optional(z.string().max(200)),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** The URL's search parameters (first value of each), unknown and invalid ones dropped. */
export function parseSearchParams(
  raw: Record<string, string | string[] | undefined>,
): SearchParams {
  const first = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return searchParamsSchema.parse(first);
}

/**
 * The filters of parsed parameters. Dates are whole days in `timeZone` (the desk's
 * TIME_ZONE): "from" is the start of that day, "to" includes that day.
 */
export function searchFilters(params: SearchParams, timeZone: string): SearchFilters {
  const start = (value: string | undefined, days = 0) =>
    value === undefined ? undefined : startOfDay(value, timeZone, days);
  return {
    queueId: params.queue,
    state: params.state,
    ownerId: params.owner,
    priority: params.priority,
    createdFrom: start(params.createdFrom),
    createdTo: start(params.createdTo, 1),
    updatedFrom: start(params.updatedFrom),
    updatedTo: start(params.updatedTo, 1),
  };
}

/** Whether any filter is set (then a ticket number typed alone is searched, not opened). */
export const hasFilters = (params: SearchParams) =>
  Object.entries(params).some(
    ([key, value]) => key !== "q" && key !== "cursor" && value !== undefined,
  );

/** The instant `YYYY-MM-DD` (plus `addDays`) begins in `timeZone`. */
export function startOfDay(value: string, timeZone: string, addDays = 0): Date {
  const [year, month, date] = value.split("-").map(Number);
  const utc = Date.UTC(year, month - 1, date + addDays);
  // The zone's offset at that moment, then once more at the corrected moment (DST changes).
  let instant = utc - offset(utc, timeZone);
  instant = utc - offset(instant, timeZone);
  return new Date(instant);
}

// Milliseconds the zone is ahead of UTC at `time`.
function offset(time: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(time));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return local - Math.floor(time / 1000) * 1000;
}
