import { config } from "../config";
import { db } from "../db";
import { getSettings } from "../settings/get-settings";
import { formatTicketNumber, ticketDay } from "./ticket-number";

/**
 * Next ticket number. One atomic upsert on the day's counter row, outside the
 * ticket's transaction: concurrent creators never get the same number on either
 * database, and a rolled-back ticket leaves a gap, which the format tolerates.
 */
export async function allocateTicketNumber(now = new Date()): Promise<string> {
  return (await allocateTicketNumbers([now]))[0];
}

/**
 * One ticket number per creation time (UTC `Date`s), in order: one atomic upsert per
 * distinct day (in the desk's time zone) takes that day's whole range at once, so a batch
 * of tickets costs one statement, and the numbers of one day rise in the order given.
 */
export async function allocateTicketNumbers(times: Date[]): Promise<string[]> {
  const { timeZone } = await getSettings();
  const days = times.map((time) => ticketDay(time, timeZone));
  const wanted = new Map<string, number>();
  for (const day of days) wanted.set(day, (wanted.get(day) ?? 0) + 1);
  const next = new Map<string, number>();
  for (const [day, count] of wanted) {
    const rows = await db.$queryRaw<{ value: number | bigint }[]>`
      INSERT INTO "TicketCounter" ("day", "value") VALUES (${day}, ${count})
      ON CONFLICT ("day") DO UPDATE SET "value" = "TicketCounter"."value" + ${count}
      RETURNING "value"`;
    next.set(day, Number(rows[0].value) - count + 1);
  }
  return days.map((day) => {
    const value = next.get(day)!;
    next.set(day, value + 1);
    return formatTicketNumber(day, config.systemId, value);
  });
}
