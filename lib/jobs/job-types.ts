// The registry of job types: each with the zod schema of its payload. `enqueue` checks a
// payload against it before storing; the worker parses the stored payload with it before
// the handler runs, so a handler gets typed data and a bad payload fails the job (dead,
// with the schema's message) instead of reaching a query. Handlers: lib/jobs/handlers.ts.
import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import {
  AUTO_RESPONSE_EVENTS,
  type AutoResponseEvent,
} from "../mail/outbound/auto-response-events";

const id = z.number().int().positive();
const locale = z.enum(LOCALES);

/** Kinds of outgoing mail (lib/mail/outbound). */
export const MAIL_KINDS = [
  "auto-response",
  "agent-reply",
  "access-link",
  "magic-link",
  "notification",
  "agent-password-link",
  /** To admins: a mail account keeps failing, or works again (lib/mail/accounts/record-fetch-result.ts). */
  "mail-account-notice",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
/** Mail to agents, not customers: no ticket thread, never suppressed as the desk's own address. */
export const isAgentMail = (kind: MailKind) =>
  kind === "notification" || kind === "agent-password-link" || kind === "mail-account-notice";

const mailPayload = z.object({
  kind: z.enum(MAIL_KINDS),
  /** Recipient address. */
  to: z.string().min(1),
  /** agent-reply: further recipients, comma-separated addresses. */
  cc: z.string().optional(),
  bcc: z.string().optional(),
  locale: locale.optional(),
  ticketId: id.optional(),
  /** agent-reply: the outgoing article to send; auto-response: the article it answers. */
  articleId: id.optional(),
  /** Template variables, e.g. { link } for access and magic links, { event, message } for notifications. */
  data: z.record(z.string(), z.string()).optional(),
  /** The data carries a secret (a link with a token): scrubbed once sent, never stored as an article. */
  secret: z.boolean().optional(),
  /** Set by a dead job whose secret was scrubbed (secret-payload.ts). */
  secretWithheld: z.boolean().optional(),
  /** Fixed before the first attempt, so every retry sends the same Message-ID. */
  messageId: z.string().optional(),
  /** auto-response: the queue text's event (lib/mail/outbound/auto-response-events.ts); absent = new_ticket. */
  autoResponseEvent: z
    .enum(Object.keys(AUTO_RESPONSE_EVENTS) as [AutoResponseEvent, ...AutoResponseEvent[]])
    .optional(),
});

/** Domain events that notify agents (lib/tickets/handle-ticket-event.ts). */
export const TICKET_EVENTS = ["created", "article", "follow_up", "assigned"] as const;
const ticketEventPayload = z.object({
  event: z.enum(TICKET_EVENTS),
  ticketId: id,
  articleId: id.optional(),
  ownerId: id.optional(),
  isForeignSender: z.boolean().optional(),
  /** An auto-reply or report: kept on the ticket, never a customer follow-up to notify about. */
  isAutomatic: z.boolean().optional(),
  allowAutoResponse: z.boolean().optional(),
});

const email = z.string().min(1); // normalised by requestLink
const linkRequestPayload = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("access"), number: z.string().min(1), email, locale }),
  z.object({ kind: z.literal("magic"), email, locale }),
]);

const schemas = {
  "mail.send": mailPayload,
  "ticket.event": ticketEventPayload,
  "ticket.pending-due": z.object({ ticketId: id }),
  "ticket.escalation": z.object({ ticketId: id }),
  /** Worker tests and benchmarks: waits `ms`, counts its runs. */
  "system.probe": z.object({ ms: z.number().int().min(0).optional() }),
  "portal.link-request": linkRequestPayload,
  /** Queue statistics (lib/reports/refresh-queue-stats.ts); full: every day of the window. */
  "stats.refresh": z.object({ full: z.boolean().optional() }),
} as const;

export type JobType = keyof typeof schemas;
/** The payload a handler of job type T receives (parsed). */
export type JobPayload<T extends JobType> = z.output<(typeof schemas)[T]>;
/** The payload `enqueue` takes for job type T. */
export type JobPayloadInput<T extends JobType> = z.input<(typeof schemas)[T]>;

/** Every job type with its payload schema (typed per type, so lookups by a generic type stay typed). */
export const jobPayloadSchemas: {
  [T in JobType]: z.ZodType<JobPayload<T>, JobPayloadInput<T>>;
} = schemas;
export const JOB_TYPES = Object.keys(schemas) as JobType[];

export type MailJobPayload = JobPayload<"mail.send">;
export type TicketEventPayload = JobPayload<"ticket.event">;
export type LinkRequestPayload = JobPayload<"portal.link-request">;

export function isJobType(type: string): type is JobType {
  return Object.hasOwn(jobPayloadSchemas, type);
}

/** A job that can never succeed (unknown type, payload its schema refuses): dead at once. */
export class InvalidJobError extends Error {
  name = "InvalidJobError";
}

/**
 * The payload of a job of type T, parsed with its schema. Throws InvalidJobError with the
 * schema's message for a payload that does not fit.
 */
export function parseJobPayload<T extends JobType>(type: T, payload: unknown): JobPayload<T> {
  const parsed = jobPayloadSchemas[type].safeParse(payload);
  if (!parsed.success)
    throw new InvalidJobError(`invalid "${type}" payload: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
