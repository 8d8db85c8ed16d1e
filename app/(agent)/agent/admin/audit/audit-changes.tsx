import { getTranslations } from "next-intl/server";

type Change = { old: unknown; new: unknown };

/** A value as a person reads it: empty as "—", objects and lists as "key: value" lines. */
function readable(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === "") return empty;
  if (Array.isArray(value))
    return value.length ? value.map((v) => readable(v, empty)).join(", ") : empty;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length
      ? entries.map(([k, v]) => `${k}: ${readable(v, empty)}`).join(", ")
      : empty;
  }
  return String(value);
}

/** An audit entry's `{ field: { old, new } }` as a small list "field: old → new". */
export async function AuditChanges({ changes }: { changes: unknown }) {
  const t = await getTranslations("audit");
  const entries = Object.entries((changes ?? {}) as Record<string, Change>);
  if (entries.length === 0) return <span className="text-zinc-500">{t("noChanges")}</span>;
  return (
    <ul className="space-y-0.5">
      {entries.map(([field, change]) => (
        <li key={field}>
          <span className="font-medium">{field}</span>: {readable(change?.old, t("emptyValue"))} →{" "}
          {readable(change?.new, t("emptyValue"))}
        </li>
      ))}
    </ul>
  );
}
