import { z } from "zod";

// Client components import this module; the page CSP forbids eval (see lib/agents/schemas.ts).
z.config({ jitless: true });

export const reprocessInboundSchema = z.object({ id: z.coerce.number().int().positive() });

/** Discarding a failed delivery needs a reason (kept with the message and in the audit). */
export const discardInboundSchema = z.object({
  id: z.coerce.number().int().positive(),
  reason: z.string({ message: "required" }).trim().min(1, "required").max(500, "invalid"),
});
