// First-start data: the admin, a group, default queues and standard
// responses. Idempotent and safe when several processes start at once.
import { randomBytes } from "node:crypto";
import { createApiToken, hashToken } from "../agents/api-tokens";
import { hashPassword } from "../agents/password";
import { config } from "../config";
import { applyQueueAddresses, parseQueueAddresses } from "../queues/apply-queue-addresses";
import { db, isPostgres, transaction } from "../db";
import { seedSettings } from "../settings/seed-settings";

export const DEFAULT_GROUP = "users";

// publicNameEn/De: the topic as customers read it on the request form (issue 12);
// desks seeded before public names existed get them at their next start.
export const DEFAULT_QUEUES = [
  { name: "Raw", description: "Unsorted mail; the fallback queue", isPublic: false },
  {
    name: "Misc",
    description: "General questions",
    isPublic: true,
    publicNameEn: "General questions",
    publicNameDe: "Allgemeine Fragen",
  },
  {
    name: "Web",
    description: "Web sites and web services",
    isPublic: true,
    publicNameEn: "Web sites and web services",
    publicNameDe: "Webseiten und Webdienste",
  },
  {
    name: "WLAN",
    description: "Wireless network",
    isPublic: true,
    publicNameEn: "Wireless network (WLAN)",
    publicNameDe: "Funknetz (WLAN)",
  },
  {
    name: "VoIP",
    description: "Telephony",
    isPublic: true,
    publicNameEn: "Telephone (VoIP)",
    publicNameDe: "Telefonie (VoIP)",
  },
];

const STANDARD_RESPONSES = [
  {
    name: "Thanks, we are on it",
    body: "Dear {{customer.name}},\n\nthank you for your request. We are working on it and will get back to you.\n\nTicket {{ticket.number}}",
  },
  {
    name: "Solved",
    body: "Dear {{customer.name}},\n\nwe believe your request {{ticket.number}} is solved. If not, simply reply to this mail.",
  },
];

export interface SeedResult {
  adminEmail: string;
  /** Set only when this call generated the admin's password. */
  generatedPassword?: string;
}

export async function seedDatabase(): Promise<SeedResult> {
  const result = await transaction(async (tx) => {
    // Serialise concurrent first starts on PostgreSQL (SQLite's transaction() already holds the write lock).
    if (isPostgres()) await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(727274)");

    const group = await tx.group.upsert({
      where: { name: DEFAULT_GROUP },
      create: { name: DEFAULT_GROUP },
      update: {},
    });
    if ((await tx.queue.count()) === 0) {
      for (const queue of DEFAULT_QUEUES) {
        await tx.queue.create({ data: { ...queue, groupId: group.id } });
      }
      for (const response of STANDARD_RESPONSES) {
        await tx.standardResponse.create({ data: response });
      }
    }

    // Default queues without any public name (seeded before they existed) get the defaults';
    // a name an admin gave is never overwritten.
    for (const { name, publicNameEn, publicNameDe } of DEFAULT_QUEUES) {
      if (!publicNameEn) continue;
      await tx.queue.updateMany({
        where: { name, publicNameEn: null, publicNameDe: null },
        data: { publicNameEn, publicNameDe },
      });
    }

    await seedSettings(tx);

    const existingAdmin = await tx.agent.findFirst({
      where: { role: "admin" },
      orderBy: { id: "asc" },
    });
    if (existingAdmin)
      return { adminEmail: existingAdmin.email, adminId: existingAdmin.id, created: false };

    const generatedPassword = config.adminPassword
      ? undefined
      : randomBytes(12).toString("base64url");
    const admin = await tx.agent.create({
      data: {
        email: config.adminEmail,
        name: "Administrator",
        role: "admin",
        passwordHash: await hashPassword(config.adminPassword || generatedPassword!),
        memberships: { create: { groupId: group.id, permission: "rw" } },
      },
    });
    return { adminEmail: admin.email, adminId: admin.id, created: true, generatedPassword };
  });

  await applyQueueAddresses(parseQueueAddresses(config.queueAddresses));
  // Provisioning token: attached to the first admin once (a revoked one stays revoked).
  if (config.adminApiToken) {
    const exists = await db.apiToken.findUnique({
      where: { tokenHash: hashToken(config.adminApiToken) },
    });
    if (!exists) {
      await createApiToken({
        agentId: result.adminId,
        name: "ADMIN_API_TOKEN",
        token: config.adminApiToken,
      }).catch((error: { code?: string }) => {
        if (error.code !== "P2002") throw error; // another process attached it first
      });
    }
  }
  return {
    adminEmail: result.adminEmail,
    generatedPassword: "generatedPassword" in result ? result.generatedPassword : undefined,
  };
}
