import { TZDate } from "@date-fns/tz";
import { UserFacingError } from "../errors";
import { WALL_TIME } from "./schemas";

/**
 * The instant a `datetime-local` value ("2026-12-03T09:00") names in `timeZone` (the desk's
 * TIME_ZONE, in which agents read every time) — daylight-saving changes from @date-fns/tz.
 * Throws a validation UserFacingError on `field` (key invalidTime) for anything else.
 */
export function dateFromWallTime(value: string, timeZone: string, field = "pendingUntil"): Date {
  const match = WALL_TIME.test(value) ? value.match(/\d+/g)!.map(Number) : null;
  const date = match
    ? new Date(
        new TZDate(match[0], match[1] - 1, match[2], match[3], match[4], 0, timeZone).getTime(),
      )
    : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new UserFacingError(
      "Invalid time",
      "validation",
      { [field]: ["invalid time"] },
      "invalidTime",
    );
  }
  return date;
}

/** `date` as a `datetime-local` value in `timeZone` (to fill the field). */
export function wallTimeOf(date: Date, timeZone: string): string {
  const local = new TZDate(date.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
}
