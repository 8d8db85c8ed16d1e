import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { allocateTicketNumbers } from "./allocate-ticket-number";
import { isValidTicketNumber } from "./ticket-number";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

describe("ticket numbers under concurrency", () => {
  it("stays unique for 200 tickets created at once by four processes", async () => {
    await seedDatabase();
    const processes = 4;
    const perProcess = 50;
    const outputs = await Promise.all(
      Array.from({ length: processes }, () =>
        run(
          path.join(root, "node_modules/.bin/tsx"),
          ["--conditions=react-server", "tests/kit/create-tickets-process.ts"],
          {
            cwd: root,
            env: { ...process.env, COUNT: String(perProcess), CONCURRENCY: "10" },
            maxBuffer: 10 * 1024 * 1024,
          },
        ),
      ),
    );
    const numbers = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
    expect(numbers).toHaveLength(processes * perProcess);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every(isValidTicketNumber)).toBe(true);

    const stored = await db.ticket.findMany({ select: { number: true } });
    expect(new Set(stored.map((t) => t.number))).toEqual(new Set(numbers));
    // Gap-tolerant, but with nothing failing there are no gaps: counters 1..200.
    const counters = numbers.map((n) => Number(n.slice(10, -1))).sort((a, b) => a - b);
    expect(counters[0]).toBe(1);
    expect(counters.at(-1)).toBe(processes * perProcess);
    // Four processes start and write; a loaded machine needs time (never a speed check).
  }, 180_000);

  it("takes a batch's numbers with one range per day, rising in the order given", async () => {
    await seedDatabase();
    // Noon UTC is the same day in any desk time zone within ±11 hours.
    const day1 = new Date("2031-03-04T12:00:00Z");
    const day2 = new Date("2031-03-05T12:00:00Z");
    const numbers = await allocateTicketNumbers([day1, day2, day1, day1, day2]);
    expect(numbers.every(isValidTicketNumber)).toBe(true);
    const counter = (n: string) => Number(n.slice(-6, -1));
    expect(numbers.map((n) => n.slice(0, 8))).toEqual([
      "20310304",
      "20310305",
      "20310304",
      "20310304",
      "20310305",
    ]);
    expect(numbers.map(counter)).toEqual([1, 1, 2, 3, 2]);
    // The next one continues after the batch.
    expect(counter((await allocateTicketNumbers([day1]))[0])).toBe(4);
  });
});
