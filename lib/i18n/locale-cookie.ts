import { cookies } from "next/headers";
import { LOCALE_COOKIE, type Locale } from "./locales";

/** Remembers the visitor's language for a year (server actions and route handlers only). */
export async function rememberLocale(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
  });
}
