import { config } from "../../config";
import { db } from "../../db";
import { localeOr, type Locale } from "../../i18n/locales";
import { getFormatter, getTranslator } from "../../i18n/translator";
import { ticketTag } from "../../tickets/ticket-number";
import { parseMailbox } from "../inbound/parse-address";
import { loadOwnAddresses } from "../own-addresses";
import { formatMailbox } from "./format-mailbox";
import { singleLine } from "../../tickets/write-article";
import { isAgentMail } from "../../jobs/job-types";
import type { MailJobPayload } from "./enqueue-mail";
import { getSettings } from "../../settings/get-settings";
import { fillTemplate } from "../../queues/template-variables";
import { pickSender } from "./pick-sender";
import { textToHtml, withSignature } from "./render";
import type { OutgoingMail } from "./transport";
import type { AutoResponseEvent } from "./auto-response-events";

export interface ComposedMail {
  mail: OutgoingMail;
  /** The text as it may be stored in an article: any link in `data.link` replaced by a note. */
  storedText: string;
  /** The ticket the mail is about, if any. */
  ticket: { id: number; number: string } | null;
}

const AUTOMATIC_HEADERS = { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" };

function loadTicket(ticketId: number | undefined) {
  if (!ticketId) return Promise.resolve(null);
  return db.ticket.findUnique({
    where: { id: ticketId },
    include: {
      customer: true,
      queue: { include: { addresses: { orderBy: [{ isPrimary: "desc" }, { id: "asc" }] } } },
      articles: {
        where: { messageId: { not: null } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, direction: true, messageId: true, references: true },
      },
    },
  });
}

type LoadedTicket = NonNullable<Awaited<ReturnType<typeof loadTicket>>>;

/** What mail to an agent names of its ticket: number, title and queue (no customer, thread or sender). */
function loadTicketName(ticketId: number | undefined) {
  if (!ticketId) return Promise.resolve(null);
  return db.ticket.findUnique({
    where: { id: ticketId },
    select: { id: true, number: true, title: true, queue: { select: { name: true } } },
  });
}

/** In-Reply-To / References continuing the thread: answer the customer's latest mail. */
function threadHeaders(ticket: LoadedTicket, ownMessageId: string, replyToArticleId?: number) {
  const others = ticket.articles.filter((a) => a.messageId !== ownMessageId);
  const parent =
    others.find((a) => a.id === replyToArticleId) ??
    [...others].reverse().find((a) => a.direction === "in") ??
    others.at(-1);
  if (!parent?.messageId) return {};
  const references = [
    ...(parent.references ?? "").split(/\s+/).filter(Boolean),
    parent.messageId,
  ].slice(-20);
  return { "In-Reply-To": parent.messageId, References: references.join(" ") };
}

/**
 * The customer's name for a greeting — anyone can type any name on the request
 * form, so a name that looks like a link or is overlong is not repeated.
 */
function displayName(customer: { name: string; email: string } | undefined): string | undefined {
  if (!customer) return undefined;
  const name = singleLine(customer.name);
  return name && name.length <= 80 && !/(:\/\/|www\.|[<>@])/i.test(name) ? name : customer.email;
}

function withTag(subject: string, number: string): string {
  return subject.includes(ticketTag(number)) ? subject : `${ticketTag(number)} ${subject}`;
}

/**
 * The recipient's language: the one queued with the mail (the agent's for notifications,
 * the customer's otherwise), else the ticket customer's — never the customer's for a mail
 * to an agent.
 */
function pickLocale(
  payload: MailJobPayload,
  ticket: LoadedTicket | null,
  fallback: Locale,
): Locale {
  if (payload.locale) return localeOr(payload.locale, fallback);
  if (payload.kind === "notification") return fallback;
  return localeOr(ticket?.customer.locale, fallback);
}

/**
 * A link's expiry for the mail text: an ISO time in the payload is written in the recipient's
 * language ("30. November 2026 um 14:05 UTC"); any other text (older jobs) is kept as it is.
 */
function expiryText(value: string | undefined, locale: Locale, timeZone: string): string {
  const date = new Date(value ?? "");
  if (!value || Number.isNaN(date.getTime())) return value ?? "";
  return getFormatter(locale, undefined, timeZone).dateTime(date, "deadline");
}

/** Comma-separated addresses → a list (empty entries dropped). */
function addressList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((part) => parseMailbox(part)?.address)
    .filter((address): address is string => !!address);
}

/**
 * An agent's reply names its writer: `"Tom Becker via Help Desk" <queue address>` (the desk's
 * name from MAIL_FROM), encoded by formatMailbox so no name can inject a header.
 */
function agentSender(
  agentName: string | undefined,
  queueAddress: string | undefined,
  t: ReturnType<typeof getTranslator>,
): string {
  const own = parseMailbox(config.mailFrom);
  const desk = own?.name || t("app.name");
  const address = queueAddress ?? own?.address;
  if (!address) return config.mailFrom;
  const name = agentName ? t("ticketActions.mail.fromName", { agent: agentName, desk }) : desk;
  return formatMailbox({ name, address });
}

/** Renders one queued mail: recipient, subject with ticket tag, text + HTML, thread and loop headers. */
export async function composeMail(
  payload: MailJobPayload,
  messageId: string,
): Promise<ComposedMail> {
  const toCustomer = !isAgentMail(payload.kind);
  const ticket = toCustomer ? await loadTicket(payload.ticketId) : null;
  const named = ticket ?? (await loadTicketName(payload.ticketId));
  const settings = await getSettings();
  const sender = pickSender({
    mailFrom: config.mailFrom,
    queueAddress: ticket?.queue.addresses[0],
    verifiedDomains: config.mailVerifiedDomains,
  });
  const locale = pickLocale(payload, ticket, settings.defaultLocale);
  const t = getTranslator(locale, settings.timeZone);
  const data = payload.data ?? {};
  const number = named?.number ?? data.number ?? "";
  const title = named?.title ?? "";
  const name = displayName(ticket?.customer) ?? "";
  const greeting = t("mail.greeting", { name });
  const closing = t("mail.closing");
  const headers: Record<string, string> = { "Message-ID": messageId };
  let subject: string;
  let text: string;
  let agentReply: Pick<OutgoingMail, "from" | "cc" | "bcc" | "attachments"> | undefined;

  switch (payload.kind) {
    case "auto-response": {
      if (!ticket) throw new Error("auto-response without ticket");
      const event: AutoResponseEvent = payload.autoResponseEvent ?? "new_ticket";
      const custom = await db.autoResponse.findFirst({
        where: {
          queueId: ticket.queueId,
          event,
          active: true,
          locale: { in: [locale, "en"] },
        },
        orderBy: { locale: locale === "en" ? "asc" : "desc" },
      });
      const statusUrl = `${config.appUrl}/status`;
      const template = (text: string) =>
        fillTemplate(text, {
          "ticket.number": ticket.number,
          "ticket.title": ticket.title,
          "ticket.link": data.link ?? statusUrl,
          "customer.name": ticket.customer.name,
          "customer.email": ticket.customer.email,
        });
      // The direct link (addConfirmationLink) when the job carries one.
      const linkParagraph = data.link
        ? t("mail.autoResponse.link", {
            link: data.link,
            expires: expiryText(data.expires, locale, settings.timeZone),
          })
        : "";
      // follow_up and reject have no built-in text: they were queued only while the queue had
      // one (queueAutoResponse), maybe in another language only — then that one is sent.
      const own =
        custom ??
        (event === "new_ticket"
          ? null
          : await db.autoResponse.findFirst({
              where: { queueId: ticket.queueId, event, active: true },
              orderBy: { locale: "asc" },
            }));
      if (!own && event !== "new_ticket")
        throw new Error(`no active ${event} auto-response text for queue ${ticket.queueId}`);
      subject = own ? template(own.subject) : t("mail.autoResponse.subject", { title });
      if (own) {
        text = template(own.body);
        if (data.link && !text.includes(data.link)) text = `${text}\n\n${linkParagraph}`;
      } else {
        text = [
          greeting,
          t("mail.autoResponse.body", { number, statusUrl }),
          linkParagraph,
          closing,
        ]
          .filter(Boolean)
          .join("\n\n");
      }
      Object.assign(headers, AUTOMATIC_HEADERS);
      break;
    }
    case "agent-reply": {
      if (!ticket || !payload.articleId) throw new Error("agent-reply without ticket/article");
      const article = await db.article.findUniqueOrThrow({
        where: { id: payload.articleId },
        include: { authorAgent: { select: { name: true } }, attachments: true },
      });
      subject = article.subject || `Re: ${ticket.title}`;
      text = article.text;
      // DESIGN "Own addresses": the desk never mails itself, not even as a copy.
      const own = await loadOwnAddresses();
      const others = (list: string | undefined) => addressList(list).filter((a) => !own.has(a));
      agentReply = {
        // The sender rule's address (a verified queue address, else MAIL_FROM's).
        from: agentSender(article.authorAgent?.name, parseMailbox(sender.from)?.address, t),
        cc: others(payload.cc),
        bcc: others(payload.bcc),
        attachments: article.attachments
          .filter((a) => a.content)
          .map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.content!),
            // A forwarded HTML mail's inline images stay inline parts (cid:).
            contentId: a.isInline ? a.contentId : null,
          })),
      };
      break;
    }
    case "access-link":
    case "magic-link": {
      if (!data.link)
        throw new Error("the link was withheld; the customer has to ask for a new one");
      const expires = expiryText(data.expires, locale, settings.timeZone);
      if (payload.kind === "access-link") {
        subject = t("mail.accessLink.subject", { number });
        text = `${greeting}\n\n${t("mail.accessLink.body", { number, expires, link: data.link })}\n\n${closing}`;
      } else {
        subject = t("mail.magicLink.subject");
        text = `${t("mail.magicLink.body", { expires, link: data.link })}\n\n${closing}`;
      }
      Object.assign(headers, AUTOMATIC_HEADERS);
      break;
    }
    case "agent-password-link": {
      if (!data.link) throw new Error("the link was withheld; an admin has to send a new one");
      const purpose = data.purpose === "invite" ? "invite" : "reset";
      const expires = expiryText(data.expires, locale, settings.timeZone);
      subject = t("adminPeople.mail.subject", { purpose });
      text = `${t("adminPeople.mail.body", { purpose, expires, link: data.link, url: config.appUrl })}\n\n${closing}`;
      Object.assign(headers, AUTOMATIC_HEADERS);
      break;
    }
    case "mail-account-notice": {
      const state = data.state === "working" ? "working" : "failing";
      const vars = {
        account: data.account ?? "",
        since: expiryText(data.since, locale, settings.timeZone),
        error: data.error ?? "",
      };
      subject = t("mail.accountNotice.subject", { state, account: vars.account });
      const link = `${config.appUrl}/agent/admin/mail-accounts${data.accountId ? `/${data.accountId}` : ""}`;
      text = `${t(`mail.accountNotice.${state}`, vars)}\n\n${t("mail.accountNotice.footer", { link })}`;
      Object.assign(headers, AUTOMATIC_HEADERS);
      break;
    }
    case "notification": {
      const vars = { event: data.event ?? "other", queue: named?.queue.name ?? "", title, number };
      subject = t("mail.notification.subject", vars);
      const link = named ? `${config.appUrl}/agent/tickets/${named.number}` : config.appUrl;
      const foreignSender = data.foreignSender === "true" ? "true" : "false";
      text = `${t("mail.notification.body", { ...vars, foreignSender })}\n\n${t("mail.notification.footer", { link })}`;
      Object.assign(headers, AUTOMATIC_HEADERS);
      break;
    }
  }

  if (named) subject = withTag(singleLine(subject), named.number);
  if (ticket) {
    // Customer mail continues the ticket's thread and carries the queue's signature.
    Object.assign(
      headers,
      threadHeaders(
        ticket,
        messageId,
        payload.kind === "auto-response" ? payload.articleId : undefined,
      ),
    );
    text = withSignature(text, ticket.queue.signature);
  }
  return {
    ticket: named && { id: named.id, number: named.number },
    storedText: data.link ? text.split(data.link).join(t("mail.linkWithheld")) : text,
    mail: {
      // Mail to customers: from the queue's address or MAIL_FROM, replies to the queue (pickSender).
      from: toCustomer ? sender.from : config.mailFrom,
      ...agentReply,
      to: payload.to,
      replyTo: toCustomer ? sender.replyTo : undefined,
      subject: singleLine(subject),
      text,
      html: textToHtml(text, config.appUrl),
      headers,
    },
  };
}
