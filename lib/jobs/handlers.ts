import { sendMailJob } from "../mail/outbound/send-mail-job";
import { handleStatsRefresh } from "../reports/refresh-queue-stats";
import { handleLinkRequest } from "../portal/handle-link-request";
import { handleTicketEvent } from "../tickets/handle-ticket-event";
import { handleEscalation, handlePendingDue } from "../tickets/handle-timers";
import { probeJob } from "./probe-job";
import type { JobHandlers } from "./worker";

/** The handler of every job type (job-types.ts lists the types and their payload schemas). */
export const jobHandlers: JobHandlers = {
  "mail.send": sendMailJob,
  "ticket.event": handleTicketEvent,
  "ticket.pending-due": handlePendingDue,
  "ticket.escalation": handleEscalation,
  "system.probe": probeJob,
  "portal.link-request": handleLinkRequest,
  "stats.refresh": handleStatsRefresh,
};
