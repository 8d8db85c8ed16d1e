// Business-hours arithmetic for SLA due times. A calendar (Queue.calendar):
// { "timeZone": "Europe/Berlin", "hours": { "1": ["08:00", "17:00"], … "5": [...] },
//   "holidays": ["2026-12-24", "2026-12-25"] } — weekdays 0 (Sunday) … 6.
// Without a calendar, time runs around the clock. Local wall time and daylight-saving
// changes come from @date-fns/tz (TZDate), not from our own offset arithmetic.
import { TZDate } from "@date-fns/tz";
import { z } from "zod";

const MINUTES_PER_DAY = 24 * 60;

/** "HH:MM" → minutes after local midnight; "24:00" is the end of the day. */
function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h * 60 + m;
}

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "time must be HH:MM (00:00–24:00)");

/** Whether `value` is an IANA time zone this runtime knows ("Europe/Berlin"). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * A queue calendar as it may be saved: an IANA time zone, at least one weekday with
 * opening hours (from < to, "24:00" allowed as the close), real dates as holidays.
 * A calendar without any business hours is refused here, because SLA due times
 * could never be computed from it.
 */
export const calendarSchema = z.object({
  timeZone: z.string().default("UTC").refine(isTimeZone, "unknown time zone"),
  hours: z
    .record(
      z.string().regex(/^[0-6]$/, "weekday must be 0 (Sunday) … 6"),
      z
        .tuple([time, time])
        .refine(([from, to]) => minutesOf(from) < minutesOf(to), "opening must precede closing"),
    )
    .refine((hours) => Object.keys(hours).length > 0, "at least one weekday needs business hours"),
  holidays: z
    .array(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .refine(isCalendarDate, "not a date"),
    )
    .default([]),
});
export type BusinessCalendar = z.infer<typeof calendarSchema>;

/**
 * A stored calendar value (Queue.calendar JSON) as a BusinessCalendar; null/undefined
 * mean "around the clock". Throws a ZodError for a calendar that is not valid (one stored
 * before validation existed): the caller decides what that means (refreshEscalation sets
 * no SLA and logs).
 */
export function parseCalendar(value: unknown): BusinessCalendar | null {
  if (value === null || value === undefined) return null;
  return calendarSchema.parse(value);
}

/**
 * `minutes` of business time after `start`, in the calendar's time zone (wall-clock
 * opening hours, so a day with a daylight-saving change is as long as its opening hours
 * say). Without a calendar, plain elapsed minutes. Throws when the calendar has no
 * business hours within ten years (only possible for a calendar that skipped validation).
 */
export function addBusinessMinutes(
  start: Date,
  minutes: number,
  calendar: BusinessCalendar | null,
): Date {
  if (!calendar) return new Date(start.getTime() + minutes * 60_000);
  const { timeZone } = calendar;
  const holidays = new Set(calendar.holidays);
  let remaining = minutes * 60_000;
  let cursor = start.getTime();
  for (let guard = 0; guard < 3660; guard++) {
    const local = new TZDate(cursor, timeZone);
    const [y, m, d] = [local.getFullYear(), local.getMonth(), local.getDate()];
    const hours = calendar.hours[String(local.getDay())];
    if (hours && !holidays.has(isoDate(y, m, d))) {
      const [from, to] = hours.map(minutesOf);
      const open = wallTime(y, m, d, from, timeZone);
      const close =
        to === MINUTES_PER_DAY
          ? wallTime(y, m, d + 1, 0, timeZone)
          : wallTime(y, m, d, to, timeZone);
      const begin = Math.max(cursor, open);
      if (begin < close) {
        const available = close - begin;
        if (remaining <= available) return new Date(begin + remaining);
        remaining -= available;
      }
    }
    cursor = wallTime(y, m, d + 1, 0, timeZone); // next local midnight
  }
  throw new Error("calendar has no business hours within ten years");
}

/** Epoch ms of local wall time y-m(0-based)-d + minutes in timeZone (TZDate normalises overflow). */
function wallTime(y: number, m: number, d: number, minutes: number, timeZone: string): number {
  return new TZDate(y, m, d, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
