// Child process for browser tests: creates an agent (AGENT_EMAIL, AGENT_NAME, AGENT_PASSWORD,
// an administrator so it sees every queue) in DATABASE_URL — the desk has no agent API yet.
import { createAgent } from "../../lib/agents/create-agent";
import { db } from "../../lib/db";

async function main() {
  const agent = await createAgent({
    email: process.env.AGENT_EMAIL!,
    name: process.env.AGENT_NAME!,
    password: process.env.AGENT_PASSWORD!,
    role: "admin",
  });
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
