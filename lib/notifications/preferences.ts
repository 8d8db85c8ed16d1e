import { z } from "zod";

// Client components import this module, and the page CSP forbids eval (proxy.ts):
// zod 4 would probe for eval to compile parsers, and the probe is reported as a
// violation. Jitless parses the same (as lib/portal/schemas.ts).
z.config({ jitless: true });

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

const ticked = z.preprocess((v) => v === "on" || v === true, z.boolean());

/**
 * The settings form: one checkbox per event and channel (`<event>.app`,
 * `<event>.mail`), read into NotificationSettings.
 */
export const notificationSettingsFormSchema = z
  .object(
    Object.fromEntries(
      NOTIFICATION_EVENTS.flatMap((event) => [
        [`${event}.app`, ticked],
        [`${event}.mail`, ticked],
      ]),
    ),
  )
  .transform(
    (form) =>
      Object.fromEntries(
        NOTIFICATION_EVENTS.map((event) => [
          event,
          { app: form[`${event}.app`] === true, mail: form[`${event}.mail`] === true },
        ]),
      ) as NotificationSettings,
  );
