import { z } from "zod";

// Client components import this module; the page CSP forbids eval (see lib/agents/schemas.ts).
z.config({ jitless: true });

export const updateCustomerSchema = z.object({
  customerId: z.coerce.number().int().positive(),
  name: z.string().trim().max(200, "invalid").default(""),
  organisation: z.string().trim().max(200, "invalid").default(""),
});

/** Merge: the record kept (`customerId`) takes over the one named by address. */
export const mergeCustomerSchema = z.object({
  customerId: z.coerce.number().int().positive(),
  otherEmail: z
    .string({ message: "required" })
    .trim()
    .toLowerCase()
    .min(1, "required")
    .pipe(z.email({ message: "invalid" })),
});

/** Erase: the address typed again as confirmation. */
export const eraseCustomerSchema = z.object({
  customerId: z.coerce.number().int().positive(),
  confirmEmail: z.string({ message: "required" }).trim().toLowerCase().min(1, "required"),
});
