// The administrative changes the audit records (AuditEntry.action). A typed
// list, like history types and job types: the column stays a string, the code
// cannot write one that is not here, and the audit page names each in words
// (messages: audit.actions.<action>).

export const AUDIT_ACTIONS = [
  "queue.create",
  "queue.update",
  "queue.deactivate",
  "queue.activate",
  "queue.address.create",
  "queue.address.update",
  "queue.address.delete",
  "queue.autoResponse.update",
  "agent.create",
  "agent.invite",
  "agent.update",
  "agent.deactivate",
  "agent.activate",
  "agent.passwordReset",
  "agent.membership.update",
  "group.create",
  "group.update",
  "group.membership.update",
  "customer.update",
  "customer.merge",
  "customer.export",
  "customer.erase",
  "standardResponse.create",
  "standardResponse.update",
  "standardResponse.delete",
  "setting.update",
  "apiToken.create",
  "apiToken.revoke",
  "mailAccount.create",
  "mailAccount.update",
  "mailAccount.delete",
  "inbound.reprocess",
  "inbound.discard",
  "job.retry",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);
