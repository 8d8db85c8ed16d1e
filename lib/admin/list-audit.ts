import "server-only";
import { db, type Prisma } from "../db";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  /** The acting agent. */
  actorId?: number;
  action?: string;
  objectType?: string;
  objectId?: string;
  /** Inclusive range on createdAt. */
  from?: Date;
  to?: Date;
  /** Id of the last entry of the previous page (newest first). */
  cursor?: number;
}

/**
 * Audit entries newest first, filtered by actor, action, object and date
 * range, keyset-paginated by id (pages stay stable while entries are added).
 */
export async function listAuditEntries(filter: AuditFilter) {
  const where: Prisma.AuditEntryWhereInput = {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.objectType ? { objectType: filter.objectType } : {}),
    ...(filter.objectId ? { objectId: filter.objectId } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: filter.from } : {}),
            ...(filter.to ? { lte: filter.to } : {}),
          },
        }
      : {}),
    ...(filter.cursor ? { id: { lt: filter.cursor } } : {}),
  };
  const rows = await db.auditEntry.findMany({
    where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    entries,
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? entries[entries.length - 1].id : null,
  };
}

/** The agents who appear as actors, for the filter's select. */
export async function listAuditActors() {
  return db.agent.findMany({
    where: { auditEntries: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}
