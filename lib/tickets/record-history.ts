import { actorFields, type Actor } from "../actor";
import type { Tx } from "../db";

export interface HistoryInput {
  ticketId: number;
  type: string;
  actor: Actor;
  oldValue?: string | null;
  newValue?: string | null;
}

export async function recordHistory(tx: Tx, entries: HistoryInput | HistoryInput[]) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.historyEntry.createMany({
    data: list.map((e) => ({
      ticketId: e.ticketId,
      type: e.type,
      ...actorFields(e.actor),
      oldValue: e.oldValue ?? null,
      newValue: e.newValue ?? null,
    })),
  });
}
