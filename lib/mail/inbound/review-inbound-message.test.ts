// Review of failed inbound mail (issue 14, item 7): the safe view, discard with
// a reason (raw kept), and re-processing after the admin fixed the queue
// address the mail needed — each audited.
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditActor } from "../../admin/record-audit";
import { db } from "../../db";
import { seedDatabase } from "../../setup/seed";
import { buildMail } from "../../../tests/kit/mail";
import {
  discardInboundMessage,
  findInboundForReview,
  readInboundRaw,
  reprocessInboundAsAdmin,
} from "./review-inbound-message";
import { storeInboundMessage } from "./store-inbound-message";

let actor: AuditActor;

beforeAll(async () => {
  await seedDatabase();
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  actor = { agentId: admin.id, name: admin.name, via: "web" };
});

/** A stored delivery that failed (as when its queue address was missing). */
async function failedDelivery(to: string, text: string) {
  const raw = buildMail({ to, subject: "Phone dead", text });
  const { id } = await storeInboundMessage({ provider: "mime", raw });
  await db.inboundMessage.update({
    where: { id },
    data: { status: "failed", error: `no queue for ${to}` },
  });
  return { id, raw };
}

describe("review of failed inbound mail", () => {
  it("shows the raw message as text and offers it whole for download", async () => {
    const { id, raw } = await failedDelivery("x@desk.example", "<script>alert(1)</script>");
    const view = await findInboundForReview(id);
    expect(view).toMatchObject({ status: "failed", error: "no queue for x@desk.example" });
    expect(view?.rawText).toContain("<script>alert(1)</script>");
    expect(Buffer.from((await readInboundRaw(id))!.bytes).equals(raw)).toBe(true);
  });

  it("re-processes after the fix: the ticket lands in the queue the address now names", async () => {
    const { id } = await failedDelivery("voice@desk.example", "My phone is dead.");
    const voip = await db.queue.findUniqueOrThrow({ where: { name: "VoIP" } });
    await db.queueAddress.create({ data: { address: "voice@desk.example", queueId: voip.id } });
    await reprocessInboundAsAdmin({ actor, id });
    const row = await db.inboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("processed");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: row.ticketId! } });
    expect(ticket.queueId).toBe(voip.id);
    expect(
      await db.auditEntry.findFirst({
        where: { action: "inbound.reprocess", objectId: String(id) },
      }),
    ).toMatchObject({
      actorId: actor.agentId,
      changes: { status: { old: "failed", new: "processed" } },
    });
  });

  it("discards with a reason; the raw message stays; only failed ones", async () => {
    const { id } = await failedDelivery("y@desk.example", "spam");
    await discardInboundMessage({ actor, id, reason: "Spam" });
    const row = await db.inboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "ignored", discardReason: "Spam" });
    expect(row.raw).not.toBeNull();
    await expect(discardInboundMessage({ actor, id, reason: "again" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(
      await db.auditEntry.count({ where: { action: "inbound.discard", objectId: String(id) } }),
    ).toBe(1);
  });
});
