import { z } from "zod";
import { TicketState } from "../generated/sqlite/enums";
import {
  attachmentsSchema,
  type AttachmentContentCheck,
  type AttachmentLimits,
} from "../portal/schemas";

// Client components import this module, and the page CSP forbids eval (proxy.ts):
// zod 4 would probe for eval to compile parsers, and the probe is reported as a
// violation. Jitless parses the same (as lib/portal/schemas.ts).
z.config({ jitless: true });

// The states come from the one list (prisma/models.prisma → lib/tickets/states.ts).
const anyState = z.enum(TicketState);
const settableState = anyState.exclude(["merged"]);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "invalid e-mail address" }))
  .pipe(z.string().max(254));

const priority = z.number().int().min(1).max(5);

/** Integration API: create a ticket on behalf of a customer. */
export const apiCreateTicketSchema = z.object({
  customer: z.object({ email: emailSchema, name: z.string().trim().max(200).optional() }),
  subject: z.string().trim().min(1).max(250),
  body: z.string().min(1).max(1_000_000),
  queue: z.string().trim().min(1).optional(),
  priority: priority.optional(),
  channel: z.enum(["web", "phone", "email"]).optional(),
});
export type ApiCreateTicketInput = z.infer<typeof apiCreateTicketSchema>;

export const apiUpdateTicketSchema = z
  .object({
    state: settableState.optional(),
    priority: priority.optional(),
    queue: z.string().trim().min(1).optional(),
    owner: z.union([emailSchema, z.null()]).optional(),
    pendingUntil: z.union([z.iso.datetime({ offset: true }), z.null()]).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type ApiUpdateTicketInput = z.infer<typeof apiUpdateTicketSchema>;

export const apiAddArticleSchema = z
  .object({
    channel: z.enum(["note", "phone", "email"]).default("note"),
    body: z.string().min(1).max(1_000_000),
    subject: z.string().trim().max(250).optional(),
    visibleToCustomer: z.boolean().optional(),
  })
  .refine((v) => !(v.channel === "email" && v.visibleToCustomer === false), {
    message: "an e-mail to the customer is visible to the customer",
    path: ["visibleToCustomer"],
  });
export type ApiAddArticleInput = z.infer<typeof apiAddArticleSchema>;

export const apiListTicketsSchema = z.object({
  queue: z.string().trim().min(1).optional(),
  state: anyState.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  // A ticket id without `q`; with `q`, the search's own cursor (lib/search).
  cursor: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ApiListTicketsInput = z.infer<typeof apiListTicketsSchema>;

// ---- Agent forms on the ticket zoom and the new-ticket pages (issue 13). Messages are
// keys of `agentErrors`; form fields arrive as strings (FormData), so numbers are coerced.

const requiredText = (max: number) =>
  z.string({ message: "required" }).trim().min(1, "required").max(max, "tooLong");
/** A textarea's text: browsers post CRLF line ends; stored and mailed with LF. */
const bodyText = (max: number) =>
  requiredText(max).transform((text) => text.replace(/\r\n?/g, "\n"));
const optionalText = (max: number) => z.string().trim().max(max, "tooLong").optional().default("");
const ticketNumberField = z
  .string({ message: "required" })
  .trim()
  .regex(/^\d{1,32}$/, "notFound");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const ADDRESS = z.email();

/**
 * A recipient field: addresses separated by commas or semicolons, each "a@b" or
 * "Name <a@b>". Parses to the lower-cased addresses joined by ", " (names dropped: the
 * mail names nobody but its writer, so nothing typed here reaches a header unchecked).
 */
export const addressListSchema = z
  .string()
  .max(4000, "tooLong")
  .optional()
  .default("")
  .transform((value, ctx) => {
    const addresses = value
      .split(/[,;](?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => (/<([^<>]+)>\s*$/.exec(part)?.[1] ?? part).trim().toLowerCase());
    if (addresses.some((a) => !ADDRESS.safeParse(a).success || a.length > 254)) {
      ctx.addIssue({ code: "custom", message: "invalidAddress" });
      return z.NEVER;
    }
    return [...new Set(addresses)].join(", ");
  });

/** A pending time as typed in a `datetime-local` field ("2026-12-03T09:00"), in the desk's time zone. */
export const WALL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/;

/** A state (or "" for none) with its pending time: required for pending states. */
function checkPendingTime(
  value: { state?: string; pendingUntil?: string },
  ctx: z.RefinementCtx,
  field = "pendingUntil",
) {
  const pending = (value.state ?? "").startsWith("pending_");
  if (pending && !value.pendingUntil) {
    ctx.addIssue({ code: "custom", message: "pendingTimeRequired", path: [field] });
  } else if (pending && !WALL_TIME.test(value.pendingUntil ?? "")) {
    ctx.addIssue({ code: "custom", message: "invalidTime", path: [field] });
  }
}

/**
 * Ids of the replied article's attachments to send along (forward, or ticked for a reply):
 * one checkbox posts a string, several an array; react-hook-form gives `false` for none.
 */
const originalAttachmentIds = z.preprocess(
  (v) => (v === undefined || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.coerce.number({ message: "invalid" }).int("invalid").positive("invalid"))
    .max(200, "tooManyFiles"),
);

export const REPLY_MODES = ["reply", "replyAll", "forward"] as const;
export type ReplyMode = (typeof REPLY_MODES)[number];

const replyFields = {
  number: ticketNumberField,
  mode: z.enum(REPLY_MODES).catch("reply"),
  to: addressListSchema.refine((v) => v.length > 0, "required"),
  cc: addressListSchema,
  bcc: addressListSchema,
  subject: requiredText(250),
  body: bodyText(100_000),
  /** The state after sending ("" keeps it). */
  nextState: z.union([z.literal(""), settableState]).catch(""),
  pendingUntil: z.string().trim().max(40).optional().default(""),
  originalAttachments: originalAttachmentIds,
  /** The ticket version the page showed: a newer one (a customer wrote meanwhile) is refused. */
  version: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number().int().positive().optional(),
  ),
};

/**
 * Reply / reply-all / forward by e-mail, with attachments (the reply route parses it): new
 * files and the original article's attachments sent along count together against the
 * limit's number of files (their sizes are checked by sendAgentReply, which reads them).
 */
export function replySchema(limits: AttachmentLimits, checkContent?: AttachmentContentCheck) {
  return z
    .object({ ...replyFields, attachments: attachmentsSchema(limits, checkContent) })
    .superRefine((v, ctx) => {
      checkPendingTime({ ...v, state: v.nextState }, ctx);
      if (v.attachments.length + v.originalAttachments.length > limits.maxCount)
        ctx.addIssue({ code: "custom", message: "tooManyFiles", path: ["attachments"] });
    });
}
export type ReplyInput = z.output<ReturnType<typeof replySchema>>;

/** What is kept of an unsent reply (no checks beyond sizes: a draft may be half-written). */
export const replyDraftSchema = z.object({
  number: ticketNumberField,
  mode: z.enum(REPLY_MODES).catch("reply"),
  to: optionalText(4000),
  cc: optionalText(4000),
  bcc: optionalText(4000),
  subject: optionalText(250),
  body: z.string().max(100_000, "tooLong").optional().default(""),
  nextState: optionalText(40),
  pendingUntil: optionalText(40),
  /** The original attachments ticked, as "12,13" ("" none; absent: as the mode says). */
  originalAttachments: z
    .preprocess((v) => (Array.isArray(v) ? v.join(",") : v === false ? "" : v), z.string())
    .pipe(
      z
        .string()
        .max(2000, "tooLong")
        .regex(/^[\d,]*$/, "invalid"),
    )
    .optional(),
});
export type ReplyDraftInput = z.output<typeof replyDraftSchema>;

/** An internal note, or a phone note (the customer called / the agent called), maybe visible. */
export const noteSchema = z.object({
  number: ticketNumberField,
  kind: z.enum(["note", "phone"]),
  call: z.enum(["in", "out"]).catch("in"),
  visibleToCustomer: checkbox,
  subject: optionalText(250),
  body: bodyText(100_000),
});
export type NoteInput = z.output<typeof noteSchema>;

/** State with its pending time. */
export const changeStateSchema = z
  .object({
    number: ticketNumberField,
    state: anyState.exclude(["merged"], { message: "required" }),
    pendingUntil: z.string().trim().max(40).optional().default(""),
  })
  .superRefine((v, ctx) => checkPendingTime(v, ctx));

export const changePrioritySchema = z.object({
  number: ticketNumberField,
  priority: z.coerce.number({ message: "invalid" }).pipe(priority),
});

export const moveQueueSchema = z.object({
  number: ticketNumberField,
  queueId: z.coerce.number({ message: "required" }).int("required").positive("required"),
});

/** Owner or responsible: an agent's address, or "" for nobody. */
export const assignAgentSchema = z.object({
  number: ticketNumberField,
  role: z.enum(["owner", "responsible"]),
  agent: z.union([z.literal(""), z.string().trim().toLowerCase().pipe(z.email("unknownAgent"))]),
});

/** A ticket an agent opens: a phone call taken, or an e-mail the desk writes first. */
export const agentTicketSchema = z
  .object({
    kind: z.enum(["phone", "email"]),
    customerEmail: z
      .string({ message: "required" })
      .trim()
      .min(1, "required")
      .toLowerCase()
      .pipe(z.email("invalidAddress"))
      .pipe(z.string().max(254, "tooLong")),
    customerName: optionalText(200),
    queueId: z.coerce.number({ message: "required" }).int("required").positive("required"),
    subject: requiredText(250),
    body: bodyText(100_000),
    state: settableState.catch("open"),
    pendingUntil: z.string().trim().max(40).optional().default(""),
  })
  .superRefine((v, ctx) => checkPendingTime(v, ctx));
export type AgentTicketInput = z.output<typeof agentTicketSchema>;

/** Autocomplete of known customers on the new-ticket forms. */
export const customerSearchSchema = z.object({ q: z.string().trim().min(2).max(100) });
