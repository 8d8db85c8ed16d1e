import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { scopeForAgent } from "../access/scope";
import { findSessionAgent } from "../agents/authenticate-agent";

/**
 * The signed-in, still active agent, or null (once per request: layout and page
 * share it). A session signed in before the agent's password reset, role change
 * or deactivation carries an older `sessionVersion` and counts as signed out.
 */
export const getCurrentAgent = cache(async () => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return findSessionAgent({ agentId: id, sessionVersion: session?.user.sessionVersion });
});

/** For agent pages and actions: the agent, or a redirect to sign-in. */
export async function requireAgent() {
  const agent = await getCurrentAgent();
  if (!agent) redirect("/login");
  return agent;
}

/** For agent pages and actions: the agent and their scope (read/write queues), or a redirect to sign-in. */
export const requireAgentScope = cache(async () => {
  const agent = await requireAgent();
  return { agent, scope: await scopeForAgent(agent) };
});

/** For admin pages and actions: an admin, else "not found" (the page's existence is not confirmed). */
export async function requireAdmin() {
  const agent = await requireAgent();
  if (agent.role !== "admin") notFound();
  return agent;
}
