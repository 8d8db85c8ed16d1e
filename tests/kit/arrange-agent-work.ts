// Child process for the agent-work browser spec: arranges, against DATABASE_URL, what no page
// creates yet — a standard response assigned to Misc (the admin pages come later), a colleague
// with rw on Misc, and a customer's mail ticket in Misc with a Message-ID — and prints them as JSON.
import { randomBytes } from "node:crypto";
import { systemScope } from "../../lib/access/system-scope";
import { SYSTEM } from "../../lib/actor";
import { createAgent } from "../../lib/agents/create-agent";
import { db } from "../../lib/db";
import { createStandardResponse } from "../../lib/standard-responses/create-standard-response";
import { createTicket } from "../../lib/tickets/create-ticket";

async function main() {
  const label = randomBytes(4).toString("hex");
  const misc = await db.queue.findUniqueOrThrow({ where: { name: "Misc" } });
  const responseName = `Greeting ${label}`;
  await createStandardResponse({
    name: responseName,
    body: "Dear {{customer.name}},\nabout {{ticket.title}} ({{ticket.number}}) in {{queue.name}}:\nplease restart the router.\n{{agent.name}}",
    queueIds: [misc.id],
  });
  const colleague = {
    email: `colleague-${label}@desk.example`,
    name: `Colleague ${label}`,
    password: `pw-${label}-long-enough`,
  };
  await createAgent({ ...colleague, groups: [{ groupId: misc.groupId, permission: "rw" }] });
  const customerEmail = `carol-${label}@customer.example`;
  const messageId = `<${label}@customer.example>`;
  const ticket = await createTicket({
    customer: { email: customerEmail, name: "Carol Meyer" },
    title: `Router ${label} drops`,
    queueId: misc.id,
    scope: systemScope,
    actor: SYSTEM,
    allowAutoResponse: false,
    article: {
      channel: "email",
      direction: "in",
      visibleToCustomer: true,
      subject: `Router ${label} drops`,
      text: "It drops every hour.",
      fromAddress: customerEmail,
      messageId,
    },
  });
  process.stdout.write(
    JSON.stringify({
      number: ticket.number,
      title: ticket.title,
      customerEmail,
      messageId,
      responseName,
      colleague,
    }),
  );
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
