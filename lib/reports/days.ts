// Calendar days in the desk's time zone (TIME_ZONE): statistics and reports count per
// local day, as the agents read their dates. Offsets come from @date-fns/tz.
import { TZDate } from "@date-fns/tz";

const pad = (n: number) => String(n).padStart(2, "0");

/** The local day of an instant: "YYYY-MM-DD". */
export function dayOf(instant: Date, timeZone: string) {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** The instant a local day starts (its midnight); `offset` days later for offset ≠ 0. */
export function startOfDay(day: string, timeZone: string, offset = 0) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d + offset, 0, 0, timeZone).getTime());
}

/** The `count` local days ending with the day of `now`, oldest first. */
export function lastDays(now: Date, timeZone: string, count: number) {
  const today = dayOf(now, timeZone);
  return Array.from({ length: count }, (_, i) =>
    dayOf(startOfDay(today, timeZone, i - count + 1), timeZone),
  );
}

/** Whether the text is a real calendar day "YYYY-MM-DD". */
export function isDay(text: string) {
  if (!/^\d{4}-\d\d-\d\d$/.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
