import { z } from "zod";

// Client components import this module; the page CSP forbids eval (see lib/agents/schemas.ts).
z.config({ jitless: true });

const list = (v: unknown) =>
  v === undefined || v === null ? [] : [v].flat().filter((x) => x !== "");

/** Member selects named `members` with values "agentId:ro|rw" ("" = not a member). */
export const groupMembersSchema = z.preprocess(
  list,
  z
    .array(z.string().regex(/^\d+:(ro|rw)$/, "invalid"))
    .transform((entries) =>
      entries.map((entry) => {
        const [agentId, permission] = entry.split(":");
        return { agentId: Number(agentId), permission: permission as "ro" | "rw" };
      }),
    ),
);
export type GroupMemberInput = { agentId: number; permission: "ro" | "rw" };

const groupName = z.string({ message: "required" }).trim().min(1, "required").max(100, "invalid");

export const createGroupSchema = z.object({ name: groupName });

/** The group form: name, the queues it grants (checkboxes `queueIds`), members with ro/rw. */
export const updateGroupSchema = z.object({
  groupId: z.coerce.number().int().positive(),
  name: groupName,
  queueIds: z.preprocess(list, z.array(z.coerce.number().int().positive())),
  members: groupMembersSchema,
});
export type UpdateGroupFormInput = z.output<typeof updateGroupSchema>;
