// Compile-time proof, checked by `npm run typecheck` (never run): every domain
// read and write of tickets needs a Scope. If one of these calls compiled
// without its scope, its `@ts-expect-error` would be unused and tsc would fail.
import { listNotifications, countUnreadNotifications } from "../notifications/list-notifications";
import { addArticle } from "../tickets/add-article";
import { addFollowUp } from "../tickets/add-follow-up";
import { createTicket } from "../tickets/create-ticket";
import { getDashboard } from "../reports/get-dashboard";
import { listQueueTickets } from "../queue-view/list-queue-tickets";
import { moveTicket } from "../queue-view/move-ticket";
import { bulkUpdateTickets } from "../queue-view/bulk-update-tickets";
import { getQueueReport } from "../reports/queue-report";
import { queueViewSchema } from "../queue-view/schemas";
import {
  findArticleWithAttachments,
  findTicketByNumber,
  findTicketHeader,
} from "../tickets/find-ticket";
import { findAgentAttachment } from "../articles/find-agent-attachment";
import { findArticleHtml } from "../articles/find-article-html";
import { findTicketForZoom } from "../tickets/find-ticket-for-zoom";
import { getTicketHistory } from "../tickets/get-ticket-history";
import { listTickets } from "../tickets/list-tickets";
import { updateTicket } from "../tickets/update-ticket";
import { findQueueByName } from "../queues/find-queue";
import { SYSTEM } from "../actor";
import type { Scope } from "./scope";

const article = {
  channel: "note",
  direction: "internal",
  visibleToCustomer: false,
  text: "",
} as const;

export async function callsWithoutScope() {
  // @ts-expect-error a read needs a scope
  await findTicketByNumber({ number: "2026112810000011" });
  // @ts-expect-error a read needs a scope
  await findTicketHeader({ number: "2026112810000011" });
  // @ts-expect-error a read needs a scope
  await findArticleWithAttachments({ id: 1 });
  // @ts-expect-error a read needs a scope
  await findTicketForZoom({ number: "2026112810000011" });
  // @ts-expect-error a read needs a scope
  await findArticleHtml({ number: "2026112810000011", articleId: 1, showImages: false });
  // @ts-expect-error a read needs a scope
  await findAgentAttachment({ number: "2026112810000011", attachmentId: 1 });
  // @ts-expect-error a read needs a scope
  await listTickets({});
  // @ts-expect-error a read needs a scope
  await getDashboard({ agentId: 1, now: new Date() });
  // @ts-expect-error a read needs a scope
  await listQueueTickets({ agentId: 1, now: new Date(), view: queueViewSchema.parse({}) });
  // @ts-expect-error a write needs a scope
  await moveTicket({ ticketId: 1, targetId: 2, place: "before" });
  // @ts-expect-error a write needs a scope
  await bulkUpdateTickets({ agentId: 1, input: { action: "lock", ticketIds: [1] } });
  // @ts-expect-error a read needs a scope
  await getQueueReport({ from: "2026-01-01", to: "2026-01-31", now: new Date() });
  // @ts-expect-error a read needs a scope
  await getTicketHistory({ ticketId: 1 });
  // @ts-expect-error notifications show tickets: they need a scope
  await listNotifications({ agentId: 1 });
  // @ts-expect-error notifications show tickets: they need a scope
  await countUnreadNotifications({ agentId: 1 });
  // @ts-expect-error "every queue" is no longer spelled null
  await findQueueByName("Raw", null);
  // @ts-expect-error a write needs a scope
  await updateTicket({ ticketId: 1, actor: SYSTEM, changes: { priority: 5 } });
  // @ts-expect-error a write needs a scope
  await addArticle({ ticketId: 1, actor: SYSTEM, article });
  // @ts-expect-error a write needs a scope
  await addFollowUp({ ticketId: 1, senderEmail: "a@example.org", actor: SYSTEM, article });
  const ticket = { customer: { email: "a@example.org" }, title: "", queueId: 1, actor: SYSTEM };
  // @ts-expect-error a write needs a scope
  await createTicket({ ...ticket, article });
}

export function scopesAreNotPlainObjects() {
  // @ts-expect-error a scope comes from scopeForAgent or a named scope, not an object literal
  const forged: Scope = { readQueueIds: "all", writeQueueIds: "all", agentId: null };
  return forged;
}
