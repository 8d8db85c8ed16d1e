import Link from "next/link";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { AUDIT_ACTIONS } from "@/lib/admin/audit-actions";
import { listAuditActors, listAuditEntries } from "@/lib/admin/list-audit";
import { localizedTitle } from "@/lib/i18n/server";
import { AuditChanges } from "./audit-changes";

export const generateMetadata = localizedTitle((t) => t("audit.title"));

type Search = Partial<Record<"actor" | "action" | "object" | "from" | "to" | "cursor", string>>;

const day = (value: string | undefined, end = false) => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T${end ? "23:59:59.999" : "00:00:00.000"}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** Browse the audit: filter by actor, action, object ("agent" or "agent:7") and date range. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const t = await getTranslations("audit");
  // The action codes hold a dot ("queue.update"), which a message path would split:
  // the labels are read as one object and looked up by code.
  const actionLabels: Record<(typeof AUDIT_ACTIONS)[number], string> = (await getMessages()).audit
    .actions;
  const format = await getFormatter();
  const [objectType, objectId] = (search.object ?? "").split(":");
  const [actors, page] = await Promise.all([
    listAuditActors(),
    listAuditEntries({
      actorId: Number(search.actor) || undefined,
      action: AUDIT_ACTIONS.find((a) => a === search.action),
      objectType: objectType || undefined,
      objectId: objectId || undefined,
      from: day(search.from),
      to: day(search.to, true),
      cursor: Number(search.cursor) || undefined,
    }),
  ]);
  const { cursor: _cursor, ...filters } = search;
  const next =
    page.nextCursor &&
    `/agent/admin/audit?${new URLSearchParams({ ...filters, cursor: String(page.nextCursor) } as Record<string, string>)}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("filter")}>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("actor")}</span>
          <select name="actor" defaultValue={search.actor ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("action")}</span>
          <select name="action" defaultValue={search.action ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionLabels[action]}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("object")}</span>
          <input
            name="object"
            defaultValue={search.object ?? ""}
            className={inputClass}
            placeholder={t("objectHint")}
          />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("from")}</span>
          <input type="date" name="from" defaultValue={search.from ?? ""} className={inputClass} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("to")}</span>
          <input type="date" name="to" defaultValue={search.to ?? ""} className={inputClass} />
        </label>
        <div className="flex items-end">
          <Button type="submit" variant="secondary">
            {t("apply")}
          </Button>
        </div>
      </form>
      {page.entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th className="py-2 pr-3">{t("when")}</th>
                <th className="py-2 pr-3">{t("actor")}</th>
                <th className="py-2 pr-3">{t("action")}</th>
                <th className="py-2 pr-3">{t("object")}</th>
                <th className="py-2 pr-3">{t("changes")}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr
                  key={entry.id}
                  className="border-b border-zinc-100 align-top dark:border-zinc-900"
                  data-testid="audit-entry"
                >
                  <td className="whitespace-nowrap py-2 pr-3">
                    {format.dateTime(entry.createdAt, "precise")}
                  </td>
                  <td className="py-2 pr-3">
                    {entry.actorName}
                    {entry.via === "api" && (
                      <span className="ml-1 text-xs text-zinc-500">({t("viaApi")})</span>
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    {(AUDIT_ACTIONS as readonly string[]).includes(entry.action)
                      ? actionLabels[entry.action as (typeof AUDIT_ACTIONS)[number]]
                      : entry.action}
                  </td>
                  <td className="py-2 pr-3">
                    {entry.objectName || `${entry.objectType} ${entry.objectId}`}
                  </td>
                  <td className="py-2 pr-3">
                    <AuditChanges changes={entry.changes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <Link href={next} className="text-sm text-blue-700 hover:underline dark:text-blue-400">
          {t("older")}
        </Link>
      )}
    </div>
  );
}
