import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ArticleMark } from "@/lib/tickets/get-collab-state";
import { splitAction } from "./actions";
import { ButtonForm } from "./button-form";

/** Under an article: where a copy came from / went to (split, merge), and the split button. */
export async function ArticleCollab({
  articleId,
  mark,
  ticket,
  canWrite,
}: {
  articleId: number;
  mark: ArticleMark | undefined;
  ticket: { id: number; version: number; state: string };
  /** Read-only agents see where copies came from and went, but no split button. */
  canWrite: boolean;
}) {
  const t = await getTranslations("collab");
  const ticketLink = (number: string) => (
    <Link key={number} className="underline" href={`/agent/tickets/${number}`}>
      #{number}
    </Link>
  );
  return (
    <div
      className="flex flex-wrap items-center gap-3 text-sm"
      data-testid={`article-collab-${articleId}`}
    >
      {mark?.copiedFrom && (
        <span>
          {t(mark.copiedFrom.kind === "merge" ? "mergedFrom" : "splitFrom")}{" "}
          {ticketLink(mark.copiedFrom.number)}
        </span>
      )}
      {mark && mark.copiedTo.length > 0 && (
        <span>
          {t("copiedTo")} {mark.copiedTo.map(ticketLink)}
        </span>
      )}
      {canWrite && ticket.state !== "merged" && (
        <ButtonForm
          action={splitAction}
          fields={{ ticketId: ticket.id, version: ticket.version, articleId }}
          label={t("split")}
        />
      )}
    </div>
  );
}
