"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { setAgentLocale } from "@/lib/agents/agent-locale";
import { getCurrentAgent } from "@/lib/auth/session";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { isLocale } from "@/lib/i18n/locales";
import { sameSitePath } from "@/lib/http/same-site-path";

/**
 * The switcher's action: remember the language (cookie; for a signed-in agent also their
 * stored language) and return to the page the user was on — the form's `back` field, else
 * the Referer of the same site, else "/".
 */
export async function setLocale(formData: FormData) {
  const locale = formData.get("locale");
  if (isLocale(locale)) {
    await rememberLocale(locale);
    const agent = await getCurrentAgent();
    if (agent) await setAgentLocale(agent.id, locale);
  }
  const h = await headers();
  redirect(
    sameSitePath(formData.get("back")) ?? sameSitePath(h.get("referer"), h.get("host")) ?? "/",
  );
}
