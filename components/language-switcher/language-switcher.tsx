import { getMessages } from "@/lib/i18n/server";
import { LOCALES } from "@/lib/i18n/translate";
import { setLocale } from "./actions";

/** Plain form buttons: switching works without JavaScript and is remembered in a cookie. */
export async function LanguageSwitcher({ back }: { back: string }) {
  const { locale, t } = await getMessages();
  return (
    <form
      action={setLocale}
      className="flex items-center gap-1 text-sm"
      aria-label={t.language.label}
    >
      <input type="hidden" name="back" value={back} />
      {LOCALES.map((l) => (
        <button
          key={l}
          name="locale"
          value={l}
          aria-pressed={l === locale}
          lang={l}
          className="rounded px-2 py-1 hover:bg-zinc-100 aria-pressed:font-semibold aria-pressed:underline dark:hover:bg-zinc-800"
        >
          {t.language[l]}
        </button>
      ))}
    </form>
  );
}
