// The baseline (issue 18, part 2): the rows one API intake writes — customer,
// ticket, first article, history entry, auto-response job — written straight
// through the driver, one transaction per ticket, `connections` at a time on
// PostgreSQL (SQLite has one writer: sequential). No HTTP, no framework, no rules.
import { randomUUID } from "node:crypto";
import { openDriver } from "./driver";
import { percentile } from "./options";
import type { LoadResult } from "./intake";

export async function baselineIntake(
  databaseUrl: string,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const driver = openDriver(databaseUrl, connections);
  const [queue] = await driver.query(`SELECT "id" FROM "Queue" ORDER BY "id" LIMIT 1`);
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const one = async () => {
    const started = performance.now();
    const now = new Date();
    try {
      await driver.transaction(async (run) => {
        const email = `baseline-${randomUUID()}@example.org`;
        const [customer] = await run(
          `INSERT INTO "Customer" ("email", "name", "createdAt", "updatedAt") VALUES ($1, $2, $3, $3) RETURNING "id"`,
          [email, "Baseline Customer", now],
        );
        const [ticket] = await run(
          `INSERT INTO "Ticket" ("number", "title", "queueId", "customerId", "createdAt", "updatedAt", "searchText")
           VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING "id"`,
          [
            randomUUID(),
            "Drucker druckt nicht",
            queue.id,
            customer.id,
            now,
            "drucker druckt nicht",
          ],
        );
        await run(
          `INSERT INTO "Article" ("ticketId", "channel", "direction", "authorCustomerId", "fromAddress", "subject", "text", "createdAt")
           VALUES ($1, 'web', 'in', $2, $3, $4, $5, $6)`,
          [
            ticket.id,
            customer.id,
            email,
            "Drucker druckt nicht",
            "Seit heute Morgen geht es nicht mehr.",
            now,
          ],
        );
        await run(
          `INSERT INTO "HistoryEntry" ("ticketId", "type", "actor", "newValue", "createdAt") VALUES ($1, 'created', 'system', 'new', $2)`,
          [ticket.id, now],
        );
        await run(
          `INSERT INTO "Job" ("type", "payload", "runAt", "createdAt", "updatedAt") VALUES ('bench.noop', $1, $2, $2, $2)`,
          [JSON.stringify({ ticketId: ticket.id }), now],
        );
      });
      latencies.push(performance.now() - started);
    } catch (error) {
      if (errors++ === 0)
        console.error(`baseline: ${error instanceof Error ? error.message : error}`);
    }
  };
  const worker = async () => {
    while (Date.now() < until) await one();
  };
  await Promise.all(Array.from({ length: driver.kind === "sqlite" ? 1 : connections }, worker));
  // Leave nothing for the app's worker to trip over.
  await driver.query(`DELETE FROM "Job" WHERE "type" = 'bench.noop'`);
  await driver.close();
  return {
    name: "baseline: same rows through the driver",
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok: latencies.length,
    errors,
  };
}
