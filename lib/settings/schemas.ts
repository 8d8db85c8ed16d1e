// The desk settings an admin edits (issue 14, item 6): one zod schema per key, used by the
// settings page, the stored values and the API alike. Client-safe (zod and pure helpers only);
// the initial values come from the environment in registry.ts. Messages are agentErrors keys.
import { z } from "zod";
import { ATTACHMENT_RULES } from "../portal/attachment-policy";
import { LOCALES } from "../i18n/locales";

z.config({ jitless: true });

const count = (max: number) =>
  z.coerce.number({ message: "invalid" }).int("invalid").min(0, "invalid").max(max, "invalid");
const positive = (max: number) =>
  z.coerce.number({ message: "invalid" }).int("invalid").min(1, "invalid").max(max, "invalid");

function isTimeZoneName(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Extensions as a list or "pdf, .PNG, txt": known to the attachment policy, at least one. */
const extensions = z
  .preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(/[,\s]+/)
            .map((entry) => entry.trim().replace(/^\./, "").toLowerCase())
            .filter(Boolean)
        : value,
    z
      .array(z.string().refine((ext) => ext in ATTACHMENT_RULES, "unknownExtension"))
      .min(1, "required"),
  )
  .transform((list) => [...new Set(list)]);

/** Days to keep something; 0 (or an empty field) = keep for ever. */
const retentionDays = z.preprocess((value) => (value === "" ? 0 : value), count(36_500));

/** Every setting with its schema. The keys are the Setting table's keys. */
export const settingSchemas = {
  defaultLocale: z.enum(LOCALES, { message: "invalid" }),
  timeZone: z
    .string({ message: "required" })
    .trim()
    .min(1, "required")
    .refine(isTimeZoneName, "unknownTimeZone"),
  attachmentMaxCount: count(50),
  /** Largest attachment in MB (decimals allowed: 0.5 = 512 KB). */
  attachmentMaxMegabytes: z.coerce
    .number({ message: "invalid" })
    .positive("invalid")
    .max(100, "invalid"),
  attachmentExtensions: extensions,
  portalRequestsPerIpHour: positive(100_000),
  portalRequestsPerAddressHour: positive(100_000),
  portalLinksPerIpHour: positive(100_000),
  portalLinksPerAddressHour: positive(100_000),
  autoMailDailyCap: count(1000),
  lockTimeoutMinutes: positive(7 * 24 * 60),
  finishedJobsRetentionDays: positive(3650),
  inboundRawRetentionDays: retentionDays,
};

export type SettingKey = keyof typeof settingSchemas;
export const SETTING_KEYS = Object.keys(settingSchemas) as SettingKey[];
export type Settings = { [K in SettingKey]: z.output<(typeof settingSchemas)[K]> };

/** The settings form and the API's PATCH: any subset of the keys, each parsed by its schema. */
export const settingsUpdateSchema = z.object(settingSchemas).partial().strict();
export type SettingsUpdate = z.output<typeof settingsUpdateSchema>;
