import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { ADMIN_SECTIONS } from "./admin-sections";

export const generateMetadata = localizedTitle((t) => t("adminPeople.nav.administration"));

export default async function AdminIndexPage() {
  const t = await getTranslations("adminPeople");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("nav.administration")}</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {ADMIN_SECTIONS.map((section) => (
          <li
            key={section.key}
            className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <Link href={section.href} className="font-medium hover:underline">
              {t(`nav.${section.key}`)}
            </Link>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t(`index.${section.key}`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
