import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { findInboundForReview } from "@/lib/mail/inbound/review-inbound-message";
import { ReviewForms } from "./review-forms";

export const generateMetadata = localizedTitle((t) => t("review.messageTitle"));

/** One delivery: headers, error, the raw message as plain text (never rendered as HTML). */
export default async function InboundReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const message = Number.isInteger(id) && id > 0 ? await findInboundForReview(id) : null;
  if (!message) notFound();
  const t = await getTranslations("review");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("messageNumber", { id: message.id })}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t("status")}</dt>
        <dd data-testid="inbound-status">{t(`statuses.${message.status}`)}</dd>
        <dt className="font-medium">{t("received")}</dt>
        <dd>{format.dateTime(message.receivedAt, "precise")}</dd>
        {message.error && (
          <>
            <dt className="font-medium">{t("error")}</dt>
            <dd className="break-words font-mono text-xs">{message.error}</dd>
          </>
        )}
        {message.discardReason && (
          <>
            <dt className="font-medium">{t("reason")}</dt>
            <dd>{message.discardReason}</dd>
          </>
        )}
        {message.ticketId && (
          <>
            <dt className="font-medium">{t("ticket")}</dt>
            <dd>{message.ticketId}</dd>
          </>
        )}
      </dl>
      {message.status === "failed" && <ReviewForms id={message.id} />}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("headers")}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-xs">
          {message.headers.map(([name, value], i) => (
            <div key={`${name}-${i}`} className="contents">
              <dt className="font-semibold">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="space-y-2">
        <div className="flex flex-wrap items-center gap-4">
          <h2 className="text-lg font-semibold">{t("raw")}</h2>
          {message.hasRaw && (
            <a
              href={`/agent/admin/review/inbound/${message.id}/raw`}
              download
              className="text-sm text-blue-700 hover:underline dark:text-blue-400"
            >
              {t("download")}
            </a>
          )}
        </div>
        {message.rawTruncated && <p className="text-sm">{t("truncated")}</p>}
        <pre
          className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-900"
          data-testid="raw-text"
        >
          {message.rawText}
        </pre>
      </section>
    </div>
  );
}
