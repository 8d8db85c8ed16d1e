import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { findAgentById } from "../agents/authenticate-agent";

/** The signed-in, still active agent, or null. */
export async function getCurrentAgent() {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const agent = await findAgentById(id);
  return agent?.active ? agent : null;
}

/** For agent pages and actions: the agent, or a redirect to sign-in. */
export async function requireAgent() {
  const agent = await getCurrentAgent();
  if (!agent) redirect("/login");
  return agent;
}
