// The registry of ticket history entry types (HistoryEntry.type), each with what its
// oldValue/newValue hold. recordHistory only takes these, so a typo is a type error.
export const HISTORY_TYPES = {
  created: "new: '<queue>; <channel>'",
  state: "old/new: state",
  priority: "old/new: priority 1–5",
  queue: "old/new: queue id",
  owner: "old/new: agent id or empty",
  responsible: "old/new: agent id or empty",
  title: "old/new: title",
  lock: "old/new: id of the agent holding the lock, or empty",
  pending_time: "old/new: ISO time",
  article: "new: '<channel>/<direction>'",
  mail_sent: "new: '<mail kind> to <address>'",
  link: "new: '<role> <other ticket number>' (link-tickets.ts)",
  unlink: "old: '<role> <other ticket number>' (unlink-tickets.ts)",
  merge: "new: 'into <target number>' on the merged ticket, 'from <number>' on the target",
  split: "new: 'to <new number>' on the old ticket, 'from <old number>' on the new one",
  auto_close: "new: ISO time the timer closed the ticket",
  reminder: "new: ISO time of the pending reminder",
  escalation: "new: ISO due time that passed",
  mail_suppressed: "new: '<mail kind> to <address>' not sent: a desk address",
  article_redecoded: "new: article id whose text was decoded again (re-processing)",
} as const;

export type HistoryType = keyof typeof HISTORY_TYPES;
