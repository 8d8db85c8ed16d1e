import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { ADMIN_SECTIONS } from "./admin-sections";

/** Every page under /agent/admin: admins only (others get 404), with the side navigation. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  const t = await getTranslations("adminPeople.nav");
  return (
    <div className="flex flex-col gap-6 md:flex-row">
      <nav aria-label={t("label")} className="shrink-0 md:w-52">
        <Link href="/agent/admin" className="mb-2 block font-semibold hover:underline">
          {t("administration")}
        </Link>
        <ul className="flex gap-x-4 gap-y-1 overflow-x-auto text-sm md:flex-col">
          {ADMIN_SECTIONS.map((section) => (
            <li key={section.key} className="shrink-0">
              <Link href={section.href} className="block py-1 hover:underline">
                {t(section.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
