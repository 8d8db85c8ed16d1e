// Standard responses (issue 14, item 5): the admin form and the provisioning API parse
// into one input for save-standard-response.ts. Messages are agentErrors keys.
import { z } from "zod";

z.config({ jitless: true });

const queueIds = z
  .array(z.coerce.number({ message: "invalid" }).int("invalid").positive("invalid"))
  .max(500, "invalid")
  .transform((ids) => [...new Set(ids)]);

const standardResponseFields = z.object({
  name: z.string({ message: "required" }).trim().min(1, "required").max(100, "invalid"),
  /** Text with variables ({{customer.name}} …), filled when an agent uses it. */
  body: z.string({ message: "required" }).trim().min(1, "required").max(20_000, "invalid"),
  active: z.boolean({ message: "invalid" }),
  /** The queues whose tickets offer it. */
  queueIds,
});

export const standardResponseInputSchema = standardResponseFields.extend({
  active: standardResponseFields.shape.active.default(true),
  queueIds: queueIds.default([]),
});
export type StandardResponseInput = z.output<typeof standardResponseInputSchema>;

export const apiCreateStandardResponseSchema = standardResponseInputSchema.strict();
export const apiUpdateStandardResponseSchema = standardResponseFields.partial().strict();
export type StandardResponseUpdate = z.output<typeof apiUpdateStandardResponseSchema>;

/**
 * The admin form: name, body, "active" checkbox, one `queueIds` checkbox per queue, and the
 * hidden `responseId` of the response edited (absent for a new one).
 */
export const standardResponseFormSchema = z.preprocess(
  (raw) => {
    const form = (raw ?? {}) as Record<string, unknown>;
    const ids = form.queueIds;
    return {
      responseId: form.responseId || undefined,
      name: form.name,
      body: form.body,
      active: form.active === "on",
      queueIds: ids === undefined ? [] : [ids].flat(),
    };
  },
  standardResponseInputSchema.extend({
    responseId: z.coerce
      .number({ message: "invalid" })
      .int("invalid")
      .positive("invalid")
      .optional(),
  }),
);

export const standardResponseIdSchema = z.object({
  responseId: z.coerce.number({ message: "invalid" }).int("invalid").positive("invalid"),
});
