// A delivery cut off between writing its article and recording that it did
// (kill -9; see tests/soak/crash-intake.soak.ts for the real crash): its
// redelivery must finish the record, not leave a half-written message behind.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { buildMail, newMessageId } from "@/tests/kit/mail";
import { deliverInboundMail } from "./deliver-inbound-mail";
import { computeContentHash } from "./inbound-mail";
import { parseMime } from "./parse-mime";
import { processInboundMessage } from "./process-inbound-message";
import { storeInboundMessage } from "./store-inbound-message";

beforeAll(async () => {
  await seedDatabase();
});

/** Attempt one: stored and its ticket written, then the process died before recording it. */
async function cutOffAttempt(raw: Buffer, providerId: string | null) {
  const first = await storeInboundMessage({ provider: "mime", providerId, raw });
  const mail = await parseMime(raw);
  const delivered = await deliverInboundMail({ mail, contentHash: computeContentHash(mail) });
  return { first, delivered };
}

describe("processInboundMessage after a crash between the article and its record", () => {
  for (const [name, providerId] of [
    ["a provider redelivery (same webhook id)", "msg_cut_off"],
    ["the same mail sent again under a new id", null],
  ] as const) {
    it(`${name} completes the record of the article written before the crash`, async () => {
      const raw = buildMail({ messageId: newMessageId(), subject: `Cut off ${name}` });
      const { first, delivered } = await cutOffAttempt(raw, providerId);
      const again = await storeInboundMessage({
        provider: "mime",
        providerId: providerId ?? `msg_new_id_${name}`,
        raw,
      });

      const result = await processInboundMessage(again.id);

      expect(result).toMatchObject({ status: "processed", ticketNumber: delivered.number });
      const row = await db.inboundMessage.findUniqueOrThrow({ where: { id: again.id } });
      expect(row).toMatchObject({ ticketId: delivered.ticketId, articleId: delivered.articleId });
      expect(await db.article.count({ where: { ticketId: delivered.ticketId } })).toBe(1);
      // The cut-off attempt of the same delivery is settled by this one.
      const earlier = await db.inboundMessage.findUniqueOrThrow({ where: { id: first.id } });
      if (providerId)
        expect(earlier).toMatchObject({ status: "duplicate", duplicateOfId: again.id });
      // Later copies are duplicates of the completed record, as usual.
      const copy = await storeInboundMessage({
        provider: "mime",
        providerId: `msg_copy_${name}`,
        raw,
      });
      expect(await processInboundMessage(copy.id)).toMatchObject({ status: "duplicate" });
      expect(
        (await db.inboundMessage.findUniqueOrThrow({ where: { id: copy.id } })).duplicateOfId,
      ).toBe(again.id);
    });
  }
});
