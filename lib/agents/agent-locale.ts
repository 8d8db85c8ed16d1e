// The agent's own language (Agent.locale): used for the app once they sign in and for
// every mail sent to them (notifications). Issue 9: never the customer's language.
import { db } from "../db";
import { isLocale, type Locale } from "../i18n/locales";

/** Stores the agent's language (settings page, or the switcher: the language they last chose). */
export async function setAgentLocale(agentId: number, locale: Locale) {
  await db.agent.update({ where: { id: agentId }, data: { locale } });
}

/**
 * At sign-in: the agent's stored language wins; an agent without one keeps the language
 * they are using right now (`current`: cookie or browser), which is stored for them.
 * Returns the language the session continues in.
 */
export async function adoptAgentLocale(agentId: number, current: Locale): Promise<Locale> {
  const agent = await db.agent.findUnique({ where: { id: agentId }, select: { locale: true } });
  if (!agent) return current;
  if (isLocale(agent.locale)) return agent.locale;
  await db.agent.update({ where: { id: agentId }, data: { locale: current } });
  return current;
}
