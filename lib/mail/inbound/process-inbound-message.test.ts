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
import { receiveInboundMail } from "./receive-inbound-mail";
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

describe("the record of a delivery", () => {
  const recordOf = (id: number) => db.inboundMessage.findUniqueOrThrow({ where: { id } });

  it("counts one attempt per processing, the first one as the mail is stored", async () => {
    const raw = buildMail({ subject: "Counted once" });
    const received = await receiveInboundMail({ providerId: "msg_counted", raw });
    expect(received.status).toBe("processed");
    expect((await recordOf(received.inboundId)).attempts).toBe(1);

    // Stored by a fetcher that processes later: counted when it is processed.
    const stored = await storeInboundMessage({ provider: "mime", raw: buildMail() });
    expect((await recordOf(stored.id)).attempts).toBe(0);
    await processInboundMessage(stored.id);
    expect((await recordOf(stored.id)).attempts).toBe(1);
  });

  it("keeps the Message-ID, content hash and headers of every parsed mail, whatever its outcome", async () => {
    const messageId = newMessageId();
    const raw = buildMail({ messageId, subject: "Headers kept", headers: { "X-Mark": "kept" } });
    const mail = await parseMime(raw);
    const processed = await receiveInboundMail({ providerId: "msg_headers_1", raw });
    const duplicate = await receiveInboundMail({ providerId: "msg_headers_2", raw });
    expect([processed.status, duplicate.status]).toEqual(["processed", "duplicate"]);
    for (const result of [processed, duplicate]) {
      const row = await recordOf(result.inboundId);
      expect(row).toMatchObject({ messageId, contentHash: computeContentHash(mail) });
      expect(JSON.parse(row.headers!)).toContainEqual(["x-mark", "kept"]);
    }
    // Mail that cannot be read at all is kept failed, with nothing parsed to show.
    const empty = await receiveInboundMail({ providerId: "msg_headers_3", raw: Buffer.from("") });
    expect(empty.status).toBe("failed");
    expect(await recordOf(empty.inboundId)).toMatchObject({
      attempts: 1,
      messageId: null,
      contentHash: null,
      headers: null,
    });
  });

  it("a redelivery settles earlier attempts of the same delivery that never finished", async () => {
    const raw = buildMail({ subject: "Retried three times" });
    const finished = await receiveInboundMail({ providerId: "msg_retried", raw });
    // An attempt whose process died after storing it, before processing it.
    const cutOff = await storeInboundMessage({ provider: "mime", providerId: "msg_retried", raw });
    const again = await receiveInboundMail({ providerId: "msg_retried", raw });

    expect(again).toMatchObject({ status: "duplicate", ticketNumber: finished.ticketNumber });
    expect(await recordOf(cutOff.id)).toMatchObject({
      status: "duplicate",
      duplicateOfId: finished.inboundId,
    });
    expect(await recordOf(again.inboundId)).toMatchObject({
      status: "duplicate",
      duplicateOfId: finished.inboundId,
    });
    // Another delivery's rows are left alone.
    const other = await storeInboundMessage({ provider: "mime", providerId: "msg_other", raw });
    await receiveInboundMail({ providerId: "msg_retried", raw });
    expect((await recordOf(other.id)).status).toBe("received");
  });
});
