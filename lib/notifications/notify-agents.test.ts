import { expect, it } from "vitest";
import { db, transaction } from "../db";
import { seedDatabase } from "../setup/seed";
import { createAgent } from "../agents/create-agent";
import { saveNotificationSettings, getNotificationSettings } from "./notification-settings";
import { notifyAgents } from "./notify-agents";

it("notifies as each agent chose, and sends no mail to agents out of office", async () => {
  await seedDatabase();
  const group = await db.group.findFirstOrThrow();
  const queue = await db.queue.findFirstOrThrow({ where: { groupId: group.id } });
  const customer = await db.customer.create({ data: { email: "n@example.org" } });
  const ticket = await db.ticket.create({
    data: { number: "2026112810999999", title: "T", queueId: queue.id, customerId: customer.id },
  });
  const appOnly = await createAgent({
    email: "app-only@example.org",
    name: "A",
    password: "x-password",
    groups: [{ groupId: group.id, permission: "rw" }],
  });
  const away = await createAgent({
    email: "away@example.org",
    name: "B",
    password: "x-password",
    groups: [{ groupId: group.id, permission: "rw" }],
  });
  const settings = await getNotificationSettings(appOnly.id);
  await saveNotificationSettings(appOnly.id, {
    ...settings,
    new_ticket: { app: true, mail: false },
  });
  const now = new Date();
  await db.agent.update({
    where: { id: away.id },
    data: {
      outOfOfficeFrom: new Date(now.getTime() - 86_400_000),
      outOfOfficeTo: new Date(now.getTime() + 86_400_000),
    },
  });

  await transaction((tx) =>
    notifyAgents(tx, {
      event: "new_ticket",
      ticket,
      agentIds: [appOnly.id, away.id],
      message: "m",
      now,
    }),
  );

  const notes = await db.notification.findMany({ where: { ticketId: ticket.id } });
  // Meant for someone away: the queue's present colleagues (here also the seeded admin) hear it too.
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  expect(notes.map((n) => n.agentId).sort()).toEqual([appOnly.id, away.id, admin.id].sort());
  const mails = (await db.job.findMany({ where: { type: "mail.send" } })).map(
    (j) => (j.payload as { to: string }).to,
  );
  expect(mails).not.toContain("app-only@example.org");
  expect(mails).not.toContain("away@example.org");

  // Default choices: mail and app.
  await transaction((tx) =>
    notifyAgents(tx, { event: "escalation", ticket, agentIds: [appOnly.id], message: "m", now }),
  );
  const after = (await db.job.findMany({ where: { type: "mail.send" } })).map(
    (j) => (j.payload as { to: string }).to,
  );
  expect(after).toContain("app-only@example.org");
});
