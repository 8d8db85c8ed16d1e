// The provisioning API for agents and groups (admin tokens only): the same lib
// functions as the admin pages, audited with via "api".
import "server-only";
import { auditActor } from "../admin/audit-actor";
import { listAgents } from "../agents/list-agents";
import { provisionAgent } from "../agents/provision-agent";
import { updateAgent } from "../agents/update-agent";
import { db } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import { createGroup, listGroups, updateGroup } from "../groups/manage-groups";
import type {
  ApiAgentCreateInput,
  ApiAgentUpdateInput,
  ApiGroupUpdateInput,
} from "./admin-people-schemas";
import type { ApiCaller } from "./authenticate";

/** 403 unless the caller is an admin with a token that may write (reads: `write` false). */
export function assertAdminCaller(caller: ApiCaller, write: boolean) {
  if (caller.agent.role !== "admin")
    throw new UserFacingError("Only admins may manage agents and groups", "forbidden");
  if (write && caller.readOnly) throw new UserFacingError("This token is read-only", "forbidden");
}

const day = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`);

async function groupIds(groups: { group: string; permission: "ro" | "rw" }[]) {
  const found = await db.group.findMany({ where: { name: { in: groups.map((g) => g.group) } } });
  return groups.map((g, i) => {
    const group = found.find((f) => f.name === g.group);
    if (!group)
      throw new UserFacingError("Unknown group", "validation", {
        [`groups.${i}.group`]: ["unknown group"],
      });
    return { groupId: group.id, permission: g.permission };
  });
}

type ListedAgent = Awaited<ReturnType<typeof listAgents>>[number];
const serializeAgent = (agent: ListedAgent) => ({
  id: agent.id,
  email: agent.email,
  name: agent.name,
  role: agent.role,
  active: agent.active,
  locale: agent.locale,
  outOfOfficeFrom: agent.outOfOfficeFrom?.toISOString().slice(0, 10) ?? null,
  outOfOfficeTo: agent.outOfOfficeTo?.toISOString().slice(0, 10) ?? null,
  groups: agent.memberships.map((m) => ({ group: m.group.name, permission: m.permission })),
});

export async function apiListAgents() {
  return { data: (await listAgents()).map(serializeAgent) };
}

export async function apiGetAgent(id: number) {
  const agent = (await listAgents()).find((a) => a.id === id);
  if (!agent) throw new NotFoundError("Agent not found");
  return serializeAgent(agent);
}

export async function apiCreateAgent(caller: ApiCaller, input: ApiAgentCreateInput) {
  const created = await provisionAgent({
    actor: auditActor(caller.agent, "api"),
    input: {
      email: input.email,
      name: input.name,
      role: input.role,
      locale: input.locale,
      outOfOfficeFrom: day(input.outOfOfficeFrom),
      outOfOfficeTo: day(input.outOfOfficeTo),
      password: input.password,
      memberships: await groupIds(input.groups),
    },
  });
  return apiGetAgent(created.id);
}

export async function apiUpdateAgent(caller: ApiCaller, id: number, input: ApiAgentUpdateInput) {
  const { groups, outOfOfficeFrom, outOfOfficeTo, ...fields } = input;
  await updateAgent({
    actor: auditActor(caller.agent, "api"),
    agentId: id,
    changes: {
      ...fields,
      outOfOfficeFrom: day(outOfOfficeFrom),
      outOfOfficeTo: day(outOfOfficeTo),
      memberships: groups ? await groupIds(groups) : undefined,
    },
  });
  return apiGetAgent(id);
}

type ListedGroup = Awaited<ReturnType<typeof listGroups>>[number];
const serializeGroup = (group: ListedGroup) => ({
  id: group.id,
  name: group.name,
  queues: group.queues.map((q) => q.name),
  members: group.members.map((m) => ({ agentId: m.agent.id, permission: m.permission })),
});

export async function apiListGroups() {
  return { data: (await listGroups()).map(serializeGroup) };
}

export async function apiGetGroup(id: number) {
  const group = (await listGroups()).find((g) => g.id === id);
  if (!group) throw new NotFoundError("Group not found");
  return serializeGroup(group);
}

export async function apiCreateGroup(caller: ApiCaller, name: string) {
  const group = await createGroup({ actor: auditActor(caller.agent, "api"), name });
  return apiGetGroup(group.id);
}

export async function apiUpdateGroup(caller: ApiCaller, id: number, input: ApiGroupUpdateInput) {
  let queueIds: number[] | undefined;
  if (input.queues) {
    const queues = await db.queue.findMany({ where: { name: { in: input.queues } } });
    if (queues.length !== new Set(input.queues).size)
      throw new UserFacingError("Unknown queue", "validation", { queues: ["unknown queue"] });
    queueIds = queues.map((q) => q.id);
  }
  let members: { agentId: number; permission: "ro" | "rw" }[] | undefined;
  if (input.members) {
    const emails = input.members.map((m) => m.agent.trim().toLowerCase());
    const agents = await db.agent.findMany({ where: { email: { in: emails } } });
    members = input.members.map((m, i) => {
      const agent = agents.find((a) => a.email === emails[i]);
      if (!agent)
        throw new UserFacingError("Unknown agent", "validation", {
          [`members.${i}.agent`]: ["unknown agent"],
        });
      return { agentId: agent.id, permission: m.permission };
    });
  }
  await updateGroup({
    actor: auditActor(caller.agent, "api"),
    groupId: id,
    changes: { name: input.name, queueIds, members },
  });
  return apiGetGroup(id);
}
