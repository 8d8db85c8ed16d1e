// Every setting comes from the environment; .env.example lists them all with
// their defaults. Read lazily so `next build` never needs them.
import "server-only";
import path from "node:path";
import {
  DEFAULT_ATTACHMENT_EXTENSIONS,
  parseAttachmentExtensions,
} from "./portal/attachment-policy";

function read(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === "" ? fallback : value;
}

function readInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export const DEFAULT_DATABASE_URL = "file:./data/helpdesk.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return read("DATABASE_URL", DEFAULT_DATABASE_URL);
}

export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** Path of a SQLite `file:` URL (`file:./x.db`, `file:///abs/x.db`, query parameters ignored). */
export function sqliteFile(url: string): string {
  const location = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return location.startsWith("//") ? new URL(`file:${location}`).pathname : location;
}

/** Absolute path of a SQLite `file:` URL. */
export function sqlitePath(url = databaseUrl()): string {
  return path.resolve(sqliteFile(url));
}

export const config = {
  get appUrl() {
    return read("APP_URL", `http://localhost:${read("PORT", "3000")}`).replace(/\/+$/, "");
  },
  get dataDir() {
    return path.resolve(read("DATA_DIR", "./data"));
  },
  /** Two digits, part of every ticket number. */
  get systemId() {
    const id = read("SYSTEM_ID", "10");
    if (!/^\d{2}$/.test(id)) throw new Error(`SYSTEM_ID must be two digits, got "${id}"`);
    return id;
  },
  get timeZone() {
    return read("TIME_ZONE", "UTC");
  },
  get mailFrom() {
    return read("MAIL_FROM", "Help Desk <helpdesk@localhost>");
  },
  /**
   * Domains verified at the mail provider (comma-separated): a queue address in one of them
   * is used as the sender itself; others become Reply-To (pick-sender.ts). Default: MAIL_FROM's domain.
   */
  get mailVerifiedDomains() {
    const listed = read("MAIL_VERIFIED_DOMAINS", "")
      .split(/[,\s]+/)
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean);
    if (listed.length) return listed;
    const match = /@([^>\s]+)>?\s*$/.exec(this.mailFrom);
    return match ? [match[1].toLowerCase()] : [];
  },
  get resendApiKey() {
    return read("RESEND_API_KEY", "");
  },
  /**
   * SMTP relay for outgoing mail: SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS
   * from the start), else one built from SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD,
   * SMTP_SECURE ("true": TLS from the start; otherwise STARTTLS when the server offers it).
   * Empty when neither is set.
   */
  get smtpUrl() {
    const url = read("SMTP_URL", "");
    if (url) return url;
    const host = read("SMTP_HOST", "");
    if (!host) return "";
    const secure = read("SMTP_SECURE", "false") === "true";
    const user = read("SMTP_USER", "");
    const auth = user
      ? `${encodeURIComponent(user)}:${encodeURIComponent(read("SMTP_PASSWORD", ""))}@`
      : "";
    const port = read("SMTP_PORT", secure ? "465" : "587");
    return `${secure ? "smtps" : "smtp"}://${auth}${host}:${port}`;
  },
  get resendBaseUrl() {
    return read("RESEND_BASE_URL", "");
  },
  get resendWebhookSecret() {
    return read("RESEND_WEBHOOK_SECRET", "");
  },
  get inboundWebhookSecret() {
    return read("INBOUND_WEBHOOK_SECRET", "");
  },
  get inboundMaxBytes() {
    return readInt("INBOUND_MAX_BYTES", 25 * 1024 * 1024);
  },
  /** Seconds a crashed process's hold on one inbound mail blocks its redelivery (default 120). */
  get inboundLockSeconds() {
    return readInt("INBOUND_LOCK_SECONDS", 120);
  },
  get dbPoolSize() {
    return readInt("DB_POOL_SIZE", 10);
  },
  get apiMaxBytes() {
    return readInt("API_MAX_BYTES", 10 * 1024 * 1024);
  },
  get adminEmail() {
    return read("ADMIN_EMAIL", "admin@example.com").toLowerCase();
  },
  get adminPassword() {
    return read("ADMIN_PASSWORD", "");
  },
  get adminApiToken() {
    return read("ADMIN_API_TOKEN", "");
  },
  /** Automatic mails (auto-responses, notifications to customers) per address and day. */
  get autoMailDailyCap() {
    return readInt("AUTO_MAIL_DAILY_CAP", 10);
  },
  /** The language for visitors whose browser asks for none we speak (initial value of the setting). */
  get defaultLocale() {
    return read("DEFAULT_LOCALE", "en");
  },
  /** Days finished jobs are kept (initial value of the setting). */
  get finishedJobsRetentionDays() {
    return readInt("FINISHED_JOBS_RETENTION_DAYS", 14);
  },
  /** Days the raw bytes of processed inbound mail are kept, 0 = keep (initial value of the setting). */
  get inboundRawRetentionDays() {
    return readInt("INBOUND_RAW_RETENTION_DAYS", 0);
  },
  /** Customer portal: attachments per request or follow-up. */
  get portalMaxAttachments() {
    return readInt("PORTAL_MAX_ATTACHMENTS", 5);
  },
  /** Customer portal: largest attachment, in bytes (10 MB). */
  get portalAttachmentMaxBytes() {
    return readInt("PORTAL_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024);
  },
  /**
   * Customer portal: allowed attachment extensions (comma-separated); each must be
   * one the attachment policy can check (lib/portal/attachment-policy.ts), else this throws.
   */
  get portalAttachmentExtensions() {
    return parseAttachmentExtensions(
      read("PORTAL_ATTACHMENT_EXTENSIONS", DEFAULT_ATTACHMENT_EXTENSIONS.join(",")),
    );
  },
  /** Lifetime of an access link (status lookup, new-ticket confirmation), in days. */
  get portalAccessLinkDays() {
    return readInt("PORTAL_ACCESS_LINK_DAYS", 7);
  },
  /** Lifetime of a "my requests" sign-in link, in minutes (single use). */
  get portalMagicLinkMinutes() {
    return readInt("PORTAL_MAGIC_LINK_MINUTES", 15);
  },
  /** Lifetime of a customer session, in hours. */
  get portalSessionHours() {
    return readInt("PORTAL_SESSION_HOURS", 24);
  },
  /** Requests and follow-ups per client IP and hour. */
  get portalRequestsPerIpHour() {
    return readInt("PORTAL_REQUESTS_PER_IP_HOUR", 20);
  },
  /** Requests and follow-ups per e-mail address and hour. */
  get portalRequestsPerAddressHour() {
    return readInt("PORTAL_REQUESTS_PER_ADDRESS_HOUR", 10);
  },
  /** Status lookups and sign-in link requests per client IP and hour. */
  get portalLinksPerIpHour() {
    return readInt("PORTAL_LINKS_PER_IP_HOUR", 20);
  },
  /** Access and sign-in links mailed per address and hour. */
  get portalLinksPerAddressHour() {
    return readInt("PORTAL_LINKS_PER_ADDRESS_HOUR", 5);
  },
  /** Inbound address → queue map, "support@x=Misc, wlan@x=WLAN", applied at every start. */
  get queueAddresses() {
    return read("QUEUE_ADDRESSES", "");
  },
  /**
   * The organisation's system senders ("monitor@x, noreply@x"): like the desk's
   * own addresses, never a customer who gets mail, never answered automatically.
   */
  get systemSenders() {
    return read("SYSTEM_SENDERS", "")
      .split(/[,\s]+/)
      .map((address) => address.trim().toLowerCase())
      .filter(Boolean);
  },
  /** Reverse proxies in front of the desk that append the client address to X-Forwarded-For. */
  get trustedProxyHops() {
    return readInt("TRUSTED_PROXY_HOPS", 0);
  },
  get runWorkerInWeb() {
    return read("WORKER_IN_WEB", "true") !== "false";
  },
  /** How long a claimed job stays a worker's before another may take it over (its worker died), in seconds. */
  get workerLeaseSeconds() {
    return Math.max(readInt("WORKER_LEASE_SECONDS", 120), 1);
  },
  /** A ticket lock ends after this many minutes without activity by its holder (OTRS's unlock timeout). */
  get lockTimeoutMinutes() {
    return Math.max(readInt("LOCK_TIMEOUT_MINUTES", 60), 1);
  },
};
