// Locale-independent helpers, usable on the server and in client components.
import de from "./messages/de";
import en, { type Messages } from "./messages/en";

export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "locale";

const catalogues: Record<Locale, Messages> = { en, de };

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** Best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

/** Fills {name} placeholders; unknown (or undefined) ones stay visible rather than vanish. */
export function format(
  template: string,
  vars: Record<string, string | number | undefined> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    vars[key] !== undefined ? String(vars[key]) : whole,
  );
}
