import { getTranslations } from "next-intl/server";

/**
 * The search box of the agent header: a GET form to /agent/search, so it works without
 * JavaScript; a ticket number typed alone opens that ticket (the page redirects). The
 * "/" shortcut (components/shortcuts) focuses it.
 */
export async function HeaderSearch() {
  const t = await getTranslations("search");
  return (
    <form action="/agent/search" method="get" role="search" className="flex items-center gap-1">
      <label htmlFor="header-search" className="sr-only">
        {t("headerLabel")}
      </label>
      <input
        id="header-search"
        data-shortcut="search"
        name="q"
        type="search"
        required
        maxLength={200}
        placeholder={t("headerPlaceholder")}
        className="w-48 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button className="rounded px-2 py-1 text-sm hover:bg-zinc-200 dark:hover:bg-zinc-800">
        {t("headerSubmit")}
      </button>
    </form>
  );
}
