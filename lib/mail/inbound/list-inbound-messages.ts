import { db } from "../../db";
import type { InboundStatus } from "../../generated/sqlite/enums";

/** Deliveries for review (newest first), keyset-paginated by id; never the raw bytes. */
export async function listInboundMessages(input: {
  status?: InboundStatus;
  cursor?: number;
  limit?: number;
}) {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await db.inboundMessage.findMany({
    where: {
      ...(input.status ? { status: input.status } : {}),
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      provider: true,
      providerId: true,
      messageId: true,
      status: true,
      error: true,
      size: true,
      attempts: true,
      receivedAt: true,
      processedAt: true,
      ticketId: true,
    },
  });
  const page = rows.slice(0, limit);
  return {
    data: page.map((row) => ({
      ...row,
      receivedAt: row.receivedAt.toISOString(),
      processedAt: row.processedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
  };
}
