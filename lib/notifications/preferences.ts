import { z } from "zod";

export const NOTIFICATION_EVENTS = [
  "new_ticket",
  "follow_up",
  "assigned",
  "pending_reminder",
  "escalation",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

const channelSchema = z.object({ mail: z.boolean(), app: z.boolean() });
export type ChannelChoice = z.infer<typeof channelSchema>;
export type NotificationSettings = Record<NotificationEvent, ChannelChoice>;

const DEFAULT: ChannelChoice = { mail: true, app: true };

/** The agent's choices with defaults for anything unset or malformed. */
export function parseNotificationSettings(stored: unknown): NotificationSettings {
  const record = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  return Object.fromEntries(
    NOTIFICATION_EVENTS.map((event) => {
      const parsed = channelSchema.safeParse(record[event]);
      return [event, parsed.success ? parsed.data : DEFAULT];
    }),
  ) as NotificationSettings;
}
