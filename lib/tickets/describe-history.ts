// A ticket's history as sentences an agent reads ("Tom Becker set the state from
// new to pending reminder until 1 Dec 2026, 09:00"): every type of
// history-types.ts has its message under `zoom.log` in both catalogues, and every
// stored value is resolved (queue and agent ids to names, states and priorities
// to words, ISO times to the reader's format). Pure: names come from find-history-names.ts.
import { catalogueFormatter, catalogueTranslator } from "../i18n/catalogue-translator";
import type { Locale } from "../i18n/locales";
import { MAIL_KINDS } from "../jobs/job-types";
import { isTicketState } from "./states";

/** Names of the queues and agents a history refers to by id (ids as strings). */
export interface HistoryNames {
  queues: Record<string, string>;
  agents: Record<string, string>;
}

export interface HistoryEntryData {
  id: number;
  type: string;
  createdAt: Date;
  actor: string;
  actorAgent: { name: string } | null;
  oldValue: string | null;
  newValue: string | null;
}

export interface HistoryLine {
  id: number;
  createdAt: Date;
  text: string;
}

const LINK_ROLES = ["normal", "child", "parent", "follow_up", "follow_up_of"] as const;
const CHANNELS = ["email", "web", "phone", "note"] as const;
const DIRECTIONS = ["in", "out", "internal"] as const;
/** Entries written in one change (a state and its pending time) lie this close together. */
const SAME_CHANGE_MS = 2000;

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | null =>
  (list as readonly string[]).includes(value ?? "") ? (value as T) : null;

/**
 * The history entries, oldest first, as sentences in `locale` (times in
 * `timeZone`). A state change into a pending state and the pending time set
 * with it read as one sentence. A value that does not parse falls back to the
 * type's name and the actor, never to the stored code.
 */
export function describeHistory(options: {
  entries: HistoryEntryData[];
  names: HistoryNames;
  locale: Locale;
  timeZone: string;
  /** How a customer actor ("customer:<email>") is named, e.g. the ticket's customer by name. */
  customerNames?: Record<string, string>;
}): HistoryLine[] {
  const t = catalogueTranslator(options.locale, options.timeZone);
  const format = catalogueFormatter(options.locale, options.timeZone);
  const time = (value: string | null) => {
    const ms = value && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) : NaN;
    return Number.isNaN(ms) ? null : format.dateTime(new Date(ms), "short");
  };
  const state = (value: string | null) =>
    value && isTicketState(value) ? t(`states.${value}`) : null;
  const priority = (value: string | null) => {
    const p = Number(value);
    return p >= 1 && p <= 5 ? t(`zoom.priorities.${p as 1 | 2 | 3 | 4 | 5}`) : null;
  };
  const agent = (value: string | null) =>
    !value ? t("zoom.log.nobody") : (options.names.agents[value] ?? null);
  const queue = (value: string | null) => (value ? (options.names.queues[value] ?? null) : null);
  const actorOf = (e: HistoryEntryData) => {
    if (e.actorAgent) return e.actorAgent.name;
    if (e.actor.startsWith("customer:")) {
      const email = e.actor.slice("customer:".length);
      return options.customerNames?.[email] || email;
    }
    return t("zoom.log.system");
  };
  /** Splits "<kind> to <address>[: reason]" of mail entries. */
  const mail = (value: string | null) => {
    const m = /^(\S+) to (.+?)(?::.*)?$/.exec(value ?? "");
    const kind = oneOf(MAIL_KINDS, m?.[1]);
    return m && kind ? { kind: t(`zoom.log.mailKinds.${kind}`), address: m[2] } : null;
  };

  const sentence = (e: HistoryEntryData, until: string | null): string | null => {
    const actor = actorOf(e);
    const [oldValue, newValue] = [e.oldValue, e.newValue];
    switch (e.type) {
      case "created": {
        const [queueName, channel] = (newValue ?? "").split("; ");
        const c = oneOf(CHANNELS, channel);
        return queueName && c
          ? t("zoom.log.created", { actor, queue: queueName, channel: t(`zoom.channels.${c}`) })
          : null;
      }
      case "state": {
        const [from, to] = [state(oldValue), state(newValue)];
        if (!from || !to) return null;
        return until
          ? t("zoom.log.stateUntil", { actor, from, to, until })
          : t("zoom.log.state", { actor, from, to });
      }
      case "priority": {
        const [from, to] = [priority(oldValue), priority(newValue)];
        return from && to ? t("zoom.log.priority", { actor, from, to }) : null;
      }
      case "queue": {
        const [from, to] = [queue(oldValue), queue(newValue)];
        return from && to ? t("zoom.log.queue", { actor, from, to }) : null;
      }
      case "owner":
      case "responsible": {
        const [from, to] = [agent(oldValue), agent(newValue)];
        return from && to ? t(`zoom.log.${e.type}`, { actor, from, to }) : null;
      }
      case "title":
        return t("zoom.log.title", { actor, from: oldValue ?? "", to: newValue ?? "" });
      case "lock": {
        if (!newValue) return t("zoom.log.unlock", { actor });
        const holder = agent(newValue);
        return holder ? t("zoom.log.lock", { actor, agent: holder }) : null;
      }
      case "pending_time": {
        if (!newValue) return t("zoom.log.pendingTimeRemoved", { actor });
        const at = time(newValue);
        return at ? t("zoom.log.pendingTime", { actor, time: at }) : null;
      }
      case "article": {
        const [channel, direction] = (newValue ?? "").split("/");
        const c = oneOf(CHANNELS, channel);
        const d = oneOf(DIRECTIONS, direction);
        return c && d
          ? t("zoom.log.article", { actor, kind: t("articles.kind", { channel: c, direction: d }) })
          : null;
      }
      case "mail_sent":
      case "mail_suppressed": {
        const m = mail(newValue);
        return m ? t(`zoom.log.${e.type}`, m) : null;
      }
      case "link": {
        const [role, number] = (newValue ?? "").split(" ");
        const r = oneOf(LINK_ROLES, role);
        return r && number ? t("zoom.log.link", { actor, role: r, number }) : null;
      }
      case "unlink": {
        const [role, number] = (oldValue ?? "").split(" ");
        const r = oneOf(LINK_ROLES, role);
        return r && number ? t("zoom.log.unlink", { actor, role: r, number }) : null;
      }
      case "merge":
      case "split": {
        const [direction, number] = (newValue ?? "").split(" ");
        const d = oneOf(["into", "from", "to"] as const, direction);
        return d && number ? t(`zoom.log.${e.type}`, { actor, direction: d, number }) : null;
      }
      case "auto_close":
      case "reminder":
      case "escalation": {
        const at = time(newValue);
        return at ? t(`zoom.log.${e.type}`, { time: at }) : null;
      }
      case "article_redecoded":
        return t("zoom.log.article_redecoded", { actor });
      default:
        return null;
    }
  };

  const lines: HistoryLine[] = [];
  const merged = new Set<number>();
  options.entries.forEach((e, i) => {
    if (merged.has(e.id)) return;
    let until: string | null = null;
    if (e.type === "state") {
      const partner = options.entries.find(
        (p, j) =>
          Math.abs(j - i) <= 2 &&
          p.type === "pending_time" &&
          p.newValue &&
          p.actor === e.actor &&
          p.actorAgent?.name === e.actorAgent?.name &&
          Math.abs(p.createdAt.getTime() - e.createdAt.getTime()) <= SAME_CHANGE_MS,
      );
      until = partner ? time(partner.newValue) : null;
      if (partner && until) merged.add(partner.id);
    }
    const text =
      sentence(e, until) ??
      t("zoom.log.other", { actor: actorOf(e), type: t("zoom.historyType", { type: e.type }) });
    lines.push({ id: e.id, createdAt: e.createdAt, text });
  });
  return lines;
}
