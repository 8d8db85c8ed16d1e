// The seeded admin as the author of administrative changes made by tests.
import type { AuditActor } from "../../lib/admin/record-audit";
import { db } from "../../lib/db";

export async function adminActor(): Promise<AuditActor> {
  const admin = await db.agent.findFirstOrThrow({
    where: { role: "admin" },
    orderBy: { id: "asc" },
  });
  return { agentId: admin.id, name: admin.name, via: "api" };
}
