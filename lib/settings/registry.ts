// Where each setting's first value comes from: the environment variable that set it before
// settings lived in the database (lib/config.ts), else the built-in default. Written once,
// at first start (seedSettings); afterwards the database wins.
import { config } from "../config";
import { DEFAULT_LOCALE, isLocale } from "../i18n/locales";
import type { Settings } from "./schemas";

const MB = 1024 * 1024;

/** The initial value of every setting, from the environment (read now). */
export function initialSettings(): Settings {
  const envLocale = process.env.DEFAULT_LOCALE;
  return {
    defaultLocale: isLocale(envLocale) ? envLocale : DEFAULT_LOCALE,
    timeZone: config.timeZone,
    attachmentMaxCount: config.portalMaxAttachments,
    attachmentMaxMegabytes: config.portalAttachmentMaxBytes / MB,
    attachmentExtensions: config.portalAttachmentExtensions,
    portalRequestsPerIpHour: config.portalRequestsPerIpHour,
    portalRequestsPerAddressHour: config.portalRequestsPerAddressHour,
    portalLinksPerIpHour: config.portalLinksPerIpHour,
    portalLinksPerAddressHour: config.portalLinksPerAddressHour,
    autoMailDailyCap: config.autoMailDailyCap,
    lockTimeoutMinutes: envInt("LOCK_TIMEOUT_MINUTES", 30),
    finishedJobsRetentionDays: envInt("FINISHED_JOBS_RETENTION_DAYS", 14),
    inboundRawRetentionDays: envInt("INBOUND_RAW_RETENTION_DAYS", 0),
  };
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}
