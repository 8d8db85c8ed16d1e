import { ALL_QUEUES, makeScope } from "./make-scope";

/**
 * The customer portal's scope: writes a customer's request or follow-up into
 * any queue and reads no ticket. The portal proves the customer's right first
 * (access token or customer session, see lib/portal/customer-scope.ts); a
 * follow-up can then land on a merge target in another queue. An ESLint rule
 * (no-restricted-imports) allows importing it only in lib/portal and tests.
 */
export const customerIntakeScope = makeScope({
  agentId: null,
  readQueueIds: [],
  writeQueueIds: ALL_QUEUES,
});
