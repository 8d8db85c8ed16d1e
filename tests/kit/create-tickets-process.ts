// Child process for concurrency tests: creates COUNT tickets against
// DATABASE_URL, CONCURRENCY at a time, and prints their numbers as JSON.
import { systemScope } from "../../lib/access/system-scope";
import { SYSTEM } from "../../lib/actor";
import { db } from "../../lib/db";
import { createTicket } from "../../lib/tickets/create-ticket";

async function main() {
  const count = Number(process.env.COUNT ?? 100);
  const concurrency = Number(process.env.CONCURRENCY ?? 10);
  const queue = await db.queue.findFirstOrThrow({ orderBy: { id: "asc" } });
  const numbers: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const ticket = await createTicket({
          scope: systemScope,
          customer: { email: `load-${process.pid}-${i % 7}@example.org` },
          title: `Concurrent ${process.pid}/${i}`,
          queueId: queue.id,
          actor: SYSTEM,
          article: { channel: "web", direction: "in", visibleToCustomer: true, text: "x" },
        });
        numbers.push(ticket.number);
      }
    }),
  );
  process.stdout.write(JSON.stringify(numbers));
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
