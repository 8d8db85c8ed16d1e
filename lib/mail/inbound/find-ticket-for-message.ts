import { config } from "../../config";
import { db } from "../../db";
import { findTicketTags } from "../../tickets/ticket-number";
import type { InboundMail } from "./inbound-mail";
import { parseHeaderBlock, parseMessageIds } from "./parse-headers";

const ORIGINAL_TYPES =
  /^(message\/(rfc822|global|rfc822-headers|global-headers)|text\/rfc822-headers)$/;

export interface ThreadKeys {
  /** Message-IDs the mail refers to, most specific first. */
  ids: string[];
  subjects: string[];
}

/**
 * The headers of the original mail a report carries (message/rfc822 or
 * rfc822-headers parts): its Message-ID, In-Reply-To and References, newest
 * first, and its subject. Chosen by whoever sent the report.
 */
export function embeddedOriginals(mail: InboundMail): ThreadKeys {
  const ids: string[] = [];
  const subjects: string[] = [];
  for (const part of mail.attachments.filter((a) => ORIGINAL_TYPES.test(a.contentType))) {
    const headers = parseHeaderBlock(part.content.subarray(0, 64 * 1024).toString("utf8"));
    const get = (name: string) => headers.find(([key]) => key === name)?.[1] ?? null;
    ids.push(
      ...parseMessageIds(get("message-id")),
      ...parseMessageIds(get("in-reply-to")),
      ...parseMessageIds(get("references")).reverse(),
    );
    const subject = get("subject");
    if (subject) subjects.push(subject);
  }
  return { ids: [...new Set(ids)].slice(0, 100), subjects };
}

/**
 * What a mail refers to: In-Reply-To, then References from the newest. A
 * delivery report also carries the headers of the mail that bounced (ours):
 * its Message-ID, references and subject count as well.
 */
export function threadKeys(mail: InboundMail, includeEmbedded: boolean): ThreadKeys {
  const ids = [mail.inReplyTo, ...[...mail.references].reverse()].filter(
    (id): id is string => !!id,
  );
  const subjects = [mail.subject];
  if (includeEmbedded) {
    const embedded = embeddedOriginals(mail);
    ids.push(...embedded.ids);
    subjects.push(...embedded.subjects);
  }
  return { ids: [...new Set(ids)].slice(0, 100), subjects };
}

export interface FoundTicket {
  ticketId: number;
  number: string;
  via: "message-id" | "tag";
}

/**
 * DESIGN "Threading": our own Message-ID (of a mail we sent) in In-Reply-To /
 * References, then a `[Ticket#…]` tag with our SystemID and a valid check
 * digit; null means a new ticket. A Message-ID of a mail we received counts
 * only when the sender is that ticket's customer (their own earlier mail) —
 * those ids are chosen by senders, so strangers could otherwise attach to a
 * ticket by quoting one.
 */
export async function findTicketForMessage(
  keys: ThreadKeys,
  senderEmail: string,
): Promise<FoundTicket | null> {
  if (keys.ids.length > 0) {
    const articles = await db.article.findMany({
      where: { messageId: { in: keys.ids } },
      select: {
        messageId: true,
        direction: true,
        ticket: { select: { id: true, number: true, customer: { select: { email: true } } } },
      },
    });
    const sender = senderEmail.trim().toLowerCase();
    const trusted = articles.filter(
      (a) => a.direction === "out" || a.ticket.customer.email === sender,
    );
    const rank = (a: (typeof articles)[number]) =>
      (a.direction === "out" ? 0 : 1000) + keys.ids.indexOf(a.messageId ?? "");
    const best = trusted.sort((a, b) => rank(a) - rank(b))[0];
    if (best) return { ticketId: best.ticket.id, number: best.ticket.number, via: "message-id" };
  }
  const tagged = keys.subjects.flatMap((subject) => findTicketTags(subject, config.systemId));
  if (tagged.length === 0) return null;
  const tickets = await db.ticket.findMany({
    where: { number: { in: tagged } },
    select: { id: true, number: true },
  });
  // The first tag (in subject order) that names one of our tickets.
  const number = tagged.find((n) => tickets.some((t) => t.number === n));
  const ticket = tickets.find((t) => t.number === number);
  return ticket ? { ticketId: ticket.id, number: ticket.number, via: "tag" } : null;
}
