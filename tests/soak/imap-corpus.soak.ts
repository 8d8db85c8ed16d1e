// Acceptance of issue 20: the whole shared mail corpus appended to a Dovecot
// mailbox is fetched by two worker processes running at once (`npm run worker`)
// and processed with the same outcome as through the webhooks' intake (same
// status per message, same tickets and articles), each message once.
// The intake gets the bytes an IMAP server hands out: CRLF line ends (Dovecot
// stores LF and answers CRLF, so a corpus file that differs from another only
// in its line ends is, rightly, a duplicate over IMAP). Long (two passes over
// ~400 messages, ~7 minutes on 2 busy cores): CI runs it on SQLite only.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { adminActor } from "@/tests/kit/audit-actor";
import { createTestDatabase, type TestDatabase } from "@/tests/kit/databases";
import { deskEnv, startWorker, waitFor, type DeskProcess } from "@/tests/kit/desk-process";
import { dovecotMissing, startDovecot, type Dovecot } from "@/tests/kit/dovecot";
import { createMailAccount } from "@/lib/mail/accounts/manage-mail-accounts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const corpusDir = path.resolve(root, process.env.MAIL_CORPUS_DIR ?? "../shared/mail-corpus");
const hasCorpus = fs.existsSync(corpusDir);
const requireCorpus = process.env.CI === "true";
const skipReason = !hasCorpus
  ? `mail corpus not found at ${corpusDir} (set MAIL_CORPUS_DIR)`
  : dovecotMissing;
if (skipReason) console.warn(`imap-corpus.soak.ts skipped: ${skipReason}`);

const KEY = "test-mail-account-key-imap-corpus";
let dovecot: Dovecot;
let baselineDb: TestDatabase;
let files: string[] = [];
let baseline: { statuses: string[]; tickets: number; articles: number };
const workers: DeskProcess[] = [];

describe.runIf(!hasCorpus && requireCorpus)("mail corpus over IMAP under CI", () => {
  it("is required when CI=true", () => {
    throw new Error(`mail corpus not found at ${corpusDir}`);
  });
});

describe.skipIf(!!skipReason)("the mail corpus fetched over IMAP by two workers", () => {
  beforeAll(async () => {
    process.env.MAIL_ACCOUNT_KEY = KEY;
    files = fs
      .readdirSync(corpusDir)
      .filter((f) => f.endsWith(".eml"))
      .sort()
      .map((f) => path.join(corpusDir, f));
    // The webhooks' intake on a database of its own: the outcome to match.
    baselineDb = await createTestDatabase(process.env.TEST_TEMPLATE_DATABASE_URL);
    const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "corpus-list-")), "files");
    fs.writeFileSync(list, files.join("\n"));
    const result = path.join(path.dirname(list), "result.json");
    await run(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "tests/kit/receive-corpus-process.ts"],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: baselineDb.url,
          CORPUS_LIST: list,
          RESULT_FILE: result,
          CORPUS_CRLF: "true",
        },
        maxBuffer: 10 * 1024 * 1024,
      },
    );
    baseline = JSON.parse(fs.readFileSync(result, "utf8"));

    await seedDatabase();
    dovecot = await startDovecot();
    await dovecot.append(
      "Corpus",
      files.map((file) => fs.readFileSync(file)),
    );
  }, 600_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop("SIGTERM")));
    await dovecot?.stop();
    await baselineDb?.drop();
    delete process.env.MAIL_ACCOUNT_KEY;
  });

  it("fetches every message once and ends with the webhook's statuses, tickets and articles", async () => {
    const account = await createMailAccount(
      {
        name: "Corpus",
        host: dovecot.host,
        port: dovecot.port,
        security: "none",
        username: dovecot.user,
        password: dovecot.password,
        folder: "Corpus",
        afterStore: "move",
        moveTo: "Corpus-done",
        queueId: null,
        pollSeconds: 60,
        active: true,
      },
      await adminActor(),
    );
    const env = deskEnv(process.env.DATABASE_URL!, { MAIL_ACCOUNT_KEY: KEY });
    workers.push(await startWorker(env, "worker-1"), await startWorker(env, "worker-2"));
    const rows = () =>
      db.inboundMessage.findMany({
        where: { provider: "imap", providerId: { startsWith: `${account.id}:` } },
        select: { providerId: true, status: true },
      });
    await waitFor(
      "every message stored and processed",
      async () => {
        const stored = await rows();
        return stored.length >= files.length && stored.every((r) => r.status !== "received")
          ? true
          : undefined;
      },
      600_000,
    );
    await waitFor("the folder emptied", async () =>
      (await dovecot.count("Corpus")) === 0 ? true : undefined,
    );

    const stored = await rows();
    expect(stored).toHaveLength(files.length);
    // In UID order, which is the order appended.
    const uid = (providerId: string | null) => Number(providerId!.split(":")[2]);
    const statuses = stored
      .sort((a, b) => uid(a.providerId) - uid(b.providerId))
      .map((r) => r.status);
    expect(statuses).toEqual(baseline.statuses);
    expect(await db.ticket.count()).toBe(baseline.tickets);
    expect(await db.article.count({ where: { direction: "in" } })).toBe(baseline.articles);
    expect(await dovecot.count("Corpus-done")).toBe(files.length);
  }, 900_000);
});
