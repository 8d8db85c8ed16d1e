// Child process for the IMAP corpus test: feeds the files named (one per line)
// in the file CORPUS_LIST through the webhooks' intake (receiveInboundMail, as
// POST /api/inbound/mime does) on DATABASE_URL, in order, and prints the
// outcome as JSON to the file RESULT_FILE: each message's status, and the tickets
// and articles made (stdout carries the intake's own logs). CORPUS_CRLF=true
// gives each message CRLF line ends, as an IMAP server hands it out.
import fs from "node:fs";
import { db } from "../../lib/db";
import { receiveInboundMail } from "../../lib/mail/inbound/receive-inbound-mail";
import { seedDatabase } from "../../lib/setup/seed";

async function main() {
  await seedDatabase();
  const files = fs.readFileSync(process.env.CORPUS_LIST!, "utf8").split("\n").filter(Boolean);
  const statuses: string[] = [];
  for (const [i, file] of files.entries()) {
    const bytes = fs.readFileSync(file);
    const raw =
      process.env.CORPUS_CRLF === "true"
        ? Buffer.from(bytes.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1")
        : bytes;
    const result = await receiveInboundMail({ providerId: `corpus_${i}`, raw });
    statuses.push(result.status);
  }
  const tickets = await db.ticket.count();
  const articles = await db.article.count({ where: { direction: "in" } });
  fs.writeFileSync(process.env.RESULT_FILE!, JSON.stringify({ statuses, tickets, articles }));
  process.exit(0);
}

void main();
