// Child process for browser tests: creates one agent (and, optionally, an API
// token of theirs) against DATABASE_URL, as an administrator would. AGENT is JSON:
// { email, name, password, groups: { [groupName]: "ro" | "rw" }, token? }.
import { createApiToken } from "../../lib/agents/api-tokens";
import { createAgent } from "../../lib/agents/create-agent";
import { db } from "../../lib/db";

async function main() {
  const input = JSON.parse(process.env.AGENT ?? "{}");
  const groups = [];
  for (const [name, permission] of Object.entries(input.groups ?? {})) {
    const group = await db.group.findUniqueOrThrow({ where: { name } });
    groups.push({ groupId: group.id, permission: permission as "ro" | "rw" });
  }
  const agent = await createAgent({ ...input, groups });
  if (input.token) await createApiToken({ agentId: agent.id, name: "test", token: input.token });
  process.stdout.write(JSON.stringify({ id: agent.id }));
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
