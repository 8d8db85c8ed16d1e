import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormAlert } from "@/components/portal/form-alert";
import { PortalPage } from "@/components/portal/portal-header";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatBytes } from "@/lib/portal/field-errors";
import { getCustomerTicket } from "@/lib/portal/get-customer-ticket";
import { readFormDraft } from "@/lib/portal/form-drafts";
import { getAttachmentLimits } from "@/lib/portal/limits";
import { getCurrentCustomer } from "@/lib/portal/session-cookie";
import { CustomerStateText } from "@/components/portal/customer-state-text";
import { FollowUpForm } from "./follow-up-form";

type Props = {
  params: Promise<{ number: string }>;
  /** sent: a follow-up went in; draft: a rejected one comes back (browsers without JavaScript). */
  searchParams: Promise<{ sent?: string; draft?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("portal.ticket.title", { number: (await params).number }) };
}

/** A ticket as its customer sees it; without a session for it, "not found". */
export default async function CustomerTicketPage({ params, searchParams }: Props) {
  const { number } = await params;
  const { sent, draft } = await searchParams;
  const session = await getCurrentCustomer();
  const locale = await getLocale();
  const ticket = session ? await getCustomerTicket({ session, number, locale }) : null;
  if (!session || !ticket) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const followUpDraft = await readFormDraft<{ body: string }>(
    `follow-up:${ticket.number}:${session.customerId}`,
    draft,
  );
  const facts: [string, React.ReactNode][] = [
    [t("portal.ticket.state"), <CustomerStateText key="state" ticket={ticket} t={t} />],
    [t("portal.ticket.queue"), ticket.queueName],
    [t("portal.ticket.created"), format.dateTime(ticket.createdAt, "short")],
    [t("portal.ticket.updated"), format.dateTime(ticket.updatedAt, "short")],
  ];
  return (
    <PortalPage back={`/tickets/${ticket.number}`}>
      <div className="space-y-1">
        <p className="font-mono text-sm text-zinc-600 dark:text-zinc-400">
          {t("portal.ticket.title", { number: ticket.number })}
        </p>
        <h1 className="break-words text-2xl font-bold sm:text-3xl">{ticket.title}</h1>
      </div>
      <dl className="grid grid-cols-1 gap-3 rounded-lg border border-zinc-200 p-4 text-sm sm:grid-cols-2 dark:border-zinc-800">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      {session.ticketId === null && (
        <p>
          <Link href="/my-requests" className="text-blue-700 underline dark:text-blue-400">
            {t("portal.ticket.allRequests")}
          </Link>
        </p>
      )}

      <section aria-labelledby="messages" className="space-y-4">
        <h2 id="messages" className="text-xl font-semibold">
          {t("portal.ticket.messages")}
        </h2>
        {sent && (
          <FormAlert tone="success">
            {sent === "1"
              ? t("portal.ticket.added")
              : t("portal.ticket.newTicket", { number: sent.replace(/\D/g, "") })}
          </FormAlert>
        )}
        <ol className="space-y-4">
          {ticket.articles.map((article) => (
            <li
              key={article.id}
              data-testid="article"
              className={`rounded-lg border p-4 ${
                article.isFromCustomer
                  ? "border-zinc-200 dark:border-zinc-800"
                  : "border-blue-200 bg-blue-50/60 dark:border-blue-900 dark:bg-blue-950/40"
              }`}
            >
              <p className="mb-2 flex flex-wrap justify-between gap-2 text-sm text-zinc-600 dark:text-zinc-400">
                <span className="font-semibold text-zinc-900 dark:text-zinc-100">
                  {article.isFromCustomer
                    ? t("portal.ticket.fromYou")
                    : t("portal.ticket.fromSupport")}
                </span>
                <time dateTime={article.createdAt.toISOString()}>
                  {format.dateTime(article.createdAt, "short")}
                </time>
              </p>
              <div className="whitespace-pre-wrap break-words">{article.text}</div>
              {article.attachments.length > 0 && (
                <div className="mt-3">
                  <h3 className="text-sm font-medium">{t("portal.ticket.attachments")}</h3>
                  <ul className="mt-1 space-y-1 text-sm">
                    {article.attachments.map((attachment) => (
                      <li key={attachment.id}>
                        <a
                          href={`/tickets/${ticket.number}/attachments/${attachment.id}`}
                          download={attachment.filename}
                          className="break-all text-blue-700 underline dark:text-blue-400"
                        >
                          {attachment.filename}
                        </a>{" "}
                        <span className="text-zinc-600 dark:text-zinc-400">
                          ({formatBytes(format, attachment.size)})
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="follow-up" className="space-y-4">
        <h2 id="follow-up" className="text-xl font-semibold">
          {t("portal.ticket.followUp")}
        </h2>
        <FollowUpForm
          number={ticket.number}
          limits={await getAttachmentLimits()}
          initialState={followUpDraft}
        />
      </section>
    </PortalPage>
  );
}
