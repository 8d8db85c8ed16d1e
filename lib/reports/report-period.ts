import { dayOf, isDay, startOfDay } from "./days";

/**
 * The report period from URL params: `from`/`to` as "YYYY-MM-DD" (local days, `to`
 * included); defaults to the last 30 days up to today; swapped when reversed.
 */
/** `zone`: the desk's time zone (settings). */
export function reportPeriod(params: { from?: unknown; to?: unknown }, now: Date, zone: string) {
  const today = dayOf(now, zone);
  const pick = (v: unknown, fallback: string) => (typeof v === "string" && isDay(v) ? v : fallback);
  const to = pick(params.to, today);
  const from = pick(params.from, dayOf(startOfDay(today, zone, -29), zone));
  return from <= to ? { from, to } : { from: to, to: from };
}
