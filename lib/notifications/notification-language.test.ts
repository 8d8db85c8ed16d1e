// Issue 9: a notification mail reaches each agent in the agent's own language, and the
// customer's mail stays in the customer's — the whole way: ticket → job → worker →
// Resend SDK → local stub.
import { systemScope } from "@/lib/access/system-scope";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../actor";
import { adoptAgentLocale, setAgentLocale } from "../agents/agent-locale";
import { createAgent } from "../agents/create-agent";
import { db } from "../db";
import { jobHandlers } from "../jobs/handlers";
import { createWorker } from "../jobs/worker";
import { seedDatabase } from "../setup/seed";
import { createTicket } from "../tickets/create-ticket";
import { startResendStub, type ResendStub } from "@/tests/kit/resend-stub";

let stub: ResendStub;
let queueId: number;
let groupId: number;

interface SentMail {
  to: string[] | string;
  subject: string;
  text: string;
}

beforeAll(async () => {
  stub = await startResendStub();
  await seedDatabase();
  const group = await db.group.create({ data: { name: "Intl" } });
  groupId = group.id;
  queueId = (await db.queue.create({ data: { name: "Netz", groupId } })).id;
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = stub.url;
});

afterAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  await stub.close();
});

const agent = (email: string, name: string) =>
  createAgent({ email, name, password: "x-password", groups: [{ groupId, permission: "rw" }] });

async function newTicket(customer: string, locale: string | null, title: string) {
  await db.customer.upsert({
    where: { email: customer },
    create: { email: customer, name: "Kim Kunde", locale },
    update: { locale },
  });
  const ticket = await createTicket({
    scope: systemScope,
    customer: { email: customer, name: "Kim Kunde" },
    title,
    queueId,
    actor: SYSTEM,
    article: {
      channel: "email",
      direction: "in",
      visibleToCustomer: true,
      text: "Kein Netz im 2. Stock.",
      messageId: `<${title.replace(/\W/g, "")}@customer.example>`,
    },
  });
  // Two rounds: the ticket event queues the notification mails, the next round sends them.
  const worker = createWorker({ handlers: jobHandlers, log: () => {} });
  await worker.drain();
  await worker.drain();
  return ticket;
}

/** Mails sent to `address` about the ticket titled `title`. */
const mailTo = (address: string, title: string) =>
  (stub.emails() as unknown as SentMail[]).filter(
    (m) => [m.to].flat().includes(address) && m.subject.includes(title),
  );

describe("notification mails", () => {
  it("reach a German and an English agent each in their own language", async () => {
    const greta = await agent("greta@desk.example", "Greta");
    const edward = await agent("edward@desk.example", "Edward");
    await setAgentLocale(greta.id, "de");
    await setAgentLocale(edward.id, "en");

    const ticket = await newTicket("kunde@example.org", "de", "Kein WLAN");

    const [toGreta] = mailTo("greta@desk.example", "Kein WLAN");
    const [toEdward] = mailTo("edward@desk.example", "Kein WLAN");
    expect(toGreta.subject).toBe(`[Ticket#${ticket.number}] Neues Ticket in Netz: Kein WLAN`);
    expect(toGreta.text).toContain("Ein neues Ticket ist in Netz eingegangen:");
    expect(toGreta.text).toContain(`Zum Ticket: http`);
    expect(toEdward.subject).toBe(`[Ticket#${ticket.number}] New ticket in Netz: Kein WLAN`);
    expect(toEdward.text).toContain("A new ticket arrived in Netz:");
    expect(toEdward.text).toContain(`Open the ticket: http`);
    // The customer (German) gets the auto-response in German, whatever the agents speak.
    const [toCustomer] = mailTo("kunde@example.org", "Kein WLAN");
    expect(toCustomer.subject).toBe(
      `[Ticket#${ticket.number}] Ihre Anfrage ist eingegangen: Kein WLAN`,
    );
  });

  it("never take the customer's language for an agent without a stored one", async () => {
    const nora = await agent("nora@desk.example", "Nora");
    expect((await db.agent.findUniqueOrThrow({ where: { id: nora.id } })).locale).toBeNull();

    await newTicket("kundin@example.org", "de", "Drucker streikt");

    const [toNora] = mailTo("nora@desk.example", "Drucker streikt");
    expect(toNora.subject).toContain("New ticket in Netz: Drucker streikt");
    const [toCustomer] = mailTo("kundin@example.org", "Drucker streikt");
    expect(toCustomer.subject).toContain("Ihre Anfrage ist eingegangen");
  });

  it("follow a changed language, and an English customer's mail stays English", async () => {
    const greta = await db.agent.findUniqueOrThrow({ where: { email: "greta@desk.example" } });
    await setAgentLocale(greta.id, "en");

    await newTicket("customer@example.org", "en", "Phone dead");

    expect(mailTo("greta@desk.example", "Phone dead")[0].subject).toContain(
      "New ticket in Netz: Phone dead",
    );
    expect(mailTo("customer@example.org", "Phone dead")[0].subject).toContain(
      "Your request has been received: Phone dead",
    );
  });
});

describe("an agent's language at sign-in", () => {
  it("is the stored one if there is one, else the one in use, which is then stored", async () => {
    const fresh = await agent("fresh@desk.example", "Fresh");
    expect(await adoptAgentLocale(fresh.id, "de")).toBe("de");
    expect((await db.agent.findUniqueOrThrow({ where: { id: fresh.id } })).locale).toBe("de");
    // Later, from an English browser: the stored choice wins.
    expect(await adoptAgentLocale(fresh.id, "en")).toBe("de");
    await setAgentLocale(fresh.id, "en");
    expect(await adoptAgentLocale(fresh.id, "de")).toBe("en");
  });
});
