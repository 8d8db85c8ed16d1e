import { ALL_QUEUES, makeScope } from "./make-scope";

/**
 * The one scope that reads and writes every queue without an agent: background
 * jobs (timers, escalations, mail) and inbound mail, which are routed by the
 * desk itself. An ESLint rule (no-restricted-imports) allows importing it only
 * in lib/jobs, lib/mail/inbound, scripts and tests.
 */
export const systemScope = makeScope({
  agentId: null,
  readQueueIds: ALL_QUEUES,
  writeQueueIds: ALL_QUEUES,
});
