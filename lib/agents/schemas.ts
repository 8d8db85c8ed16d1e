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

// --- Administration of agents (issue 14): forms of /agent/admin/agents -----

export const ROLES = ["admin", "agent"] as const;
export const PERMISSIONS = ["ro", "rw"] as const;
/** Shortest password an agent may set (form and set-password link). */
export const MIN_PASSWORD_LENGTH = 10;

/** A date input ("2026-12-01") or empty: null; stored as that day 00:00 UTC. */
const optionalDay = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.coerce.date({ message: "invalid" }).nullable(),
);

/**
 * Form fields named `${prefix}<id>` (one select or checkbox per group, agent or
 * queue, so a refused form can echo each one back) as ["<id>:<value>", …],
 * empty values left out; an explicit `target` array (code, tests) wins.
 */
export function collectPrefixed(prefix: string, target: string) {
  return (raw: unknown) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
    const record = raw as Record<string, unknown>;
    if (record[target] !== undefined) return raw;
    const entries = Object.entries(record)
      .filter(([k, v]) => k.startsWith(prefix) && typeof v === "string" && v !== "")
      .map(([k, v]) => `${k.slice(prefix.length)}:${v}`);
    return { ...record, [target]: entries };
  };
}

/** Memberships as ["groupId:ro|rw", …] (form selects `membership_<groupId>`). */
export const membershipsSchema = z.preprocess(
  (v) => (v === undefined || v === null ? [] : [v].flat().filter((x) => x !== "")),
  z.array(z.string().regex(/^\d+:(ro|rw)$/, "invalid")).transform((list) =>
    list.map((entry) => {
      const [groupId, permission] = entry.split(":");
      return { groupId: Number(groupId), permission: permission as "ro" | "rw" };
    }),
  ),
);
export type MembershipInput = { groupId: number; permission: "ro" | "rw" };

/** The fields of an agent, as the admin form and the API check them. */
export const agentFields = {
  email: z
    .string({ message: "required" })
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(254, "invalid")
    .pipe(z.email({ message: "invalid" })),
  name: z.string({ message: "required" }).trim().min(1, "required").max(200, "invalid"),
  role: z.enum(ROLES, { message: "invalid" }),
  locale: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.enum(["en", "de"], { message: "invalid" }).nullable(),
  ),
  outOfOfficeFrom: optionalDay,
  outOfOfficeTo: optionalDay,
  memberships: membershipsSchema,
};

const outOfOfficeInOrder = (v: { outOfOfficeFrom: Date | null; outOfOfficeTo: Date | null }) =>
  !v.outOfOfficeFrom || !v.outOfOfficeTo || v.outOfOfficeFrom <= v.outOfOfficeTo;
const ORDER = { path: ["outOfOfficeTo"], message: "outOfOfficeOrder" };

const password = z
  .string({ message: "required" })
  .min(MIN_PASSWORD_LENGTH, "passwordTooShort")
  .max(200, "invalid");

/** New agent: invited by mail (they choose their password) or given a password now. */
export const createAgentSchema = z.preprocess(
  collectPrefixed("membership_", "memberships"),
  z
    .object({
      ...agentFields,
      setup: z.enum(["invite", "password"], { message: "invalid" }),
      password: z.string().optional(),
    })
    .refine(outOfOfficeInOrder, ORDER)
    .superRefine((v, ctx) => {
      if (v.setup !== "password") return;
      const result = password.safeParse(v.password ?? "");
      if (!result.success)
        ctx.addIssue({
          code: "custom",
          path: ["password"],
          message: result.error.issues[0].message,
        });
    }),
);
export type CreateAgentFormInput = z.output<typeof createAgentSchema>;

export const updateAgentSchema = z.preprocess(
  collectPrefixed("membership_", "memberships"),
  z
    .object({ agentId: z.coerce.number().int().positive(), ...agentFields })
    .refine(outOfOfficeInOrder, ORDER),
);
export type UpdateAgentFormInput = z.output<typeof updateAgentSchema>;

/** Deactivate/activate (`active`: "true"/"false") and reset password: the agent's id. */
export const agentIdSchema = z.object({
  agentId: idSchema,
  active: z.preprocess((v) => v === "true" || v === true, z.boolean()).optional(),
});

/** The set-password page behind an invitation or reset link. */
export const setPasswordSchema = z
  .object({
    token: z.string().min(1, "invalid"),
    password,
    confirm: z.string({ message: "required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordMismatch" });
