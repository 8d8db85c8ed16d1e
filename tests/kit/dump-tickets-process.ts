// Child process for backup tests: prints every ticket on DATABASE_URL with its
// articles and attachments (sha256 of the stored bytes) as JSON.
import { createHash } from "node:crypto";
import { db } from "../../lib/db";

async function main() {
  const tickets = await db.ticket.findMany({
    orderBy: { id: "asc" },
    include: { articles: { orderBy: { id: "asc" }, include: { attachments: true } } },
  });
  const dump = tickets.map((t) => ({
    number: t.number,
    title: t.title,
    articles: t.articles.map((a) => ({
      direction: a.direction,
      messageId: a.messageId,
      text: a.text,
      attachments: a.attachments.map((f) => ({
        filename: f.filename,
        sha256: f.sha256,
        contentSha256: f.content
          ? createHash("sha256").update(Buffer.from(f.content)).digest("hex")
          : null,
      })),
    })),
  }));
  process.stdout.write(JSON.stringify(dump));
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
