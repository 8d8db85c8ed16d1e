import { z } from "zod";
import { idSchema } from "../agents/schemas";

// The ticket zoom's lock, link, merge and split forms (agent actions and lib alike).
// Every form posts the ticket version its page was loaded with (assertTicketVersion).

/** The version the page showed (hidden field). */
const versionSchema = z.coerce.number({ message: "invalid" }).int("invalid").positive("invalid");
const numberSchema = z
  .string({ message: "required" })
  .trim()
  .min(1, "required")
  .regex(/^\d{1,32}$/, "invalid");

export const ticketChangeSchema = z.object({ ticketId: idSchema, version: versionSchema });

export const linkFormSchema = ticketChangeSchema.extend({
  /** This ticket's side: related, the other's parent, or the other's child. */
  kind: z.enum(["normal", "parent", "child"], { message: "invalid" }),
  otherNumber: numberSchema,
});
export type LinkFormInput = z.infer<typeof linkFormSchema>;

export const unlinkFormSchema = ticketChangeSchema.extend({ linkId: idSchema });

export const mergeFormSchema = ticketChangeSchema.extend({
  targetNumber: numberSchema,
  /** "1" once the agent has read what the merge does; absent: only show it. */
  confirm: z.preprocess((v) => v === "1" || v === true, z.boolean()),
});

export const splitFormSchema = ticketChangeSchema.extend({ articleId: idSchema });
