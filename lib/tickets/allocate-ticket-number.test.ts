import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
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
});
