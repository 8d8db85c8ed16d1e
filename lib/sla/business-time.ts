// Business-hours arithmetic for SLA due times. A calendar (Queue.calendar):
// { "timeZone": "Europe/Berlin", "hours": { "1": ["08:00", "17:00"], … "5": [...] },
//   "holidays": ["2026-12-24", "2026-12-25"] } — weekdays 0 (Sunday) … 6.
// Without a calendar, time runs around the clock.
import { z } from "zod";

const time = z.string().regex(/^\d{2}:\d{2}$/);
export const calendarSchema = z.object({
  timeZone: z.string().default("UTC"),
  hours: z.record(z.string().regex(/^[0-6]$/), z.tuple([time, time])),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
});
export type BusinessCalendar = z.infer<typeof calendarSchema>;

export function parseCalendar(value: unknown): BusinessCalendar | null {
  if (value === null || value === undefined) return null;
  const parsed = calendarSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

interface LocalDay {
  date: string; // YYYY-MM-DD
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(instant: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    second: Number(get("second")),
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday")),
  };
}

/** The instant at local wall time y-m-d h:m in timeZone. */
function zonedInstant(
  y: number,
  m: number,
  d: number,
  h: number,
  min: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(y, m - 1, d, h, min);
  const p = localParts(new Date(guess), timeZone);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - guess;
  const first = guess - offset;
  // Second pass settles DST transitions.
  const q = localParts(new Date(first), timeZone);
  const offset2 = Date.UTC(q.year, q.month - 1, q.day, q.hour, q.minute, q.second) - first;
  return new Date(guess - offset2);
}

function dayOf(instant: Date, timeZone: string): LocalDay & { y: number; m: number; d: number } {
  const p = localParts(instant, timeZone);
  const date = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  return { date, weekday: p.weekday, y: p.year, m: p.month, d: p.day };
}

/** `minutes` of business time after `start`. */
export function addBusinessMinutes(
  start: Date,
  minutes: number,
  calendar: BusinessCalendar | null,
): Date {
  if (!calendar) return new Date(start.getTime() + minutes * 60_000);
  let remaining = minutes * 60_000;
  let cursor = start;
  for (let guard = 0; guard < 3660; guard++) {
    const day = dayOf(cursor, calendar.timeZone);
    const hours = calendar.hours[String(day.weekday)];
    if (hours && !calendar.holidays.includes(day.date)) {
      const [from, to] = hours.map((t) => t.split(":").map(Number));
      const open = zonedInstant(day.y, day.m, day.d, from[0], from[1], calendar.timeZone);
      const close = zonedInstant(day.y, day.m, day.d, to[0], to[1], calendar.timeZone);
      const begin = cursor > open ? cursor : open;
      if (begin < close) {
        const available = close.getTime() - begin.getTime();
        if (remaining <= available) return new Date(begin.getTime() + remaining);
        remaining -= available;
      }
    }
    // Next local midnight.
    const next = new Date(Date.UTC(day.y, day.m - 1, day.d + 1));
    cursor = zonedInstant(
      next.getUTCFullYear(),
      next.getUTCMonth() + 1,
      next.getUTCDate(),
      0,
      0,
      calendar.timeZone,
    );
  }
  throw new Error("calendar has no business hours within ten years");
}
