import { db } from "../db";
import type { Permission, Role } from "../generated/sqlite/enums";
import { hashPassword } from "./password";

export interface CreateAgentInput {
  email: string;
  name: string;
  password: string;
  role?: Role;
  groups?: { groupId: number; permission: Permission }[];
}

export async function createAgent(input: CreateAgentInput) {
  return db.agent.create({
    data: {
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role ?? "agent",
      passwordHash: await hashPassword(input.password),
      memberships: { create: input.groups ?? [] },
    },
  });
}
