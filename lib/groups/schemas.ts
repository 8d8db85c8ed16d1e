import { z } from "zod";
import { collectPrefixed } from "../agents/schemas";

// Client components import this module; the page CSP forbids eval (see lib/agents/schemas.ts).
z.config({ jitless: true });

const list = (v: unknown) =>
  v === undefined || v === null ? [] : [v].flat().filter((x) => x !== "");

/** Members as ["agentId:ro|rw", …] (form selects `member_<agentId>`, "" = not a member). */
export const groupMembersSchema = z.preprocess(
  list,
  z.array(z.string().regex(/^\d+:(ro|rw)$/, "invalid")).transform((entries) =>
    entries.map((entry) => {
      const [agentId, permission] = entry.split(":");
      return { agentId: Number(agentId), permission: permission as "ro" | "rw" };
    }),
  ),
);
export type GroupMemberInput = { agentId: number; permission: "ro" | "rw" };

const groupName = z.string({ message: "required" }).trim().min(1, "required").max(100, "invalid");

export const createGroupSchema = z.object({ name: groupName });

/** The group form: name, the queues it grants (checkboxes `queue_<id>`), members with ro/rw. */
export const updateGroupSchema = z.preprocess(
  (raw) => collectPrefixed("queue_", "queueIds")(collectPrefixed("member_", "members")(raw)),
  z.object({
    groupId: z.coerce.number().int().positive(),
    name: groupName,
    // "<id>:on" from the checkboxes, or plain ids from code.
    queueIds: z.preprocess(
      (v) => list(v).map((x) => String(x).split(":")[0]),
      z.array(z.coerce.number().int().positive()),
    ),
    members: groupMembersSchema,
  }),
);
export type UpdateGroupFormInput = z.output<typeof updateGroupSchema>;
