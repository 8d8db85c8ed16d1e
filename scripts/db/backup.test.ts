// Issue 19 — backup and restore of a running desk. Mail with attachments keeps
// arriving at the served app while `npm run backup` runs; the backup is
// restored with `npm run restore` into a fresh database, which must hold every
// ticket committed (answered 2xx) before the backup began, with its articles
// and attachments, byte for byte.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runToEnd } from "../../tests/kit/app-server";
import { createTestDatabase, type TestDatabase } from "../../tests/kit/databases";
import {
  deskEnv,
  prepareDesk,
  startWeb,
  waitFor,
  type DeskProcess,
} from "../../tests/kit/desk-process";
import { buildMail, postMime } from "../../tests/kit/mail";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const SECRET = `whsec_${Buffer.from("backup-test-secret-0123456789abcdef").toString("base64")}`;
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

interface Sent {
  number: string;
  messageId: string;
  text: string;
  attachment: { filename: string; sha256: string };
}

let web: DeskProcess | undefined;
let restored: TestDatabase | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-backup-"));

function mailWithAttachment(i: number) {
  const messageId = `<backup-${i}-${Date.now()}@customer.example>`;
  const text = `Backup test mail ${i}: the printer shows error ${i * 7}.`;
  const attachment = Buffer.from(`%PDF-1.4 attachment of mail ${i} `.repeat(200 + i));
  const raw = buildMail({
    from: `<backup-${i}@customer.example>`,
    subject: `Backup ${i}`,
    messageId,
    body: {
      contentType: 'multipart/mixed; boundary="b"',
      content: [
        "--b",
        "Content-Type: text/plain; charset=utf-8",
        "",
        text,
        "--b",
        `Content-Type: application/pdf; name="report-${i}.pdf"`,
        `Content-Disposition: attachment; filename="report-${i}.pdf"`,
        "Content-Transfer-Encoding: base64",
        "",
        attachment.toString("base64").replace(/.{76}/g, "$&\n"),
        "--b--",
        "",
      ].join("\n"),
    },
  });
  return {
    raw,
    messageId,
    text,
    attachment: { filename: `report-${i}.pdf`, sha256: sha256(attachment) },
  };
}

async function dumpTickets(databaseUrl: string) {
  const out = await runToEnd(
    tsx,
    ["--conditions=react-server", "tests/kit/dump-tickets-process.ts"],
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
    },
  );
  return JSON.parse(out.slice(out.indexOf("["))) as {
    number: string;
    articles: {
      direction: string;
      messageId: string | null;
      text: string;
      attachments: { filename: string; sha256: string; contentSha256: string | null }[];
    }[];
  }[];
}

beforeAll(async () => {
  const env = deskEnv(process.env.DATABASE_URL!, { INBOUND_WEBHOOK_SECRET: SECRET });
  await prepareDesk(env);
  web = await startWeb(env, { name: "backup" });
});

afterAll(async () => {
  await web?.stop("SIGTERM");
  await restored?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run backup / npm run restore", () => {
  it("backs up a running desk during intake; the restore holds every ticket committed before", async () => {
    const confirmed: Sent[] = [];
    let stopIntake = false;
    let i = 0;
    // Two senders keep mail with attachments arriving during the whole backup.
    const intake = Promise.all(
      [0, 1].map(async () => {
        while (!stopIntake && i < 400) {
          const mail = mailWithAttachment(++i);
          const res = await postMime(web!.url, mail.raw, SECRET, { id: `msg_backup_${i}` });
          if (res.status === 202 && res.body.ticketNumber)
            confirmed.push({ number: res.body.ticketNumber, ...mail });
        }
      }),
    );
    await waitFor("intake under way", async () => (confirmed.length >= 12 ? true : undefined));

    // Everything answered before this line was committed before the backup began.
    const committedBefore = [...confirmed];
    const file = path.join(dir, "helpdesk.backup");
    await runToEnd(tsx, ["--conditions=react-server", "scripts/backup.ts", "backup", file], {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL!,
    });
    const duringBackup = confirmed.length - committedBefore.length;
    await waitFor("intake after the backup", async () =>
      confirmed.length >= committedBefore.length + duringBackup + 3 ? true : undefined,
    );
    stopIntake = true;
    await intake;

    restored = await createTestDatabase();
    // A restore refuses a database that is not empty.
    await expect(
      runToEnd(tsx, ["--conditions=react-server", "scripts/backup.ts", "restore", file], {
        ...process.env,
        DATABASE_URL: process.env.DATABASE_URL!,
      }),
    ).rejects.toThrow(/not empty|exists/);
    await runToEnd(tsx, ["--conditions=react-server", "scripts/backup.ts", "restore", file], {
      ...process.env,
      DATABASE_URL: restored.url,
    });
    // The restored database is a migrated, current desk database.
    await runToEnd(tsx, ["--conditions=react-server", "scripts/db/migrate.ts", "status"], {
      ...process.env,
      DATABASE_URL: restored.url,
    });

    const tickets = new Map((await dumpTickets(restored.url)).map((t) => [t.number, t]));
    for (const sent of committedBefore) {
      const ticket = tickets.get(sent.number);
      expect(ticket, `ticket ${sent.number} committed before the backup`).toBeDefined();
      const article = ticket!.articles.find((a) => a.messageId === sent.messageId);
      expect(article?.direction).toBe("in");
      expect(article!.text).toContain(sent.text);
      expect(article!.attachments).toEqual([
        {
          filename: sent.attachment.filename,
          sha256: sent.attachment.sha256,
          contentSha256: sent.attachment.sha256,
        },
      ]);
    }
    // A consistent snapshot: no ticket in it without its first article.
    expect([...tickets.values()].filter((t) => t.articles.length === 0)).toEqual([]);
    console.log(
      `backup test: ${committedBefore.length} tickets before the backup, ${duringBackup} during it, ` +
        `${confirmed.length} in all; restore holds ${tickets.size}`,
    );
  }, 180_000); // a busy 2-core machine: ~45 s alone, over 60 s beside other tests
});
