import { sendMailJob } from "../mail/outbound/send-mail-job";
import { handleLinkRequest } from "../portal/handle-link-request";
import { handleTicketEvent } from "../tickets/handle-ticket-event";
import { handleEscalation, handlePendingDue } from "../tickets/handle-timers";
import { probeJob } from "./probe-job";
import type { JobHandler } from "./worker";

/** Every job type the worker knows. */
export const jobHandlers: Record<string, JobHandler> = {
  "mail.send": sendMailJob,
  "ticket.event": handleTicketEvent,
  "ticket.pending-due": handlePendingDue,
  "ticket.escalation": handleEscalation,
  "system.probe": probeJob,
  "portal.link-request": handleLinkRequest,
};
