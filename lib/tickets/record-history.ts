import { actorFields, type Actor } from "../actor";
import { insertRows, type Tx } from "../db";
import type { HistoryType } from "./history-types";

export interface HistoryInput {
  ticketId: number;
  type: HistoryType;
  actor: Actor;
  oldValue?: string | null;
  newValue?: string | null;
  /** Default now; writes that take an injected clock pass it. */
  at?: Date;
}

/** Writes one or more history entries (types: history-types.ts) inside the caller's transaction. */
export async function recordHistory(tx: Tx, entries: HistoryInput | HistoryInput[]) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await insertRows(
    list.map((e) => ({
      ticketId: e.ticketId,
      type: e.type,
      ...actorFields(e.actor),
      oldValue: e.oldValue ?? null,
      newValue: e.newValue ?? null,
      ...(e.at ? { createdAt: e.at } : {}),
    })),
    {
      one: (data) => tx.historyEntry.create({ data, select: { id: true } }),
      many: (data) => tx.historyEntry.createManyAndReturn({ data, select: { id: true } }),
    },
  );
}
