// The queue administration's schemas (issue 14, item 1): the admin form (flat FormData
// fields) and the provisioning API (JSON) both parse into one QueueInput for
// createQueue/updateQueue. Messages are agentErrors keys. The business-hours calendar is
// validated by the SLA's own calendarSchema (lib/sla/business-time.ts); on the form its
// errors land at the field they concern (day<N>_from, calendarTimeZone, holidays, calendar).
import { z } from "zod";
import type { AutoResponseEvent } from "../mail/outbound/auto-response-events";
import { LOCALES } from "../i18n/locales";
import { calendarSchema, type BusinessCalendar } from "../sla/business-time";
import {
  AUTO_RESPONSE_EVENT_KEYS,
  autoResponseField,
  dayField,
  FOLLOW_UP_POLICIES,
  WEEKDAYS,
} from "./queue-form-fields";

export { AUTO_RESPONSE_EVENT_KEYS, autoResponseField, dayField, FOLLOW_UP_POLICIES, WEEKDAYS };

z.config({ jitless: true });

const text = (max: number) => z.string({ message: "invalid" }).trim().max(max, "invalid");
const optionalText = (max: number) =>
  z.preprocess((v) => (v === null ? "" : v), text(max).optional());
const nullableName = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  text(200).nullable(),
);
const minutes = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.coerce
    .number({ message: "invalid" })
    .int("invalid")
    .min(1, "invalid")
    .max(525_600, "invalid")
    .nullable(),
);
const address = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "invalid" }).max(320, "invalid"));

export const autoResponseSchema = z.object({
  event: z.enum(AUTO_RESPONSE_EVENT_KEYS as [AutoResponseEvent, ...AutoResponseEvent[]], {
    message: "invalid",
  }),
  locale: z.enum(LOCALES, { message: "invalid" }),
  subject: text(200),
  body: text(20_000),
});
export type AutoResponseText = z.infer<typeof autoResponseSchema>;

/** What a queue is made of, as createQueue/updateQueue take it (update: any subset). */
export const queueInputSchema = z.object({
  name: text(100).min(1, "required"),
  description: optionalText(1000),
  publicNameEn: nullableName.optional(),
  publicNameDe: nullableName.optional(),
  isPublic: z.boolean({ message: "invalid" }).optional(),
  groupId: z.coerce.number({ message: "required" }).int("invalid").positive("required"),
  defaultPriority: z.coerce
    .number({ message: "invalid" })
    .int("invalid")
    .min(1, "invalid")
    .max(5, "invalid")
    .optional(),
  /** Inbound addresses; the first is the primary one (Reply-To / sender). */
  addresses: z
    .array(address)
    .max(50, "invalid")
    .refine((list) => new Set(list).size === list.length, "invalid")
    .optional(),
  /** Display name of the queue's mail (QueueAddress.name). */
  senderName: optionalText(100),
  signature: optionalText(2000),
  autoResponse: z.boolean({ message: "invalid" }).optional(),
  followUpPolicy: z.enum(FOLLOW_UP_POLICIES, { message: "invalid" }).optional(),
  followUpDays: z.coerce
    .number({ message: "invalid" })
    .int("invalid")
    .min(0, "invalid")
    .max(3650, "invalid")
    .optional(),
  slaFirstResponseMinutes: minutes.optional(),
  slaUpdateMinutes: minutes.optional(),
  slaSolutionMinutes: minutes.optional(),
  /** null = around the clock. */
  calendar: calendarSchema.nullable().optional(),
  /** The queue's own texts; an event/language not listed uses the built-in text. */
  autoResponses: z.array(autoResponseSchema).max(20, "invalid").optional(),
});
export type QueueInput = z.output<typeof queueInputSchema>;

/** API: create takes the whole queue; update any subset (PATCH). */
export const apiCreateQueueSchema = queueInputSchema.strict();
export const apiUpdateQueueSchema = queueInputSchema
  .partial()
  .extend({ active: z.boolean({ message: "invalid" }).optional() })
  .strict();
export type QueueUpdate = Omit<z.output<typeof apiUpdateQueueSchema>, "active">;

const checkbox = z.preprocess((v) => v === "on" || v === true, z.boolean());
const formText = z.preprocess((v) => (typeof v === "string" ? v : ""), z.string());

const calendarFormShape: Record<string, typeof formText> = {};
for (const day of WEEKDAYS) {
  calendarFormShape[dayField(day, "from")] = formText;
  calendarFormShape[dayField(day, "to")] = formText;
}
const autoResponseFormShape: Record<string, typeof formText> = {};
for (const event of AUTO_RESPONSE_EVENT_KEYS)
  for (const locale of LOCALES)
    for (const part of ["subject", "body"] as const)
      autoResponseFormShape[autoResponseField(event, locale, part)] = formText;

/** The calendar the form describes, or null (around the clock) when business hours are off. */
function calendarOf(form: Record<string, string>): unknown {
  if (form.calendarEnabled !== "on" && (form.calendarEnabled as unknown) !== true) return null;
  const hours: Record<string, [string, string]> = {};
  for (const day of WEEKDAYS) {
    const from = form[dayField(day, "from")].trim();
    const to = form[dayField(day, "to")].trim();
    if (from || to) hours[day] = [from, to];
  }
  const holidays = form.holidays.split(/[\s,]+/).filter(Boolean);
  return { timeZone: form.calendarTimeZone.trim() || "UTC", hours, holidays };
}

/** Where a calendar issue is shown on the form. */
function calendarField(path: PropertyKey[]): string {
  if (path[0] === "hours" && path.length > 1) return dayField(String(path[1]), "from");
  if (path[0] === "holidays") return "holidays";
  if (path[0] === "timeZone") return "calendarTimeZone";
  return "calendar";
}

/**
 * The admin form: flat FormData fields (text inputs, checkboxes, one address per line,
 * per-day opening hours, holidays one per line, texts per event and language) checked
 * and turned into a QueueInput (and the hidden `queueId` of the queue edited, null for a
 * new one). Every error carries the name of the field that shows it.
 */
export const queueFormSchema = z
  .object({
    queueId: formText,
    name: formText,
    description: formText,
    publicNameEn: formText,
    publicNameDe: formText,
    isPublic: checkbox,
    groupId: formText,
    defaultPriority: formText,
    addresses: formText,
    senderName: formText,
    signature: formText,
    autoResponse: checkbox,
    followUpPolicy: formText,
    followUpDays: formText,
    slaFirstResponseMinutes: formText,
    slaUpdateMinutes: formText,
    slaSolutionMinutes: formText,
    calendarEnabled: formText,
    calendarTimeZone: formText,
    holidays: formText,
    ...calendarFormShape,
    ...autoResponseFormShape,
  })
  .transform((form, ctx) => {
    const values = form as unknown as Record<string, string>;
    const autoResponses: AutoResponseText[] = [];
    for (const event of AUTO_RESPONSE_EVENT_KEYS)
      for (const locale of LOCALES) {
        const subject = values[autoResponseField(event, locale, "subject")].trim();
        const body = values[autoResponseField(event, locale, "body")].trim();
        if (!subject && !body) continue;
        if (!subject || !body) {
          ctx.addIssue({
            code: "custom",
            message: "required",
            path: [autoResponseField(event, locale, subject ? "body" : "subject")],
          });
          continue;
        }
        autoResponses.push({ event, locale, subject, body });
      }
    const calendar = calendarOf(values);
    if (calendar) {
      const checked = calendarSchema.safeParse(calendar);
      if (!checked.success)
        for (const issue of checked.error.issues)
          ctx.addIssue({ code: "custom", message: "invalid", path: [calendarField(issue.path)] });
    }
    const blankToDefault = (value: string) => (value.trim() === "" ? undefined : value);
    const { queueId: _queueId, ...fields } = form;
    const parsed = queueInputSchema.safeParse({
      ...fields,
      defaultPriority: blankToDefault(form.defaultPriority),
      followUpPolicy: blankToDefault(form.followUpPolicy),
      followUpDays: blankToDefault(form.followUpDays),
      addresses: form.addresses.split(/[\s,;]+/).filter(Boolean),
      calendar: calendar as BusinessCalendar | null,
      autoResponses,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "calendar" || issue.path[0] === "autoResponses") continue;
        ctx.addIssue({ code: "custom", message: issue.message, path: [issue.path[0] ?? "form"] });
      }
    if (!parsed.success) return z.NEVER;
    const queueId = Number(form.queueId);
    return {
      queueId: Number.isInteger(queueId) && queueId > 0 ? queueId : null,
      input: parsed.data,
    };
  });
export type QueueFormInput = z.input<typeof queueFormSchema>;

/** A numeric id in a path (`/api/v1/queues/7`). */
export const pathIdSchema = z.coerce
  .number({ message: "invalid" })
  .int("invalid")
  .positive("invalid");

/** The deactivate / activate button: the queue and what it becomes. */
export const queueActivitySchema = z.object({
  queueId: pathIdSchema,
  active: z.enum(["true", "false"], { message: "invalid" }).transform((v) => v === "true"),
});
