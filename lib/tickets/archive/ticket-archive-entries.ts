import { readableTickets, type Scope } from "../../access/scope";
import { db } from "../../db";
import { safeFilename } from "../write-article";
import type { HistoryEntryData, HistoryLine, HistoryNames } from "../describe-history";
import { findHistoryNames } from "../find-history-names";
import { rebuildMail } from "./rebuild-mail";

/** One file of a ticket archive: its path inside the archive and its bytes. */
export interface ArchiveEntry {
  name: string;
  content: Buffer;
  date: Date;
}

/** The words an archive's text files use, in the agent's language (messages: `archive`). */
export interface ArchiveLabels {
  /** "Ticket", "Title", "State" … by key; the caller passes its translator. */
  label: (key: ArchiveLabelKey) => string;
  /** A channel + direction in words ("E-mail (incoming)", "Internal note"). */
  kind: (channel: string, direction: string) => string;
  /** The history as sentences (describeHistory: the zoom's words, never stored codes). */
  history: (entries: HistoryEntryData[], names: HistoryNames) => HistoryLine[];
  /** A time in the agent's format and time zone. */
  time: (date: Date) => string;
  state: (state: string) => string;
}

export type ArchiveLabelKey =
  | "ticket"
  | "title"
  | "state"
  | "queue"
  | "priority"
  | "customer"
  | "owner"
  | "created"
  | "date"
  | "from"
  | "to"
  | "cc"
  | "subject"
  | "kind"
  | "visibleToCustomer"
  | "internalOnly"
  | "attachments"
  | "rawNotKept";

/** A stored filename as a zip entry: safe as stored, minus what Windows refuses in names. */
const entryName = (filename: string) => safeFilename(filename).replace(/[:*?"<>|]/g, "_");

const pad = (n: number) => String(n).padStart(3, "0");

/**
 * The files of a ticket's archive, one at a time (attachments and raw mail are
 * loaded only when their turn comes, so a large ticket is never held whole in
 * memory): `ticket.txt`, each article as `articles/NNN-….eml` (inbound mail as
 * the original message while its raw bytes are kept, other mail rebuilt) or
 * `.txt` (notes, phone and web messages), its attachments under
 * `attachments/NNN/`, and `history.txt`. Every read is scoped: the ticket by
 * `readableTickets(scope)`, articles by that ticket's id, attachments and raw
 * mail by those articles' ids. Returns null when the scope may not read the
 * ticket (as if it did not exist).
 */
export async function loadTicketArchive(options: {
  scope: Scope;
  number: string;
  labels: ArchiveLabels;
}): Promise<{ number: string; entries: AsyncGenerator<ArchiveEntry> } | null> {
  const { scope, number, labels } = options;
  const ticket = await db.ticket.findFirst({
    where: { number, ...readableTickets(scope) },
    include: {
      queue: { select: { name: true } },
      owner: { select: { name: true } },
      customer: { select: { email: true, name: true } },
      articles: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: {
          authorAgent: { select: { name: true } },
          attachments: {
            orderBy: { id: "asc" },
            select: { id: true, filename: true, contentType: true, size: true },
          },
        },
      },
    },
  });
  if (!ticket) return null;
  // Inbound mail whose original bytes are still kept (retention may have removed them).
  const keptRaw = new Set(
    (
      await db.inboundMessage.findMany({
        where: {
          articleId: { in: ticket.articles.filter((a) => a.direction === "in").map((a) => a.id) },
          raw: { not: null },
        },
        select: { articleId: true },
      })
    ).map((m) => m.articleId),
  );
  const rebuiltInbound = ticket.articles.some(
    (a) => a.channel === "email" && a.direction === "in" && !keptRaw.has(a.id),
  );

  async function* entries(): AsyncGenerator<ArchiveEntry> {
    const t = ticket!;
    const line = (key: ArchiveLabelKey, value: string) => `${labels.label(key)}: ${value}`;
    yield {
      name: "ticket.txt",
      date: t.updatedAt,
      content: Buffer.from(
        [
          line("ticket", t.number),
          line("title", t.title),
          line("state", labels.state(t.state)),
          line("queue", t.queue.name),
          line("priority", String(t.priority)),
          line(
            "customer",
            t.customer.name ? `${t.customer.name} <${t.customer.email}>` : t.customer.email,
          ),
          line("owner", t.owner?.name ?? "—"),
          line("created", labels.time(t.createdAt)),
          ...(rebuiltInbound ? ["", labels.label("rawNotKept")] : []),
          "",
        ].join("\n"),
      ),
    };

    for (const [index, article] of t.articles.entries()) {
      const n = pad(index + 1);
      const attachments = () =>
        db.attachment.findMany({
          where: { articleId: article.id },
          orderBy: { id: "asc" },
          select: { filename: true, contentType: true, contentId: true, content: true },
        });
      const kind = `${article.channel}-${article.direction}`;
      if (article.channel === "email") {
        const inbound =
          article.direction === "in" && keptRaw.has(article.id)
            ? await db.inboundMessage.findFirst({
                where: { articleId: article.id, raw: { not: null } },
                orderBy: { id: "asc" },
                select: { raw: true },
              })
            : null;
        const content = inbound?.raw
          ? Buffer.from(inbound.raw)
          : await rebuildMail({
              from: article.fromAddress,
              to: article.toAddress,
              cc: article.cc,
              subject: article.subject,
              text: article.text,
              html: article.html,
              messageId: article.messageId,
              inReplyTo: article.inReplyTo,
              references: article.references,
              date: article.createdAt,
              attachments: (await attachments()).map((a) => ({
                ...a,
                content: Buffer.from(a.content ?? new Uint8Array()),
              })),
            });
        const rebuilt = article.direction === "in" && !inbound?.raw ? "-rebuilt" : "";
        yield { name: `articles/${n}-${kind}${rebuilt}.eml`, date: article.createdAt, content };
      } else {
        const author = article.authorAgent?.name ?? (article.fromAddress || t.customer.email);
        yield {
          name: `articles/${n}-${kind}.txt`,
          date: article.createdAt,
          content: Buffer.from(
            [
              line("date", labels.time(article.createdAt)),
              line("kind", labels.kind(article.channel, article.direction)),
              line("from", author),
              ...(article.toAddress ? [line("to", article.toAddress)] : []),
              ...(article.subject ? [line("subject", article.subject)] : []),
              labels.label(article.visibleToCustomer ? "visibleToCustomer" : "internalOnly"),
              ...(article.attachments.length
                ? [line("attachments", article.attachments.map((a) => a.filename).join(", "))]
                : []),
              "",
              article.text,
              "",
            ].join("\n"),
          ),
        };
      }
      const used = new Set<string>();
      for (const meta of article.attachments) {
        const row = await db.attachment.findFirst({
          where: { id: meta.id, articleId: article.id },
          select: { content: true },
        });
        let name = entryName(meta.filename);
        if (used.has(name.toLowerCase())) name = `${meta.id}-${name}`;
        used.add(name.toLowerCase());
        yield {
          name: `attachments/${n}/${name}`,
          date: article.createdAt,
          content: Buffer.from(row?.content ?? new Uint8Array()),
        };
      }
    }

    const history = await db.historyEntry.findMany({
      where: { ticketId: t.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { actorAgent: { select: { name: true } } },
    });
    const lines = labels.history(history, await findHistoryNames({ entries: history }));
    yield {
      name: "history.txt",
      date: t.updatedAt,
      content: Buffer.from(
        lines.map((line) => `${labels.time(line.createdAt)}  ${line.text}`).join("\n") + "\n",
      ),
    };
  }

  return { number: ticket.number, entries: entries() };
}
