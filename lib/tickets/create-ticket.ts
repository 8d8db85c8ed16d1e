import { queueFilter, type Scope } from "../access/scope";
import type { Actor } from "../actor";
import { config } from "../config";
import { findOrCreateCustomers } from "../customers/find-or-create-customer";
import { currentTransaction, insertRows, isPostgres, transaction, type Tx } from "../db";
import type { Article, Customer, Queue, Ticket } from "../generated/sqlite/client";
import { UserFacingError } from "../errors";
import { enqueueMany } from "../jobs/enqueue";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { isLocale } from "../i18n/locales";
import { queueAutoResponses } from "../mail/outbound/queue-auto-response";
import { refreshEscalation } from "../sla/refresh-escalation";
import { failPoint } from "../system/fail-point";
import { allocateTicketNumbers } from "./allocate-ticket-number";
import { linkTickets } from "./link-tickets";
import { recordHistory } from "./record-history";
import { singleLine, writeArticles, type NewArticle } from "./write-article";

export interface CreateTicketInput {
  /**
   * The customer: an address (matched or created, see findOrCreateCustomers), or the record
   * a caller has just found or created that way, used as it is (no second read).
   */
  customer: { email: string; name?: string | null } | Customer;
  title: string;
  queueId: number;
  /** The caller's scope: it must be able to write the queue. */
  scope: Scope;
  priority?: number;
  ownerId?: number | null;
  /** The first article; its author is the customer unless an agent is given. */
  article: NewArticle;
  actor: Actor;
  /** A follow-up past a closed ticket's window starts a new ticket linked to it (follow_up link). */
  followUpOf?: number | null;
  /** False for mail that must never be answered automatically (loops, bounces). */
  allowAutoResponse?: boolean;
  /** False when the first article is not the customer's contact (mail from a desk address). */
  isCustomerContact?: boolean;
  /** More writes that belong to the creation, in its transaction (a split's link and history). */
  onCreated?: (tx: Tx, ticket: { id: number; number: string }) => Promise<void>;
  now?: Date;
}

export function buildSearchText(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ").toLowerCase();
}

/** A ticket as `createTicket` returns it. */
export type CreatedTicket = Ticket & {
  customer: Customer;
  queue: Queue;
  article: Article;
  articleId: number;
  autoResponseQueued: boolean;
};

type Outcome = { ok: true; ticket: CreatedTicket } | { ok: false; error: unknown };

/** New tickets written in one transaction at most (a batch of concurrent creations). */
const MAX_BATCH = 50;

/**
 * Group commit: creations that arrive while a batch is being written (or within the same
 * turn of the event loop) wait and are written together as the next batch, in one
 * transaction with multi-row inserts (BENCHMARKS.md, sixth round). Alone, a creation waits
 * one turn of the event loop, and behind a batch already being written only. SQLite writes
 * one transaction at a time anyway; PostgreSQL runs up to half its connection pool's
 * batches at once.
 */
const waiting: { input: CreateTicketInput; done: (outcome: Outcome) => void }[] = [];
let batchesRunning = 0;
let turnAwaited = false;

/**
 * Starts the waiting batches after one turn of the event loop. better-sqlite3 answers each
 * statement without I/O, so a request's statements settle one after another as promise
 * callbacks and the server reads no other request until this one has answered; the turn
 * lets requests that arrived meanwhile run up to here and join the batch.
 */
function writeWaitingBatches() {
  if (turnAwaited) return;
  turnAwaited = true;
  setImmediate(() => {
    turnAwaited = false;
    const parallel = isPostgres() ? Math.max(1, Math.floor(config.dbPoolSize / 2)) : 1;
    while (batchesRunning < parallel && waiting.length > 0) {
      const batch = waiting.splice(0, MAX_BATCH);
      batchesRunning++;
      void writeBatch(batch.map((w) => w.input))
        .then(
          (outcomes) => outcomes.forEach((outcome, i) => batch[i].done(outcome)),
          (error) => batch.forEach((w) => w.done({ ok: false, error })),
        )
        .finally(() => {
          batchesRunning--;
          writeWaitingBatches();
        });
    }
  });
}

/**
 * Creates a ticket with its customer (matched or created by address), first
 * article, history entry, auto-response mail job (for customer requests, unless
 * suppressed) and "created" event (agent notifications) — in one transaction,
 * which it may share with other tickets created at the same moment (group commit; each
 * creation still succeeds or fails on its own). Returns the ticket row as stored at
 * commit (SLA due times included; an `onCreated` change shows only when the SLA re-read
 * it), its customer, queue and first article.
 * Throws UserFacingError "unknownQueue" when the scope cannot write the queue.
 */
export async function createTicket(input: CreateTicketInput): Promise<CreatedTicket> {
  // Inside the caller's own transaction: written there, not in a batch of its own.
  const outcome = currentTransaction()
    ? (await writeTickets([input]))[0]
    : await new Promise<Outcome>((done) => {
        waiting.push({ input, done });
        writeWaitingBatches();
      });
  if (!outcome.ok) throw outcome.error;
  return outcome.ticket;
}

/**
 * Writes a batch; when its own work fails (a constraint, an `onCreated` that throws: the
 * transaction rolled back) each creation is tried again alone, so that one bad creation
 * fails only itself. A failure after that work, at COMMIT, fails the whole batch instead:
 * the commit may have landed (a connection lost on PostgreSQL), and a retry would write
 * every ticket twice.
 */
async function writeBatch(inputs: CreateTicketInput[]): Promise<Outcome[]> {
  if (inputs.length === 1) return writeTickets(inputs);
  const progress = { workDone: false };
  try {
    return await writeTickets(inputs, progress);
  } catch (error) {
    if (progress.workDone) return inputs.map(() => ({ ok: false, error }));
    const outcomes: Outcome[] = [];
    for (const input of inputs) {
      try {
        outcomes.push((await writeTickets([input]))[0]);
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }
}

const isRecord = (customer: CreateTicketInput["customer"]): customer is Customer =>
  "id" in customer;

/** Each creation's customer: the record it brought, else found or created by address in one go. */
async function customersOf(inputs: CreateTicketInput[]): Promise<Customer[]> {
  const byAddress = inputs.filter((input) => !isRecord(input.customer));
  const found = byAddress.length
    ? await findOrCreateCustomers(byAddress.map((input) => input.customer))
    : [];
  let next = 0;
  return inputs.map((input) => (isRecord(input.customer) ? input.customer : found[next++]));
}

const unknownQueue = () =>
  new UserFacingError("Unknown queue", "validation", { queue: ["Unknown queue"] }, "unknownQueue");

/**
 * Writes new tickets in one transaction: ticket numbers and customers first (outside it,
 * see allocateTicketNumbers and findOrCreateCustomers), then one multi-row insert each
 * for tickets, first articles (and their attachments), history and jobs. A creation whose
 * queue the caller cannot write fails alone (its outcome); any other error fails all.
 * `progress.workDone` tells whether the error came after the transaction's work (at COMMIT).
 */
async function writeTickets(
  inputs: CreateTicketInput[],
  progress = { workDone: false },
): Promise<Outcome[]> {
  const clock = new Date();
  const times = inputs.map((input) => input.now ?? clock);
  const numbers = await allocateTicketNumbers(times);
  const customers = await customersOf(inputs);
  const outcomes = await transaction(async (tx) => {
    progress.workDone = false;
    const results: Outcome[] = inputs.map(() => ({ ok: false, error: unknownQueue() }));
    // The write permission in the query: one read per (queue, caller's queues).
    const queues = new Map<string, Queue | null>();
    const queueKey = (input: CreateTicketInput) =>
      `${input.queueId}|${String(input.scope.writeQueueIds)}`;
    for (const input of inputs)
      if (!queues.has(queueKey(input)))
        queues.set(
          queueKey(input),
          await tx.queue.findFirst({
            where: { AND: [{ id: input.queueId }, queueFilter(input.scope.writeQueueIds)] },
          }),
        );
    const ok = inputs.flatMap((input, i) => (queues.get(queueKey(input)) ? [i] : []));
    if (ok.length === 0) return results;
    const queueOf = (i: number) => queues.get(queueKey(inputs[i]))!;
    const fromCustomer = (i: number) => inputs[i].article.direction === "in";

    const written = await insertRows(
      ok.map((i) => {
        const input = inputs[i];
        const customer = customers[i];
        return {
          number: numbers[i],
          title: singleLine(input.title).slice(0, 250) || "(no subject)",
          queueId: queueOf(i).id,
          priority: input.priority ?? queueOf(i).defaultPriority,
          ownerId: input.ownerId ?? null,
          customerId: customer.id,
          createdAt: times[i],
          lastCustomerContactAt:
            fromCustomer(i) && input.isCustomerContact !== false ? times[i] : null,
          searchText: buildSearchText([numbers[i], input.title, customer.email, customer.name]),
        };
      }),
      {
        one: (data) => tx.ticket.create({ data }),
        many: (data) => tx.ticket.createManyAndReturn({ data }),
      },
    );
    const byNumber = new Map(written.map((ticket) => [ticket.number, ticket]));
    const tickets = ok.map((i) => byNumber.get(numbers[i])!);
    failPoint("ticket.after-insert");
    const articles = await writeArticles(
      tx,
      ok.map((i, k) => ({
        ticketId: tickets[k].id,
        article: {
          ...inputs[i].article,
          // An explicit null: inbound mail that is not the customer's own words (desk address).
          authorCustomerId:
            inputs[i].article.authorCustomerId !== undefined
              ? inputs[i].article.authorCustomerId
              : fromCustomer(i)
                ? customers[i].id
                : null,
        },
      })),
    );
    await recordHistory(
      tx,
      ok.map((i, k) => ({
        ticketId: tickets[k].id,
        type: "created" as const,
        actor: inputs[i].actor,
        newValue: `${queueOf(i).name}; ${inputs[i].article.channel}`,
      })),
    );
    const refreshed: (Ticket | undefined)[] = [];
    for (const [k, i] of ok.entries()) {
      const input = inputs[i];
      if (input.followUpOf) {
        // The closed ticket a late follow-up came in on links to its successor.
        await linkTickets(tx, {
          type: "follow_up",
          sourceId: input.followUpOf,
          targetId: tickets[k].id,
          actor: input.actor,
          scope: input.scope,
        });
      }
      await input.onCreated?.(tx, tickets[k]);
      // The row just written and its queue: the SLA is computed without reading them again
      // (onCreated may have changed the ticket: then it is read as before).
      refreshed.push(
        await refreshEscalation(
          tx,
          tickets[k].id,
          input.onCreated ? undefined : { ...tickets[k], queue: queueOf(i) },
        ),
      );
    }
    const answering = ok.flatMap((i, k) =>
      fromCustomer(i) && (inputs[i].allowAutoResponse ?? true) && !customers[i].isDeskAddress
        ? [k]
        : [],
    );
    // Each creation's auto-response counts against the cap in the window of its own time.
    const autoResponseQueued = new Set<number>();
    for (const time of new Set(answering.map((k) => times[ok[k]].getTime()))) {
      const group = answering.filter((k) => times[ok[k]].getTime() === time);
      const answered = await queueAutoResponses(
        tx,
        group.map((k) => ({
          ticketId: tickets[k].id,
          articleId: articles[k].id,
          customer: customers[ok[k]],
          queue: queueOf(ok[k]),
        })),
        new Date(time),
      );
      group.forEach((k, n) => answered[n] && autoResponseQueued.add(k));
    }
    for (const [k, i] of ok.entries()) {
      const { article } = inputs[i];
      if (article.channel === "email" && article.direction === "out") {
        // The desk writes first (an agent's outbound ticket): sent with the article's Message-ID.
        await enqueueMail(tx, {
          kind: "agent-reply",
          to: article.toAddress || customers[i].email,
          ticketId: tickets[k].id,
          articleId: articles[k].id,
          locale: isLocale(customers[i].locale) ? customers[i].locale : undefined,
        });
      }
    }
    await enqueueMany(
      tx,
      ok.map((_, k) => ({
        type: "ticket.event" as const,
        payload: { event: "created" as const, ticketId: tickets[k].id, articleId: articles[k].id },
      })),
    );
    progress.workDone = true;
    for (const [k, i] of ok.entries())
      results[i] = {
        ok: true,
        ticket: {
          ...(refreshed[k] ?? tickets[k]),
          customer: customers[i],
          queue: queueOf(i),
          article: articles[k],
          articleId: articles[k].id,
          autoResponseQueued: autoResponseQueued.has(k),
        },
      };
    return results;
  });
  failPoint("ticket.after-commit");
  return outcomes;
}
