// The queue form's field names and choices. Client-safe without zod: the form imports this
// file, never schemas.ts (building zod schemas before z.config({ jitless }) probes for eval,
// which the page CSP reports).
import {
  AUTO_RESPONSE_EVENTS,
  type AutoResponseEvent,
} from "../mail/outbound/auto-response-events";
import type { Locale } from "../i18n/locales";

export const AUTO_RESPONSE_EVENT_KEYS = Object.keys(AUTO_RESPONSE_EVENTS) as AutoResponseEvent[];
export const FOLLOW_UP_POLICIES = ["reopen", "new_ticket", "reject"] as const;
/** Weekdays as the calendar numbers them, Monday first as a form lists them. */
export const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "0"] as const;

/** Field names of the form's per-event, per-language auto-response texts. */
export const autoResponseField = (
  event: AutoResponseEvent,
  locale: Locale,
  part: "subject" | "body",
) => `ar_${event}_${locale}_${part}`;
export const dayField = (day: string, part: "from" | "to") => `day${day}_${part}`;
