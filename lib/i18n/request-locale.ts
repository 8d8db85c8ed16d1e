import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";

/**
 * The visitor's locale: their remembered choice (cookie), else the browser's language,
 * else `fallback` (the desk's default language setting).
 */
export async function resolveRequestLocale(fallback?: Locale): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"), fallback);
}
