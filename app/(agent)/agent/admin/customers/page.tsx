import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { listCustomers } from "@/lib/customers/manage-customers";
import { localizedTitle } from "@/lib/i18n/server";

export const generateMetadata = localizedTitle((t) => t("adminPeople.customers.title"));

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const { q = "", page: pageParam } = await searchParams;
  const t = await getTranslations("adminPeople");
  const { customers, page, hasMore } = await listCustomers({ q, page: Number(pageParam) || 1 });
  const pageLink = (n: number) =>
    `/agent/admin/customers?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("customers.title")}</h1>
      <form className="flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="customer-q" className="block text-sm font-medium">
            {t("customers.search")}
          </label>
          <input id="customer-q" name="q" defaultValue={q} className={inputClass} />
        </div>
        <Button type="submit" variant="secondary">
          {t("customers.searchButton")}
        </Button>
      </form>
      {customers.length === 0 ? (
        <p>{t("customers.empty")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2 pr-3">{t("customers.email")}</th>
              <th className="py-2 pr-3">{t("customers.name")}</th>
              <th className="py-2 pr-3">{t("customers.organisation")}</th>
              <th className="py-2 pr-3">{t("customers.tickets")}</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.id} className="border-b border-zinc-100 dark:border-zinc-900">
                <td className="py-2 pr-3">
                  <Link
                    href={`/agent/admin/customers/${c.id}`}
                    className="text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {c.erasedAt ? t("customers.erased") : c.email}
                  </Link>
                </td>
                <td className="py-2 pr-3">{c.name}</td>
                <td className="py-2 pr-3">{c.organisation}</td>
                <td className="py-2 pr-3">{c._count.tickets}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t("pagination")} className="flex gap-4 text-sm">
        {page > 1 && <Link href={pageLink(page - 1)}>{t("previous")}</Link>}
        {hasMore && <Link href={pageLink(page + 1)}>{t("next")}</Link>}
      </nav>
    </div>
  );
}
