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
  const day = ticketDay(now, (await getSettings()).timeZone);
  const rows = await db.$queryRaw<{ value: number | bigint }[]>`
    INSERT INTO "TicketCounter" ("day", "value") VALUES (${day}, 1)
    ON CONFLICT ("day") DO UPDATE SET "value" = "TicketCounter"."value" + 1
    RETURNING "value"`;
  return formatTicketNumber(day, config.systemId, Number(rows[0].value));
}
