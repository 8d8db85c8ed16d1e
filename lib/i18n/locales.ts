// Locale-independent helpers, usable on the server, in jobs and in client components.

export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Cookie holding the visitor's chosen language (set by the switcher and at agent sign-in). */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** A stored locale (agent, customer) if it is one we support, else `fallback`. */
export function localeOr<T extends Locale | undefined>(value: unknown, fallback: T): Locale | T {
  return isLocale(value) ? value : fallback;
}

/**
 * Best supported locale from an Accept-Language header (q-values honoured, region ignored),
 * else `fallback`.
 */
export function negotiateLocale(
  acceptLanguage: string | null | undefined,
  fallback: Locale = DEFAULT_LOCALE,
): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale) ?? fallback;
}
