import { db } from "../db";
import { queueScope } from "../agents/queue-access";

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

/** A ticket by number within the queues the caller may read (null = any); null when not visible. */
export async function findTicketByNumber(number: string, readableQueueIds: number[] | null) {
  return db.ticket.findFirst({
    where: { number, ...queueScope(readableQueueIds) },
    include: ticketDetailInclude,
  });
}

/** Just what a write needs to check and address a ticket (no articles). */
export async function findTicketHeader(number: string, readableQueueIds: number[] | null) {
  return db.ticket.findFirst({
    where: { number, ...queueScope(readableQueueIds) },
    select: {
      id: true,
      queueId: true,
      state: true,
      title: true,
      customer: { select: { email: true } },
    },
  });
}

export async function findArticleWithAttachments(id: number) {
  return db.article.findUniqueOrThrow({ where: { id }, include: articleInclude });
}
