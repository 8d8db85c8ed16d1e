// The out-of-office form (agent settings): whole days in the desk's time zone.
// Imports only zod: the form uses it too.
import { z } from "zod";

z.config({ jitless: true }); // no eval under the page CSP (see lib/tickets/schemas.ts)

const day = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.union([z.null(), z.string().regex(/^\d{4}-\d\d-\d\d$/, "invalid")]),
);

/** First and last day away ("YYYY-MM-DD"), both or neither (neither clears the period). */
export const outOfOfficeSchema = z.object({ from: day, to: day });
export type OutOfOfficeInput = z.infer<typeof outOfOfficeSchema>;
