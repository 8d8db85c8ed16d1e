// Named formats shared by pages (next-intl's request config) and jobs (createTranslator),
// so a date reads the same in the app and in a mail: `format.dateTime(d, "short")`,
// `{expires, date, long}` in a message.
import type { Formats } from "next-intl";

export const formats = {
  dateTime: {
    short: { dateStyle: "medium", timeStyle: "short" },
    long: { dateStyle: "long", timeStyle: "short" },
    /** With seconds, for admin lists (jobs, outbox). */
    precise: { dateStyle: "short", timeStyle: "medium" },
    day: { dateStyle: "medium" },
    /** Until when a mailed link works: "30 November 2026 at 14:05 UTC". */
    deadline: {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    },
  },
  number: {
    percent: { style: "percent", maximumFractionDigits: 0 },
  },
} satisfies Formats;
