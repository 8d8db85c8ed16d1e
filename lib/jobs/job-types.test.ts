// Every job type parses its payload with its schema before the handler runs: a payload
// that does not fit, or a type nobody handles, makes the job dead at once with the reason.
import { describe, expect, it } from "vitest";
import { db, transaction } from "../db";
import { enqueue } from "./enqueue";
import { jobHandlers } from "./handlers";
import { JOB_TYPES, type JobType } from "./job-types";
import { createWorker } from "./worker";

const BAD: Record<JobType, unknown> = {
  "mail.send": { kind: "postcard", to: "a@example.org" },
  "ticket.event": { event: "created", ticketId: "12" },
  "ticket.pending-due": {},
  "ticket.escalation": { ticketId: -1 },
  "system.probe": { ms: "soon" },
  "portal.link-request": { kind: "magic", email: "a@example.org", locale: "fr" },
  "stats.refresh": { full: "yes" },
};

const drain = () => createWorker({ handlers: jobHandlers, log: () => {} }).drain();

describe("job payloads", () => {
  it("has a handler for every registered type", () => {
    expect(Object.keys(jobHandlers).sort()).toEqual([...JOB_TYPES].sort());
  });

  it.each(JOB_TYPES)(
    "%s: a payload its schema refuses is dead after one run, with the reason",
    async (type) => {
      await expect(
        // @ts-expect-error -- deliberately the wrong shape
        transaction((tx) => enqueue(tx, { type, payload: BAD[type] })),
      ).rejects.toThrow();
      const job = await db.job.create({ data: { type, payload: BAD[type] as object } });
      await drain();
      const dead = await db.job.findUniqueOrThrow({ where: { id: job.id } });
      expect(dead).toMatchObject({ status: "dead", attempts: 1 });
      expect(dead.lastError).toContain(`InvalidJobError: invalid "${type}" payload`);
    },
  );

  it("kills a job of an unknown type at once", async () => {
    const job = await db.job.create({ data: { type: "ticket.teleport", payload: {} } });
    await drain();
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: 'InvalidJobError: unknown job type "ticket.teleport"',
    });
  });

  it("stores the parsed payload (unknown keys dropped)", async () => {
    const job = await transaction((tx) =>
      enqueue(tx, { type: "system.probe", payload: { ms: 0, extra: "x" } as { ms: number } }),
    );
    expect(job.payload).toEqual({ ms: 0 });
  });
});
