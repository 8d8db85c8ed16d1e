import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Every "not found" outside the portal's own (no access looks exactly like this, too). */
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("text")}</p>
      <Link href="/" className="text-blue-700 underline dark:text-blue-400">
        {t("home")}
      </Link>
    </main>
  );
}
