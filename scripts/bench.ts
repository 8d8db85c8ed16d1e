// `npm run bench` (BENCHMARKS.md): intake under load against the production
// server as `npm start` runs it, a driver baseline and a no-op route in the same
// run, then reads over a seeded desk; medians over runs, peak server memory.
// `npm run bench -- --scale 0.001` is the smoke run CI makes of every part.
// DATABASE_URL=postgres://… benchmarks PostgreSQL (a fresh database on that server).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import "./env";
import { baselineIntake } from "../bench/baseline";
import { openDriver } from "../bench/driver";
import { apiIntake, formIntake, mimeIntake, noopLoad, type LoadResult } from "../bench/intake";
import { sampleMemory } from "../bench/memory";
import { loadRequests, loadSeconds, median, parseBenchOptions } from "../bench/options";
import { writeReport, type BenchReport } from "../bench/report";
import { measureReads } from "../bench/scale";
import { seedAtScale } from "../bench/seed";
import { countIntakeStatementsApart } from "../bench/statements";
import { sqliteFile } from "../lib/config";
import { startApp } from "../tests/kit/app-server";
import { newWebhookSecret } from "../tests/kit/webhooks";
import { bin, run } from "./run";

async function count(url: string, sql: string) {
  const driver = openDriver(url, 1);
  try {
    return Number(Object.values((await driver.query(sql))[0])[0]);
  } finally {
    await driver.close();
  }
}

/**
 * The intake's own jobs (auto-responses, notifications: mail.send and ticket.event) still
 * queued or running, and the seconds until the worker has done them (at most 10 minutes).
 * Timers scheduled for later (escalation, statistics) are not work the intake left.
 */
async function drainBacklog(url: string) {
  const sql = `SELECT COUNT(*) FROM "Job" WHERE "type" IN ('mail.send', 'ticket.event') AND "status" IN ('queued', 'running')`;
  const jobs = await count(url, sql);
  const started = Date.now();
  let left = jobs;
  while (left > 0 && Date.now() - started < 600_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    left = await count(url, sql);
  }
  if (left > 0)
    throw new Error(`the worker left ${left} of ${jobs} intake jobs undone after 10 minutes`);
  return { jobs, drainSeconds: jobs ? (Date.now() - started) / 1000 : 0 };
}

async function databaseBytes(url: string) {
  if (url.startsWith("postgres")) return count(url, "SELECT pg_database_size(current_database())");
  const file = sqliteFile(url);
  return ["", "-wal"].reduce(
    (sum, s) => sum + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0),
    0,
  );
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2));
  const postgres = process.env.DATABASE_URL?.startsWith("postgres");
  if (postgres) {
    // A fresh database on that server, made and dropped like the tests' (tests/kit/databases.ts).
    process.env.TEST_DATABASE = "postgresql";
    process.env.TEST_POSTGRES_URL = process.env.DATABASE_URL;
  }
  delete process.env.DATABASE_URL;
  delete process.env.TEST_TEMPLATE_DATABASE_URL;
  if (!fs.existsSync(path.resolve(".next/BUILD_ID"))) {
    console.log("No production build yet: next build");
    if ((await run(bin("next"), ["build"])) !== 0) process.exit(1);
  }
  const seconds = loadSeconds(options.scale);
  const secret = newWebhookSecret();
  const app = await startApp({
    env: {
      INBOUND_WEBHOOK_SECRET: secret,
      BENCH_RAISE_PORTAL_LIMITS: "1",
      RESEND_API_KEY: "",
      // As `npm start` runs it: the test-only guard against queries on db inside a
      // transaction (lib/db.ts) is off in production.
      HELPDESK_STRICT_TX: "",
      ...(options.worker === "apart" ? { WORKER_IN_WEB: "false" } : {}),
    },
  });
  // --worker apart: one `npm run worker` beside the server, on the same database.
  const worker =
    options.worker === "apart"
      ? spawn(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
          {
            env: app.env,
            stdio: ["ignore", "ignore", "inherit"],
          },
        )
      : null;
  const memory = sampleMemory(app.pid);
  const db = app.database.url;
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    database: postgres ? "postgresql" : "sqlite",
    scale: options.scale,
    runs: options.runs,
    worker: options.worker,
    machine: { cpus: os.cpus().length, node: process.version },
    intake: [],
    backlog: [],
    ratios: null,
    seed: null,
    reads: [],
    peakRss: { intake: 0, scale: 0 },
    statements: null,
  };
  if (options.parts.has("statements")) {
    console.log("Counting SQL statements per intake …");
    report.statements = await countIntakeStatementsApart(process.env);
  }
  try {
    const topicDriver = openDriver(db, 1);
    const [topic] = await topicDriver.query(
      `SELECT "id" FROM "Queue" WHERE "isPublic" = $1 ORDER BY "id" LIMIT 1`,
      [postgres ? true : 1],
    );
    await topicDriver.close();
    if (options.parts.has("intake")) {
      for (let r = 0; r < options.runs; r++) {
        const results: BenchReport["intake"][number] = [];
        const checked = async (load: () => Promise<LoadResult>, sql: string) => {
          const before = await count(db, sql);
          const result = await load();
          const rowsCreated = (await count(db, sql)) - before;
          results.push({ ...result, rowsCreated, rowsMatch: rowsCreated === result.ok });
        };
        await checked(
          () => apiIntake(app.url, loadRequests(options.scale, "intake"), options.connections),
          `SELECT COUNT(*) FROM "Ticket"`,
        );
        const numbersDriver = openDriver(db, 1);
        const numbers = (
          await numbersDriver.query(`SELECT "number" FROM "Ticket" ORDER BY "id" DESC LIMIT 200`)
        ).map((row) => String(row.number));
        await numbersDriver.close();
        await checked(
          () =>
            mimeIntake(
              app.url,
              loadRequests(options.scale, "intake"),
              options.connections,
              secret,
              numbers,
            ),
          `SELECT COUNT(*) FROM "InboundMessage" WHERE "status" = 'processed'`,
        );
        if (topic)
          await checked(
            () =>
              formIntake(
                app.url,
                loadRequests(options.scale, "intake"),
                options.connections,
                Number(topic.id),
              ),
            `SELECT COUNT(*) FROM "Ticket"`,
          );
        report.backlog.push(await drainBacklog(db));
        results.push({
          ...(await noopLoad(app.url, loadRequests(options.scale, "noop"), options.connections)),
          rowsCreated: 0,
          rowsMatch: true,
        });
        if (options.parts.has("baseline"))
          results.push({
            ...(await baselineIntake(db, seconds, options.connections)),
            rowsCreated: 0,
            rowsMatch: true,
          });
        report.intake.push(results);
      }
      const rate = (name: string) =>
        median(
          report.intake
            .flat()
            .filter((r) => r.name.startsWith(name))
            .map((r) => r.requestsPerSecond),
        );
      const api = rate("intake: POST /api/v1/tickets");
      report.ratios = { appOverBaseline: api / rate("baseline"), appOverNoop: api / rate("no-op") };
      report.peakRss.intake = memory.peak();
    }
    if (options.parts.has("scale")) {
      memory.reset();
      const tickets = Math.max(100, Math.round(1_000_000 * options.scale));
      console.log(`Seeding ${tickets} tickets …`);
      const seed = await seedAtScale(db, tickets);
      report.seed = {
        tickets: seed.tickets,
        articles: seed.articles,
        seconds: seed.seconds,
        databaseBytes: await databaseBytes(db),
      };
      const requests = options.scale < 0.01 ? 3 : 30;
      for (let r = 0; r < options.runs; r++)
        report.reads.push(await measureReads(app.url, seed, requests));
      report.peakRss.scale = memory.peak();
    }
  } catch (error) {
    console.error(`Server output (last lines):\n${app.output().slice(-3000)}`);
    throw error;
  } finally {
    memory.stop();
    worker?.kill("SIGTERM");
    await app.stop();
  }
  writeReport(report);
  const broken = report.intake.flat().filter((r) => !r.rowsMatch || r.errors > 0);
  if (broken.length) {
    console.error(`\n${broken.length} measurement(s) with errors or rows ≠ 2xx answers.`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
