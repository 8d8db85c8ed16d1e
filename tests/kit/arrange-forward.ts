// Child process for the forward browser spec: arranges, against DATABASE_URL, a customer's
// mail ticket in Misc whose mail carried a PDF (as inbound mail stores it), and prints the
// ticket number and the PDF's bytes (base64) as JSON.
import { randomBytes } from "node:crypto";
import { systemScope } from "../../lib/access/system-scope";
import { SYSTEM } from "../../lib/actor";
import { db } from "../../lib/db";
import { createTicket } from "../../lib/tickets/create-ticket";

async function main() {
  const label = randomBytes(4).toString("hex");
  const misc = await db.queue.findUniqueOrThrow({ where: { name: "Misc" } });
  const pdf = Buffer.concat([
    Buffer.from("%PDF-1.4\n"),
    randomBytes(4096),
    Buffer.from("\n%%EOF\n"),
  ]);
  const customerEmail = `dora-${label}@customer.example`;
  const ticket = await createTicket({
    customer: { email: customerEmail, name: "Dora Weber" },
    title: `Invoice ${label} is wrong`,
    queueId: misc.id,
    scope: systemScope,
    actor: SYSTEM,
    allowAutoResponse: false,
    article: {
      channel: "email",
      direction: "in",
      visibleToCustomer: true,
      subject: `Invoice ${label} is wrong`,
      text: "The attached invoice charges us twice.",
      fromAddress: customerEmail,
      messageId: `<${label}@customer.example>`,
      attachments: [
        { filename: `invoice-${label}.pdf`, contentType: "application/pdf", content: pdf },
      ],
    },
  });
  process.stdout.write(
    JSON.stringify({
      number: ticket.number,
      filename: `invoice-${label}.pdf`,
      pdf: pdf.toString("base64"),
      label,
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
