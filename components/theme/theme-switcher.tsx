import { Suspense } from "react";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { CurrentPathInput } from "@/components/language-switcher/current-path-input";
import { THEME_COOKIE, THEMES, isTheme } from "@/lib/ui/theme";
import { setTheme } from "./actions";

/** System / light / dark as plain form buttons: works without JavaScript, remembered per browser. */
export async function ThemeSwitcher() {
  const stored = (await cookies()).get(THEME_COOKIE)?.value;
  const current = isTheme(stored) ? stored : "system";
  const t = await getTranslations("theme");
  return (
    <form action={setTheme} className="flex items-center gap-1 text-sm" aria-label={t("label")}>
      <Suspense>
        <CurrentPathInput />
      </Suspense>
      {THEMES.map((theme) => (
        <button
          key={theme}
          name="theme"
          value={theme}
          aria-pressed={theme === current}
          title={t(`${theme}Title`)}
          className="rounded px-2 py-1 hover:bg-zinc-100 aria-pressed:font-semibold aria-pressed:underline dark:hover:bg-zinc-800"
        >
          {t(theme)}
        </button>
      ))}
    </form>
  );
}
