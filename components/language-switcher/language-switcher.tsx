import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/lib/i18n/locales";
import { setLocale } from "./actions";
import { CurrentPathInput } from "./current-path-input";

/**
 * Plain form buttons: switching works without JavaScript, is remembered in a cookie (and on
 * a signed-in agent) and comes back to the page it was pressed on.
 */
export async function LanguageSwitcher() {
  const locale = await getLocale();
  const t = await getTranslations("language");
  return (
    <form action={setLocale} className="flex items-center gap-1 text-sm" aria-label={t("label")}>
      <Suspense>
        <CurrentPathInput />
      </Suspense>
      {LOCALES.map((l) => (
        <button
          key={l}
          name="locale"
          value={l}
          aria-pressed={l === locale}
          lang={l}
          className="rounded px-2 py-1 hover:bg-zinc-100 aria-pressed:font-semibold aria-pressed:underline dark:hover:bg-zinc-800"
        >
          {t(l)}
        </button>
      ))}
    </form>
  );
}
