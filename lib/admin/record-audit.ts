import type { Prisma, Tx } from "../db";
import type { AuditAction } from "./audit-actions";

/** Who made an administrative change, and through which door. */
export interface AuditActor {
  agentId: number;
  name: string;
  via: "web" | "api";
}

/** A JSON-safe value as the audit keeps it. */
export type AuditValue =
  string | number | boolean | null | AuditValue[] | { [k: string]: AuditValue };

export interface RecordAuditInput {
  actor: AuditActor;
  action: AuditAction;
  objectType: string;
  objectId: string | number;
  /** A label a person recognises (queue name, agent's address), kept if the object goes. */
  objectName?: string;
  /** The object's fields before the change; omit (or `{}`) for a creation. */
  before?: Record<string, unknown>;
  /** The object's fields after the change; omit (or `{}`) for a deletion. */
  after?: Record<string, unknown>;
  /**
   * Fields whose values must never be written (passwords, secrets, token hashes):
   * a change shows as "(changed)"/"(set)", never the value. Fields named like a
   * secret (password, secret, token, hash, key) are treated so even when not listed.
   */
  secretFields?: string[];
}

const SECRET_NAME = /password|secret|token|hash|key$/i;
export const REDACTED_CHANGED = "(changed)";

/** A value as JSON keeps it: dates as ISO strings (UTC), undefined as null. */
function toAuditValue(value: unknown): AuditValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return JSON.parse(JSON.stringify(value)) as AuditValue;
}

/**
 * The fields that differ between `before` and `after`, as `{ field: { old, new } }`
 * (compared as JSON, so two equal dates or objects are no change); secret fields
 * are redacted. Pure; exported for tests and for callers that want to skip a no-op.
 */
export function diffForAudit(
  before: Record<string, unknown> = {},
  after: Record<string, unknown> = {},
  secretFields: string[] = [],
): Record<string, { old: AuditValue; new: AuditValue }> {
  const changes: Record<string, { old: AuditValue; new: AuditValue }> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const oldValue = toAuditValue(before[field]);
    const newValue = toAuditValue(after[field]);
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    const secret = secretFields.includes(field) || SECRET_NAME.test(field);
    changes[field] = secret
      ? { old: null, new: REDACTED_CHANGED }
      : { old: oldValue, new: newValue };
  }
  return changes;
}

/**
 * Writes one audit entry inside the caller's transaction, so the record exists
 * exactly when the change committed (issue 14: "written in the same transaction").
 * A change that changes nothing (no field differs, and not a create/delete) writes
 * nothing and returns false.
 */
export async function recordAudit(tx: Tx, input: RecordAuditInput): Promise<boolean> {
  const changes = diffForAudit(input.before, input.after, input.secretFields);
  const isUpdate = input.before !== undefined && input.after !== undefined;
  if (isUpdate && Object.keys(changes).length === 0) return false;
  await tx.auditEntry.create({
    data: {
      actorId: input.actor.agentId,
      actorName: input.actor.name,
      via: input.actor.via,
      action: input.action,
      objectType: input.objectType,
      objectId: String(input.objectId),
      objectName: input.objectName ?? "",
      changes: changes as Prisma.InputJsonValue,
    },
  });
  return true;
}
