// `npm run bench:seed`: a desk at scale (issue 18, part 3) — by default 1,000,000
// tickets with 3,000,000 articles across 20 queues and 50 agents, German and
// English text, states and ages spread as in a real desk. Bulk inserts straight
// through the driver (the app's rules are what the intake benchmark measures;
// this only needs the rows), in batches inside transactions.
import { createHash, randomBytes } from "node:crypto";
import { openDriver, type Driver } from "./driver";

export interface SeedResult {
  tickets: number;
  articles: number;
  seconds: number;
  /** A ticket with 50 articles (the zoom benchmark's). */
  bigTicket: string;
  /** A customer with many tickets, and a session token for "my requests". */
  customerSession: string;
  queueNames: string[];
  /** The same queues' ids (the queue view's URL: /agent/queues/<id>). */
  queueIds: number[];
  commonWord: string;
  rareWord: string;
}

const DE = [
  "Der Drucker im zweiten Stock druckt nur leere Seiten.",
  "Seit dem Update startet der Rechner nicht mehr richtig.",
  "Das WLAN im Hörsaal bricht alle paar Minuten ab.",
  "Bitte setzen Sie mein Passwort für das Uni-Konto zurück.",
  "Die Straße vor dem Rechenzentrum ist gesperrt, Lieferung verspätet.",
  "Der Beamer zeigt nur ein blaues Bild an.",
  "Ich erhalte keine E-Mails mehr auf meinem Mobiltelefon.",
  "Die Telefonanlage klingelt, aber niemand hört etwas.",
];
const EN = [
  "The VPN connection drops every few minutes since Monday.",
  "Please grant access to the shared project folder.",
  "My laptop shows a certificate warning for the intranet.",
  "The lecture recording did not upload to the portal.",
  "Outlook keeps asking for my password again and again.",
  "The new monitor flickers when connected through the dock.",
  "Could you install the statistics package on the lab machines?",
  "Mail to the mailing list bounces with an unknown error.",
];
const COMMON = "Drucker"; // in ~15 % of articles

// The names a real desk's text is full of (devices, rooms, programs, people): word n of a
// made-up vocabulary of NAMES words, drawn with a Zipf-like spread (log-uniform n), so a
// few are in many tickets and most in a handful, as in real text.
const SYLLABLES = ["ka", "lo", "mi", "ren", "tus", "bor", "vel", "dan", "qui", "sor", "mek", "ti"];
const NAMES = 30_000;
/**
 * A new sequence of names (mulberry32 from a fixed seed: its own numbers, so the rest of
 * the seed draws the same as before names were added).
 */
function names(seed = 7) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return () => {
    let n = Math.floor(Math.exp(next() * Math.log(NAMES + 1))) - 1 + SYLLABLES.length ** 2;
    let word = "";
    for (; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
    return word[0].toUpperCase() + word.slice(1);
  };
}
const RARE = "Zeitreisemodul"; // in 5 tickets
const STATES: [string, number][] = [
  ["closed_successful", 0.62],
  ["closed_unsuccessful", 0.08],
  ["open", 0.14],
  ["new", 0.06],
  ["pending_reminder", 0.06],
  ["pending_auto_close", 0.04],
];

/** Deterministic random numbers (a seed run is repeatable). */
function random(seed = 42) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const iso = (d: Date) => d;

async function insertMany(driver: Driver, table: string, columns: string[], rows: unknown[][]) {
  if (rows.length === 0) return;
  await driver.transaction(async (run) => {
    // Chunks within the drivers' parameter limits (SQLite 32766, PostgreSQL 65535).
    const perChunk = Math.max(1, Math.floor(30000 / columns.length));
    for (let i = 0; i < rows.length; i += perChunk) {
      const chunk = rows.slice(i, i + perChunk);
      let n = 0;
      const values = chunk.map((row) => `(${row.map(() => `$${++n}`).join(", ")})`).join(", ");
      await run(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`,
        chunk.flat(),
      );
    }
  });
}

/**
 * Reserves `count` ids of `table` for explicit inserts and returns the first:
 * the app may be writing rows of its own meanwhile (its worker still sends
 * auto-responses), so the sequence is moved past the range before a row is written.
 */
async function reserveIds(driver: Driver, table: string, count: number): Promise<number> {
  if (driver.kind === "postgresql") {
    const [{ seq }] = await driver.query(
      `SELECT pg_get_serial_sequence('"${table}"', 'id') AS seq`,
    );
    const [{ start }] = await driver.query(
      `SELECT GREATEST(nextval($1::regclass), (SELECT COALESCE(MAX("id"), 0) + 1 FROM "${table}")) AS start`,
      [seq],
    );
    await driver.query(`SELECT setval($1::regclass, $2)`, [seq, Number(start) + count]);
    return Number(start);
  }
  return driver.transaction(async (run) => {
    const [{ top }] = await run(
      `SELECT MAX(COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = $1), 0), COALESCE((SELECT MAX("id") FROM "${table}"), 0)) AS top`,
      [table],
    );
    const start = Number(top) + 1;
    await run(`UPDATE sqlite_sequence SET "seq" = $1 WHERE "name" = $2`, [start + count, table]);
    return start;
  });
}

/**
 * Seeds `tickets` tickets (3 articles each on average; one ticket with 50) into
 * the migrated database at `databaseUrl`, plus 20 queues, 50 agents and
 * tickets/10 customers. Returns what the scale benchmark needs to find.
 */
export async function seedAtScale(databaseUrl: string, tickets: number): Promise<SeedResult> {
  const started = Date.now();
  const driver = openDriver(databaseUrl, 4);
  const rnd = random();
  const name = names();
  const now = Date.now();
  const [admin] = await driver.query(
    `SELECT "id", "passwordHash" FROM "Agent" WHERE "role" = 'admin' ORDER BY "id" LIMIT 1`,
  );

  // 20 queues in 20 groups; 50 agents, each rw in 4 groups, the admin in all.
  const queueNames = Array.from(
    { length: 20 },
    (_, i) => `Bench ${String(i + 1).padStart(2, "0")}`,
  );
  const queueIds: number[] = [];
  const groupIds: number[] = [];
  for (const name of queueNames) {
    const [group] = await driver.query(`INSERT INTO "Group" ("name") VALUES ($1) RETURNING "id"`, [
      name,
    ]);
    const [queue] = await driver.query(
      `INSERT INTO "Queue" ("name", "groupId", "updatedAt") VALUES ($1, $2, $3) RETURNING "id"`,
      [name, group.id, iso(new Date())],
    );
    groupIds.push(Number(group.id));
    queueIds.push(Number(queue.id));
  }
  const agentIds: number[] = [Number(admin.id)];
  for (let i = 1; i <= 50; i++) {
    const [agent] = await driver.query(
      `INSERT INTO "Agent" ("email", "name", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4) RETURNING "id"`,
      [`agent${i}@bench.example`, `Bench Agent ${i}`, admin.passwordHash, iso(new Date())],
    );
    agentIds.push(Number(agent.id));
    await insertMany(
      driver,
      "GroupMember",
      ["groupId", "agentId", "permission"],
      [0, 1, 2, 3].map((k) => [groupIds[(i + k * 5) % 20], Number(agent.id), "rw"]),
    );
  }

  // Customers.
  const customerCount = Math.max(10, Math.round(tickets / 10));
  const firstCustomer = await reserveIds(driver, "Customer", customerCount);
  const batch = 5000;
  for (let c = 0; c < customerCount; c += batch) {
    const rows = [];
    for (let i = c; i < Math.min(customerCount, c + batch); i++)
      rows.push([
        firstCustomer + i,
        `customer${i}@bench.example`,
        `Kunde ${i}`,
        iso(new Date(now)),
        iso(new Date(now)),
      ]);
    await insertMany(driver, "Customer", ["id", "email", "name", "createdAt", "updatedAt"], rows);
  }

  // Tickets, articles, one history entry each.
  let ticketId = (await reserveIds(driver, "Ticket", tickets)) - 1;
  let articles = 0;
  const bigTicketNumber = "1990000000000001";
  for (let t0 = 0; t0 < tickets; t0 += batch) {
    const ticketRows = [];
    const articleRows = [];
    const historyRows = [];
    for (let t = t0; t < Math.min(tickets, t0 + batch); t++) {
      ticketId++;
      const ageDays = rnd() ** 2 * 730; // more recent tickets than old ones
      const created = new Date(now - ageDays * 86_400_000);
      let r = rnd();
      const state = STATES.find(([, share]) => (r -= share) < 0)?.[0] ?? "open";
      const closed = state.startsWith("closed");
      const queueId = queueIds[Math.floor(rnd() * 20)];
      const customerId =
        t === 0 ? firstCustomer : firstCustomer + Math.floor(rnd() * customerCount);
      const lang = rnd() < 0.6 ? DE : EN;
      const title = lang[Math.floor(rnd() * lang.length)].replace(/\.$/, "");
      const owner = rnd() < 0.7 ? agentIds[Math.floor(rnd() * agentIds.length)] : null;
      const updated = new Date(created.getTime() + rnd() * 5 * 86_400_000);
      ticketRows.push([
        ticketId,
        t === 0 ? bigTicketNumber : `199${String(t + 1).padStart(13, "0")}`,
        title,
        queueId,
        state,
        1 + Math.floor(rnd() * 5),
        owner,
        customerId,
        iso(created),
        iso(updated),
        closed ? iso(updated) : null,
        title.toLowerCase(),
      ]);
      const count = t === 0 ? 50 : 1 + Math.floor(rnd() * 5); // 3 on average
      for (let a = 0; a < count; a++) {
        articles++;
        const words = [
          lang[Math.floor(rnd() * lang.length)],
          lang[Math.floor(rnd() * lang.length)],
        ];
        words.push(lang === DE ? `Betrifft: ${name()}.` : `Concerns: ${name()}.`);
        if (rnd() < 0.15) words.push(`Der ${COMMON} meldet einen Papierstau.`);
        if (t < 5 && a === 0) words.push(`Das ${RARE} ist ausgefallen.`);
        const inbound = a % 2 === 0;
        articleRows.push([
          ticketId,
          a === count - 1 && rnd() < 0.2 ? "note" : "email",
          inbound ? "in" : "out",
          inbound ? null : owner,
          inbound ? customerId : null,
          inbound ? `customer@bench.example` : "",
          title,
          `Guten Tag,\n\n${words.join(" ")}\n\nViele Grüße`,
          iso(new Date(created.getTime() + a * 3_600_000)),
        ]);
      }
      historyRows.push([ticketId, "created", "system", "new", iso(created)]);
    }
    await insertMany(
      driver,
      "Ticket",
      [
        "id",
        "number",
        "title",
        "queueId",
        "state",
        "priority",
        "ownerId",
        "customerId",
        "createdAt",
        "updatedAt",
        "closedAt",
        "searchText",
      ],
      ticketRows,
    );
    await insertMany(
      driver,
      "Article",
      [
        "ticketId",
        "channel",
        "direction",
        "authorAgentId",
        "authorCustomerId",
        "fromAddress",
        "subject",
        "text",
        "createdAt",
      ],
      articleRows,
    );
    await insertMany(
      driver,
      "HistoryEntry",
      ["ticketId", "type", "actor", "newValue", "createdAt"],
      historyRows,
    );
    if (tickets >= 100_000 && (t0 / batch) % 20 === 0)
      console.log(`  seeded ${t0 + ticketRows.length} tickets, ${articles} articles`);
  }
  // What autovacuum does on a live desk: statistics for the planner and, on PostgreSQL, the
  // visibility map, without which every index-only count reads the table too (a bulk load
  // has none; the dashboard's counts took 170 ms instead of 6–26 ms at 1,000,000 tickets).
  await driver.query(driver.kind === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");

  // A customer session for "my requests" (the first customer owns the big ticket and more).
  const token = randomBytes(32).toString("base64url");
  await driver.query(
    `INSERT INTO "CustomerToken" ("kind", "tokenHash", "customerId", "expiresAt", "createdAt") VALUES ('session', $1, $2, $3, $4)`,
    [
      createHash("sha256").update(token).digest("hex"),
      firstCustomer,
      iso(new Date(now + 86_400_000)),
      iso(new Date(now)),
    ],
  );
  await driver.close();
  return {
    tickets,
    articles,
    seconds: (Date.now() - started) / 1000,
    bigTicket: bigTicketNumber,
    customerSession: token,
    queueNames,
    queueIds,
    commonWord: COMMON,
    rareWord: RARE,
  };
}
