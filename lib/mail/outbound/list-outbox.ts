import { db } from "../../db";

/** Mail kept by the dev outbox (no RESEND_API_KEY), newest first. */
export async function listOutbox(limit = 100) {
  return db.outboxMail.findMany({ orderBy: { id: "desc" }, take: limit });
}

export async function findOutboxMail(id: number) {
  return db.outboxMail.findUnique({ where: { id } });
}
