import { z } from "zod";

// Client components import this module, and the page CSP forbids eval (proxy.ts):
// zod 4 would probe for eval to compile parsers. Jitless parses the same.
z.config({ jitless: true });

export const MAIL_ACCOUNT_SECURITY = ["tls", "starttls", "none"] as const;
export const AFTER_STORE_ACTIONS = ["move", "delete"] as const;

/** An HTML checkbox ("on" / absent) or a JSON boolean. */
const flag = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
/** An optional text field: blank is "not given". */
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(max, "invalid").optional(),
  );
const text = (max: number) =>
  z.string({ message: "required" }).trim().min(1, "required").max(max, "invalid");

/**
 * A mail account as the admin form and the API send it. `password` blank or
 * absent keeps the stored one (it is never shown again); a new account needs
 * one. `moveTo` is needed for "move"; `queueId` blank = recipient routing.
 */
export const mailAccountSchema = z
  .object({
    name: text(100),
    host: text(255),
    port: z.coerce
      .number({ message: "invalid" })
      .int("invalid")
      .min(1, "invalid")
      .max(65535, "invalid"),
    security: z.enum(MAIL_ACCOUNT_SECURITY, { message: "invalid" }),
    username: text(255),
    password: optionalText(1000),
    folder: z.preprocess((v) => (v === undefined || v === "" ? "INBOX" : v), text(255)),
    afterStore: z.enum(AFTER_STORE_ACTIONS, { message: "invalid" }),
    moveTo: optionalText(255),
    queueId: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.coerce.number({ message: "invalid" }).int("invalid").positive("invalid").nullable(),
    ),
    pollSeconds: z.preprocess(
      (v) => (v === "" || v === undefined ? 60 : v),
      z.coerce
        .number({ message: "invalid" })
        .int("invalid")
        .min(10, "invalid")
        .max(86_400, "invalid"),
    ),
    active: flag,
  })
  .refine((a) => a.afterStore !== "move" || !!a.moveTo, { path: ["moveTo"], message: "required" })
  .refine((a) => a.afterStore !== "move" || a.moveTo !== a.folder, {
    path: ["moveTo"],
    message: "invalid",
  });
export type MailAccountInput = z.infer<typeof mailAccountSchema>;

/** The edit form: the account's id with the fields above. */
export const editMailAccountSchema = z.intersection(
  z.object({
    accountId: z.coerce.number({ message: "invalid" }).int("invalid").positive("invalid"),
  }),
  mailAccountSchema,
);

/** Buttons (test connection, deactivate) send only the account's id. */
export const mailAccountIdSchema = z.object({
  accountId: z.coerce.number({ message: "invalid" }).int("invalid").positive("invalid"),
});
