import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { TICKET_STATES } from "@/lib/tickets/states";
import { QUEUE_SORTS, type QueueView } from "@/lib/queue-view/schemas";

const field = "rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900";

/** The view's sort and filters as a GET form: the result is a URL (bookmarkable), no script needed. */
export async function QueueFilters(props: {
  view: QueueView;
  agents: { id: number; name: string }[];
  action: string;
}) {
  const { view } = props;
  const t = await getTranslations("queueView");
  const states = await getTranslations("states");
  const priorities = await getTranslations("zoom.priorities");
  return (
    <form method="get" action={props.action} className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        {t("sort")}
        <select name="sort" defaultValue={view.sort} className={field}>
          {QUEUE_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("state")}
        <select name="state" defaultValue={view.state} className={field}>
          <option value="open">{t("stateOpen")}</option>
          <option value="all">{t("stateAll")}</option>
          {TICKET_STATES.map((s) => (
            <option key={s} value={s}>
              {states(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("owner")}
        <select name="owner" defaultValue={view.owner ?? ""} className={field}>
          <option value="">{t("ownerAny")}</option>
          <option value="me">{t("ownerMe")}</option>
          <option value="none">{t("ownerNone")}</option>
          {props.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("priority")}
        <select name="priority" defaultValue={view.priority ?? ""} className={field}>
          <option value="">{t("priorityAny")}</option>
          {([5, 4, 3, 2, 1] as const).map((p) => (
            <option key={p} value={p}>
              {priorities(String(p) as "1")}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 self-center">
        <input type="checkbox" name="unattended" value="1" defaultChecked={view.unattended} />
        {t("unattended")}
      </label>
      <Button type="submit">{t("apply")}</Button>
    </form>
  );
}
