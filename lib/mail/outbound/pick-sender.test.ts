import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { buildMail } from "@/tests/kit/mail";
import { db } from "../../db";
import { receiveInboundMail } from "../inbound/receive-inbound-mail";
import { seedDatabase } from "../../setup/seed";
import { composeMail } from "./compose-mail";
import { pickSender } from "./pick-sender";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("pickSender", () => {
  const mailFrom = "Help Desk <helpdesk@uni.example>";
  const queueAddress = { address: "wlan@net.uni.example", name: "WLAN-Team" };

  it("sends from MAIL_FROM with the queue's address as Reply-To when its domain is not verified", () => {
    expect(pickSender({ mailFrom, queueAddress, verifiedDomains: ["uni.example"] })).toEqual({
      from: '"WLAN-Team" <helpdesk@uni.example>',
      replyTo: "wlan@net.uni.example",
    });
  });

  it("sends from the queue's own address when its domain is verified", () => {
    expect(
      pickSender({ mailFrom, queueAddress, verifiedDomains: ["uni.example", "NET.uni.example"] }),
    ).toEqual({ from: '"WLAN-Team" <wlan@net.uni.example>', replyTo: "wlan@net.uni.example" });
  });

  it("keeps MAIL_FROM and its name without a queue address, and never lets a name break the header", () => {
    expect(pickSender({ mailFrom, queueAddress: null, verifiedDomains: [] })).toEqual({
      from: mailFrom,
      replyTo: mailFrom,
    });
    expect(
      pickSender({
        mailFrom,
        queueAddress: { address: "x@uni.example", name: 'Evil "\r\nBcc: a@b' },
        verifiedDomains: ["uni.example"],
      }).from,
    ).toBe('"Evil Bcc: a@b" <x@uni.example>');
  });
});

describe("composeMail's sender", () => {
  it("follows MAIL_VERIFIED_DOMAINS (default: MAIL_FROM's domain)", async () => {
    await seedDatabase();
    const queue = await db.queue.findUniqueOrThrow({ where: { name: "VoIP" } });
    await db.queueAddress.create({
      data: {
        address: "voip@phones.example",
        name: "VoIP-Team",
        queueId: queue.id,
        isPrimary: true,
      },
    });
    const result = await receiveInboundMail({
      providerId: randomUUID(),
      raw: buildMail({ to: "voip@phones.example", from: "caller@example.org" }),
    });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.ticketNumber! } });
    const payload = {
      kind: "auto-response" as const,
      to: "caller@example.org",
      ticketId: ticket.id,
    };

    process.env.MAIL_FROM = "Help Desk <helpdesk@desk.example>";
    delete process.env.MAIL_VERIFIED_DOMAINS;
    const unverified = (await composeMail(payload, "<a@desk.example>")).mail;
    expect([unverified.from, unverified.replyTo]).toEqual([
      '"VoIP-Team" <helpdesk@desk.example>',
      "voip@phones.example",
    ]);

    process.env.MAIL_VERIFIED_DOMAINS = "desk.example, phones.example";
    const verified = (await composeMail(payload, "<b@desk.example>")).mail;
    expect([verified.from, verified.replyTo]).toEqual([
      '"VoIP-Team" <voip@phones.example>',
      "voip@phones.example",
    ]);
  });
});
