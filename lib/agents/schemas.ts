import { z } from "zod";

// Client components import this module, and the page CSP forbids eval (proxy.ts):
// zod 4 would probe for eval to compile parsers, and the probe is reported as a
// violation. Jitless parses the same (as lib/portal/schemas.ts).
z.config({ jitless: true });

/** An HTML checkbox: "on" when ticked, absent otherwise (or a boolean from code). */
export const checkboxSchema = z.preprocess((v) => v === "on" || v === true, z.boolean());

/** A form's numeric id (hidden field). */
export const idSchema = z.coerce.number({ message: "invalid" }).int("invalid").positive("invalid");

export const apiTokenSchema = z.object({
  name: z.string({ message: "required" }).trim().min(1, "required").max(100, "invalid"),
  readOnly: checkboxSchema,
});
export type ApiTokenInput = z.infer<typeof apiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: idSchema });

export const rerunJobSchema = z.object({ jobId: idSchema });

/** The agent's language in their settings (one of the desk's locales). */
export const agentLanguageSchema = z.object({
  locale: z.enum(["en", "de"], { message: "invalid" }),
});
