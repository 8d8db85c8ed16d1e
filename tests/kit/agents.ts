// Agents for browser tests, written into a running app's database by a child
// process (lib code needs the react-server condition, which Playwright lacks).
import path from "node:path";
import { runToEnd, type RunningApp } from "./app-server";

export interface TestAgent {
  email: string;
  name: string;
  password: string;
  /** Group name → membership; none = an agent without access to any queue. */
  groups?: Record<string, "ro" | "rw">;
  /** An API token of the agent's, to be used as given. */
  token?: string;
}

const root = path.resolve(__dirname, "../..");

/** Creates `agent` in `app`'s database (the seed's group is "users", holding every queue). */
export async function createTestAgent(app: RunningApp, agent: TestAgent): Promise<void> {
  await runToEnd(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "tests/kit/create-agent-process.ts"],
    { ...app.env, AGENT: JSON.stringify(agent) },
  );
}
