import "server-only";
import type { Metadata } from "next";
import type { Messages } from "./messages/en";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, messagesFor, negotiateLocale, type Locale } from "./translate";

/** The visitor's locale: their remembered choice, else the browser's language. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export async function getMessages() {
  const locale = await getLocale();
  return { locale, t: messagesFor(locale) };
}

/** `generateMetadata` for a page whose title comes from the catalogue. */
export function localizedTitle(pick: (t: Messages) => string) {
  return async (): Promise<Metadata> => ({ title: pick((await getMessages()).t) });
}
