import { SYSTEM } from "../../actor";
import { transaction } from "../../db";
import { buildSearchText } from "../../tickets/create-ticket";
import { recordHistory } from "../../tickets/record-history";
import { safeFilename, sha256Hex, singleLine } from "../../tickets/write-article";
import { articleFieldsOf, UNKNOWN_SENDER } from "./deliver-inbound-mail";
import { computeContentHash } from "./inbound-mail";
import { loadMail, type InboundResult } from "./process-inbound-message";

/**
 * Re-reads a processed delivery with today's parser and updates what it made
 * IN PLACE (DESIGN "Charsets": never a second article): the article's
 * subject, text, HTML and addresses, the filenames of its attachments (and
 * attachments newly unpacked, e.g. from a winmail.dat), and the ticket's
 * title when this article opened the ticket. Threading, state and mail sent
 * stay as they were. A history entry records it.
 */
export async function redecodeInboundArticle(
  inbound: Parameters<typeof loadMail>[0] & { id: number; articleId: number },
): Promise<InboundResult> {
  const mail = await loadMail(inbound);
  const contentHash = computeContentHash(mail);
  const sender = mail.from ?? { address: UNKNOWN_SENDER, name: "" };
  const fields = articleFieldsOf(mail, sender);

  const ticket = await transaction(async (tx) => {
    const article = await tx.article.findUniqueOrThrow({
      where: { id: inbound.articleId },
      include: {
        attachments: { select: { id: true, sha256: true } },
        ticket: { include: { customer: true } },
      },
    });
    await tx.article.update({ where: { id: article.id }, data: { ...fields, contentHash } });
    const stored = [...article.attachments];
    for (const attachment of mail.attachments) {
      const sha256 = sha256Hex(attachment.content);
      const i = stored.findIndex((a) => a.sha256 === sha256);
      if (i >= 0) {
        await tx.attachment.update({
          where: { id: stored[i].id },
          data: { filename: safeFilename(attachment.filename) },
        });
        stored.splice(i, 1);
      } else {
        await tx.attachment.create({
          data: {
            articleId: article.id,
            filename: safeFilename(attachment.filename),
            contentType: attachment.contentType || "application/octet-stream",
            size: attachment.content.byteLength,
            sha256,
            contentId: attachment.contentId,
            isInline: attachment.isInline,
            content: Buffer.from(attachment.content),
          },
        });
      }
    }
    const first = await tx.article.findFirst({
      where: { ticketId: article.ticketId },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const { ticket } = article;
    const title = singleLine(mail.subject.trim()).slice(0, 250) || "(no subject)";
    if (first?.id === article.id && title !== ticket.title) {
      await tx.ticket.update({
        where: { id: ticket.id },
        data: {
          title,
          searchText: buildSearchText([
            ticket.number,
            title,
            ticket.customer.email,
            ticket.customer.name,
          ]),
        },
      });
    }
    await recordHistory(tx, {
      ticketId: ticket.id,
      type: "article_redecoded",
      actor: SYSTEM,
      newValue: `inbound #${inbound.id} → article #${article.id}`,
    });
    await tx.inboundMessage.update({
      where: { id: inbound.id },
      data: { contentHash, headers: JSON.stringify(mail.headers), processedAt: new Date() },
    });
    return ticket;
  });
  return { inboundId: inbound.id, status: "processed", ticketNumber: ticket.number };
}
