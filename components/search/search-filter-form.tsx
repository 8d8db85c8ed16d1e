import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import { TICKET_STATES } from "@/lib/tickets/states";
import type { SearchParams } from "@/lib/search/search-params";

interface Props {
  params: SearchParams;
  options: { queues: { id: number; name: string }[]; owners: { id: number; name: string }[] };
}

/** The search form: words and filters, sent as GET so the view state is the URL. */
export async function SearchFilterForm({ params, options }: Props) {
  const t = await getTranslations();
  const select = (name: keyof SearchParams, label: string, choices: [string, string][]) => (
    <div className="space-y-1">
      <label htmlFor={`search-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={`search-${name}`}
        name={name}
        defaultValue={params[name] === undefined ? "" : String(params[name])}
        className={inputClass}
      >
        <option value="">{t("search.any")}</option>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const date = (name: "createdFrom" | "createdTo" | "updatedFrom" | "updatedTo") => (
    <div className="space-y-1">
      <label htmlFor={`search-${name}`} className="block text-sm font-medium">
        {t(`search.${name}`)}
      </label>
      <input
        id={`search-${name}`}
        type="date"
        name={name}
        defaultValue={params[name] ?? ""}
        className={inputClass}
      />
    </div>
  );
  return (
    <form action="/agent/search" method="get" role="search" className="space-y-4">
      <div className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          {t("search.query")}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          maxLength={200}
          defaultValue={params.q ?? ""}
          placeholder={t("search.query")}
          className={inputClass}
        />
        <button className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          {t("search.submit")}
        </button>
      </div>
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold">{t("search.filters")}</legend>
        {select(
          "queue",
          t("search.queue"),
          options.queues.map((queue) => [String(queue.id), queue.name]),
        )}
        {select(
          "state",
          t("search.state"),
          TICKET_STATES.map((state) => [state, t(`states.${state}`)]),
        )}
        {select(
          "owner",
          t("search.owner"),
          options.owners.map((owner) => [String(owner.id), owner.name]),
        )}
        {select(
          "priority",
          t("search.priority"),
          ([1, 2, 3, 4, 5] as const).map((value) => [String(value), t(`zoom.priorities.${value}`)]),
        )}
        {date("createdFrom")}
        {date("createdTo")}
        {date("updatedFrom")}
        {date("updatedTo")}
      </fieldset>
      {params.q && (
        <Link
          href={`/agent/search?${new URLSearchParams({ q: params.q })}`}
          className="text-sm text-blue-700 hover:underline dark:text-blue-400"
        >
          {t("search.reset")}
        </Link>
      )}
    </form>
  );
}
