// The administration's sections, in the side navigation and on the index page.
export const ADMIN_SECTIONS = [
  { key: "queues", href: "/agent/admin/queues" },
  { key: "standardResponses", href: "/agent/admin/standard-responses" },
  { key: "agents", href: "/agent/admin/agents" },
  { key: "groups", href: "/agent/admin/groups" },
  { key: "customers", href: "/agent/admin/customers" },
  { key: "mailAccounts", href: "/agent/admin/mail-accounts" },
  { key: "review", href: "/agent/admin/review" },
  { key: "jobs", href: "/agent/admin/jobs" },
  { key: "outbox", href: "/agent/admin/outbox" },
  { key: "audit", href: "/agent/admin/audit" },
  { key: "settings", href: "/agent/admin/settings" },
] as const;
