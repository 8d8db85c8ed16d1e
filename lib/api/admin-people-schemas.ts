// The provisioning API's bodies for agents and groups (docs/api.md): JSON with
// group and agent names instead of form fields, checked by the same field
// rules as the admin pages (lib/agents/schemas.ts, lib/groups/schemas.ts).
import { z } from "zod";
import { agentFields, MIN_PASSWORD_LENGTH, PERMISSIONS, ROLES } from "../agents/schemas";

const isoDay = z.iso.date().nullable();
const permission = z.enum(PERMISSIONS);

export const apiAgentCreateSchema = z.object({
  email: agentFields.email,
  name: agentFields.name,
  role: z.enum(ROLES).default("agent"),
  locale: z.enum(["en", "de"]).nullable().default(null),
  outOfOfficeFrom: isoDay.optional(),
  outOfOfficeTo: isoDay.optional(),
  /** Without a password the agent is invited by mail to choose one. */
  password: z.string().min(MIN_PASSWORD_LENGTH).max(200).optional(),
  groups: z.array(z.object({ group: z.string().min(1), permission })).default([]),
});
export type ApiAgentCreateInput = z.infer<typeof apiAgentCreateSchema>;

export const apiAgentUpdateSchema = z
  .object({
    email: agentFields.email,
    name: agentFields.name,
    role: z.enum(ROLES),
    locale: z.enum(["en", "de"]).nullable(),
    outOfOfficeFrom: isoDay,
    outOfOfficeTo: isoDay,
    active: z.boolean(),
    groups: z.array(z.object({ group: z.string().min(1), permission })),
  })
  .partial()
  .strict();
export type ApiAgentUpdateInput = z.infer<typeof apiAgentUpdateSchema>;

export const apiGroupCreateSchema = z.object({ name: z.string().trim().min(1).max(100) });

export const apiGroupUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Queue names; a queue belongs to one group, so listed queues move here. */
    queues: z.array(z.string().min(1)),
    members: z.array(z.object({ agent: z.string().min(1), permission })),
  })
  .partial()
  .strict();
export type ApiGroupUpdateInput = z.infer<typeof apiGroupUpdateSchema>;
