import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CollabState } from "@/lib/tickets/get-collab-state";
import { lockAction, unlockAction, unlinkAction } from "./actions";
import { ButtonForm } from "./button-form";
import { LinkForm } from "./link-form";
import { LockWarning } from "./lock-warning";
import { MergeForm } from "./merge-form";

export interface CollabTicket {
  id: number;
  version: number;
  state: string;
}

/** The zoom's lock, links and merge (issue 15); every form posts the version the page shows. */
export async function CollabPanel({
  ticket,
  collab,
  agentId,
  mergeInto,
  canWrite,
}: {
  ticket: CollabTicket;
  collab: CollabState;
  agentId: number;
  /** `?merge-into=` from the similar tickets' "merge" link. */
  mergeInto?: string;
  /** Read-only agents see the lock and the links, but no forms. */
  canWrite: boolean;
}) {
  const t = await getTranslations("collab");
  const states = await getTranslations("states");
  const format = await getFormatter();
  const fields = { ticketId: ticket.id, version: ticket.version };
  const { lock } = collab;
  const isMine = lock?.agentId === agentId;
  return (
    <section
      aria-labelledby="collab-heading"
      className="space-y-4 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h2 id="collab-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {collab.mergedInto && (
        <p className="text-sm font-medium">
          {t("mergedInto")}{" "}
          <Link className="underline" href={`/agent/tickets/${collab.mergedInto.number}`}>
            #{collab.mergedInto.number}
          </Link>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="lock-state">
        <span>
          {lock
            ? isMine
              ? t("lockedByYou", { since: format.dateTime(lock.since, "short") })
              : t("lockedBy", { name: lock.name, since: format.dateTime(lock.since, "short") })
            : t("unlocked")}
        </span>
        {canWrite && !lock && <ButtonForm action={lockAction} fields={fields} label={t("lock")} />}
        {canWrite && isMine && (
          <ButtonForm action={unlockAction} fields={fields} label={t("unlock")} />
        )}
      </div>
      <LockWarning lock={lock} agentId={agentId} />
      <div className="space-y-2">
        <h3 className="font-medium">{t("links")}</h3>
        {collab.links.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("noLinks")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {collab.links.map((link) => (
              <li key={link.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{t("role", { role: link.role })}:</span>
                <Link className="underline" href={`/agent/tickets/${link.other.number}`}>
                  #{link.other.number}
                </Link>
                <span>{link.other.title}</span>
                <span className="text-zinc-600 dark:text-zinc-400">
                  ({states(link.other.state)})
                </span>
                {canWrite && (
                  <ButtonForm
                    action={unlinkAction}
                    fields={{ ...fields, linkId: link.id }}
                    label={t("unlink")}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {canWrite && <LinkForm ticketId={ticket.id} version={ticket.version} />}
      </div>
      {canWrite && ticket.state !== "merged" && (
        <MergeForm ticketId={ticket.id} version={ticket.version} suggestedTarget={mergeInto} />
      )}
    </section>
  );
}
