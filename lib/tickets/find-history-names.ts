import { db } from "../db";
import type { HistoryNames } from "./describe-history";

/**
 * The names a ticket's history refers to by id: queues (queue moves) and
 * agents (owner, responsible, lock). The entries come from a scoped read
 * (getTicketHistory); names of queues the reader cannot open are still shown,
 * as in OTRS, since the move itself is part of the ticket they may read.
 */
export async function findHistoryNames(options: {
  entries: { type: string; oldValue: string | null; newValue: string | null }[];
}): Promise<HistoryNames> {
  const ids = (types: string[]) => [
    ...new Set(
      options.entries
        .filter((e) => types.includes(e.type))
        .flatMap((e) => [e.oldValue, e.newValue])
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0),
    ),
  ];
  const [queues, agents] = await Promise.all([
    db.queue.findMany({ where: { id: { in: ids(["queue"]) } }, select: { id: true, name: true } }),
    db.agent.findMany({
      where: { id: { in: ids(["owner", "responsible", "lock"]) } },
      select: { id: true, name: true },
    }),
  ]);
  return {
    queues: Object.fromEntries(queues.map((q) => [String(q.id), q.name])),
    agents: Object.fromEntries(agents.map((a) => [String(a.id), a.name])),
  };
}
