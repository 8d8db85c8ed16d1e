import { db } from "../db";
import { NotFoundError } from "../errors";
import { readableTicketRows, readableTickets, type Scope } from "../access/scope";

const articleInclude = {
  attachments: {
    select: {
      id: true,
      filename: true,
      contentType: true,
      size: true,
      sha256: true,
      contentId: true,
      isInline: true,
    },
  },
};

export const ticketDetailInclude = {
  queue: { select: { id: true, name: true } },
  owner: { select: { email: true, name: true } },
  customer: { select: { email: true, name: true } },
  articles: {
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    include: articleInclude,
  },
};

/** A ticket by number with its articles, if the scope may read it; null otherwise (as if absent). */
export async function findTicketByNumber(options: { scope: Scope; number: string }) {
  return db.ticket.findFirst({
    where: { number: options.number, ...readableTickets(options.scope) },
    include: ticketDetailInclude,
  });
}

/** Just what a write needs to check and address a readable ticket (no articles); null when not visible. */
export async function findTicketHeader(options: { scope: Scope; number: string }) {
  return db.ticket.findFirst({
    where: { number: options.number, ...readableTickets(options.scope) },
    select: {
      id: true,
      queueId: true,
      state: true,
      title: true,
      customer: { select: { email: true } },
    },
  });
}

/** An article with its attachment list, if the scope may read its ticket; throws NotFoundError otherwise. */
export async function findArticleWithAttachments(options: { scope: Scope; id: number }) {
  const article = await db.article.findFirst({
    where: { id: options.id, ...readableTicketRows(options.scope) },
    include: articleInclude,
  });
  if (!article) throw new NotFoundError("Article not found");
  return article;
}
