import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMail } from "@/tests/kit/mail";
import type { AuditActor } from "../admin/record-audit";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { receiveInboundMail } from "../mail/inbound/receive-inbound-mail";
import { seedDatabase } from "../setup/seed";
import { createQueue, updateQueue } from "./save-queue";
import { queueFormSchema, queueInputSchema, type QueueInput } from "./schemas";
import { setQueueActive } from "./set-queue-active";

let actor: AuditActor;
let groupId: number;

beforeAll(async () => {
  await seedDatabase();
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  actor = { agentId: admin.id, name: admin.name, via: "web" };
  groupId = (await db.group.findFirstOrThrow()).id;
});

const CALENDAR = {
  timeZone: "Europe/Berlin",
  hours: { "1": ["08:00", "17:00"] as [string, string] },
  holidays: ["2026-12-24"],
};

function input(overrides: Partial<QueueInput> = {}): QueueInput {
  return queueInputSchema.parse({
    name: `Q-${randomUUID().slice(0, 8)}`,
    groupId,
    addresses: [`${randomUUID().slice(0, 8)}@desk.example`],
    senderName: "Service Desk",
    ...overrides,
  });
}

const auditOf = (objectType: string, objectId: string | number) =>
  db.auditEntry.findMany({
    where: { objectType, objectId: String(objectId) },
    orderBy: { id: "asc" },
  });

describe("createQueue / updateQueue", () => {
  it("creates a queue with addresses, texts and calendar, each audited", async () => {
    const queue = await createQueue({
      actor,
      input: input({
        name: "Printing",
        addresses: ["Print@Desk.example", "drucker@desk.example"].map((a) => a.toLowerCase()),
        calendar: CALENDAR,
        slaFirstResponseMinutes: 60,
        autoResponses: [
          {
            event: "new_ticket",
            locale: "de",
            subject: "Eingang",
            body: "Danke {{customer.name}}",
          },
        ],
      }),
    });
    const addresses = await db.queueAddress.findMany({
      where: { queueId: queue.id },
      orderBy: { id: "asc" },
    });
    expect(addresses.map((a) => [a.address, a.isPrimary, a.name])).toEqual([
      ["print@desk.example", true, "Service Desk"],
      ["drucker@desk.example", false, "Service Desk"],
    ]);
    expect(queue.calendar).toEqual(CALENDAR);
    const [created] = await auditOf("queue", queue.id);
    expect(created).toMatchObject({ action: "queue.create", via: "web", actorId: actor.agentId });
    expect(created.changes).toMatchObject({
      name: { old: null, new: "Printing" },
      slaFirstResponseMinutes: { new: 60 },
    });
    expect(
      await db.auditEntry.count({
        where: { action: "queue.address.create", objectName: { endsWith: "(Printing)" } },
      }),
    ).toBe(2);
    expect(await auditOf("autoResponse", `${queue.id}:new_ticket:de`)).toHaveLength(1);
  });

  it("records old → new of a change, and nothing for a no-op", async () => {
    const queue = await createQueue({ actor, input: input() });
    await updateQueue({
      actor,
      queueId: queue.id,
      input: { defaultPriority: 4, calendar: CALENDAR },
    });
    await updateQueue({ actor, queueId: queue.id, input: { defaultPriority: 4 } });
    const updates = (await auditOf("queue", queue.id)).filter((e) => e.action === "queue.update");
    expect(updates).toHaveLength(1);
    expect(updates[0].changes).toEqual({
      defaultPriority: { old: 3, new: 4 },
      calendar: { old: null, new: CALENDAR },
    });
    await updateQueue({ actor, queueId: queue.id, input: { calendar: null } });
    expect((await db.queue.findUniqueOrThrow({ where: { id: queue.id } })).calendar).toBeNull();
  });

  it("refuses an address another queue has, at the field, and leaves no trace", async () => {
    const owner = await createQueue({ actor, input: input({ addresses: ["taken@desk.example"] }) });
    const name = `Q-${randomUUID().slice(0, 8)}`;
    const before = await db.auditEntry.count();
    const error = await createQueue({
      actor,
      input: input({ name, addresses: ["taken@desk.example"] }),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error).toMatchObject({ key: "taken", fields: { addresses: expect.any(Array) } });
    // The queue row and its audit entry were written before the refusal: both rolled back.
    expect(await db.queue.findUnique({ where: { name } })).toBeNull();
    expect(await db.auditEntry.count()).toBe(before);
    expect(
      (await db.queueAddress.findUniqueOrThrow({ where: { address: "taken@desk.example" } }))
        .queueId,
    ).toBe(owner.id);
    await expect(createQueue({ actor, input: input({ name: owner.name }) })).rejects.toMatchObject({
      key: "taken",
    });
  });

  it("replaces addresses and texts: removed ones go, the primary moves", async () => {
    const queue = await createQueue({
      actor,
      input: input({
        addresses: ["a1@desk.example", "a2@desk.example"],
        autoResponses: [{ event: "follow_up", locale: "en", subject: "S", body: "B" }],
      }),
    });
    await updateQueue({
      actor,
      queueId: queue.id,
      input: { addresses: ["a2@desk.example", "a3@desk.example"], autoResponses: [] },
    });
    const rows = await db.queueAddress.findMany({
      where: { queueId: queue.id },
      orderBy: { address: "asc" },
    });
    expect(rows.map((r) => [r.address, r.isPrimary])).toEqual([
      ["a2@desk.example", true],
      ["a3@desk.example", false],
    ]);
    expect(await db.autoResponse.count({ where: { queueId: queue.id } })).toBe(0);
    expect(
      (await db.auditEntry.findMany({ where: { objectId: "a1@desk.example" } })).map(
        (e) => e.action,
      ),
    ).toEqual(["queue.address.create", "queue.address.delete"]);
  });
});

describe("the queue form", () => {
  const form = (fields: Record<string, string>) =>
    queueFormSchema.safeParse({ name: "Form queue", groupId: String(groupId), ...fields });

  it("turns week hours, holidays and texts into the queue's input", () => {
    const parsed = form({
      addresses: "One@Desk.example\ntwo@desk.example",
      calendarEnabled: "on",
      calendarTimeZone: "Europe/Berlin",
      day1_from: "08:00",
      day1_to: "17:00",
      holidays: "2026-12-24\n2026-12-25",
      ar_new_ticket_en_subject: "Got it",
      ar_new_ticket_en_body: "Ticket {{ticket.number}}",
      slaSolutionMinutes: "",
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.queueId).toBeNull();
    expect(parsed.data?.input).toMatchObject({
      addresses: ["one@desk.example", "two@desk.example"],
      calendar: {
        timeZone: "Europe/Berlin",
        hours: { "1": ["08:00", "17:00"] },
        holidays: ["2026-12-24", "2026-12-25"],
      },
      autoResponses: [
        { event: "new_ticket", locale: "en", subject: "Got it", body: "Ticket {{ticket.number}}" },
      ],
      slaSolutionMinutes: null,
    });
  });

  it("refuses an impossible calendar at the field it concerns", () => {
    const paths = (fields: Record<string, string>) => {
      const parsed = form({ calendarEnabled: "on", ...fields });
      return parsed.error?.issues.map((i) => i.path.join("."));
    };
    expect(paths({ day2_from: "17:00", day2_to: "08:00" })).toEqual(["day2_from"]);
    expect(paths({ day1_from: "08:00", day1_to: "25:00" })).toEqual(["day1_from"]);
    expect(paths({ day1_from: "08:00", day1_to: "17:00", holidays: "2026-02-30" })).toEqual([
      "holidays",
    ]);
    expect(
      paths({ day1_from: "08:00", day1_to: "17:00", calendarTimeZone: "Mars/Olympus" }),
    ).toEqual(["calendarTimeZone"]);
    expect(paths({})).toEqual(["calendar"]); // business hours on, but no day open
    expect(
      form({ ar_reject_de_subject: "Nur Betreff" }).error?.issues.map((i) => i.path[0]),
    ).toEqual(["ar_reject_de_body"]);
  });
});

describe("deactivating a queue", () => {
  it("keeps its tickets, sends its mail to the fallback queue, and never deactivates the fallback", async () => {
    const queue = await createQueue({
      actor,
      input: input({ addresses: ["closing@desk.example"] }),
    });
    const deliver = async () => {
      const result = await receiveInboundMail({
        providerId: randomUUID(),
        raw: buildMail({ to: "closing@desk.example", from: `c-${randomUUID()}@example.org` }),
      });
      return db.ticket.findUniqueOrThrow({
        where: { number: result.ticketNumber! },
        include: { queue: true },
      });
    };
    expect((await deliver()).queueId).toBe(queue.id);
    await setQueueActive({ actor, queueId: queue.id, active: false });
    expect((await deliver()).queue.name).toBe("Raw");
    expect(await db.ticket.count({ where: { queueId: queue.id } })).toBe(1);
    expect((await auditOf("queue", queue.id)).at(-1)).toMatchObject({
      action: "queue.deactivate",
      changes: { active: { old: true, new: false } },
    });
    const raw = await db.queue.findUniqueOrThrow({ where: { name: "Raw" } });
    await expect(setQueueActive({ actor, queueId: raw.id, active: false })).rejects.toMatchObject({
      key: "fallbackQueue",
    });
  });
});
