// Where each setting's first value comes from: the environment variable that set it before
// settings lived in the database (lib/config.ts), else the built-in default. Written once,
// at first start (seedSettings); afterwards the database wins.
import { config } from "../config";
import { DEFAULT_LOCALE, isLocale } from "../i18n/locales";
import type { Settings } from "./schemas";

const MB = 1024 * 1024;

/** The initial value of every setting, from the environment (read now). */
export function initialSettings(): Settings {
  return {
    defaultLocale: isLocale(config.defaultLocale) ? config.defaultLocale : DEFAULT_LOCALE,
    timeZone: config.timeZone,
    attachmentMaxCount: config.portalMaxAttachments,
    attachmentMaxMegabytes: config.portalAttachmentMaxBytes / MB,
    attachmentExtensions: config.portalAttachmentExtensions,
    portalRequestsPerIpHour: config.portalRequestsPerIpHour,
    portalRequestsPerAddressHour: config.portalRequestsPerAddressHour,
    portalLinksPerIpHour: config.portalLinksPerIpHour,
    portalLinksPerAddressHour: config.portalLinksPerAddressHour,
    autoMailDailyCap: config.autoMailDailyCap,
    lockTimeoutMinutes: config.lockTimeoutMinutes,
    finishedJobsRetentionDays: config.finishedJobsRetentionDays,
    inboundRawRetentionDays: config.inboundRawRetentionDays,
  };
}
