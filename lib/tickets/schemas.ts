import { z } from "zod";
import { TicketState } from "../generated/sqlite/enums";

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
