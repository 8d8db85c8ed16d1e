// Every admin action refuses a non-admin before it runs (issue 14: "a direct
// POST of every admin action changes nothing"): each action file under
// /agent/admin declares role "admin" on every action, and an agent's direct
// call with valid input changes nothing in the database.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAgentWithAccess } from "@/tests/kit/scopes";
import { auditActor } from "@/lib/admin/audit-actor";
import { runAgentAction } from "@/lib/actions/run-agent-action";
import { updateAgentSchema } from "@/lib/agents/schemas";
import { updateAgent } from "@/lib/agents/update-agent";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";

const ADMIN_DIR = path.resolve(__dirname);

function actionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return entry.name === "actions.ts" ? [full] : [];
  });
}

describe("admin actions", () => {
  it("each declares role admin", () => {
    const files = actionFiles(ADMIN_DIR);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const calls = source.split(/agent(?:Form|Button)?Action\(\{/).slice(1);
      expect(calls.length, file).toBeGreaterThan(0);
      for (const call of calls)
        expect(call.split("run:")[0], path.relative(ADMIN_DIR, file)).toMatch(/role: "admin"/);
    }
  });

  it("run for an agent, change nothing", async () => {
    await seedDatabase();
    const agent = await createAgentWithAccess({});
    const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
    const before = await db.agent.findUniqueOrThrow({ where: { id: admin.id } });
    const audits = await db.auditEntry.count();
    const data = new FormData();
    for (const [k, v] of Object.entries({
      agentId: String(admin.id),
      email: "taken-over@example.org",
      name: "Taken over",
      role: "agent",
      locale: "",
    }))
      data.append(k, v);
    const result = await runAgentAction(
      agent,
      {
        name: "updateAgent",
        role: "admin",
        schema: updateAgentSchema,
        run: async ({ agent: caller, input }) => {
          const { agentId, ...changes } = input;
          return updateAgent({ actor: auditActor(caller), agentId, changes });
        },
      },
      data,
    );
    expect(result).toEqual({ ok: false, formError: "forbidden" });
    expect(await db.agent.findUniqueOrThrow({ where: { id: admin.id } })).toEqual(before);
    expect(await db.auditEntry.count()).toBe(audits);
  });
});
