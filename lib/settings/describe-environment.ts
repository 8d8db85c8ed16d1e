import "server-only";
import { config, databaseProvider } from "../config";

/**
 * What only the environment sets, for the read-only panel of the settings page: the
 * database kind (never its URL, which may hold a password), the SystemID, the mail
 * provider and sender, and each inbound endpoint's URL with whether its secret is set
 * (never the secret).
 */
export function describeEnvironment() {
  return {
    databaseKind: databaseProvider(),
    systemId: config.systemId,
    mailProvider: config.resendApiKey ? ("resend" as const) : ("outbox" as const),
    mailFrom: config.mailFrom,
    verifiedDomains: config.mailVerifiedDomains,
    endpoints: [
      {
        name: "mime",
        url: `${config.appUrl}/api/inbound/mime`,
        secretSet: config.inboundWebhookSecret !== "",
      },
      {
        name: "resend",
        url: `${config.appUrl}/api/inbound/resend`,
        secretSet: config.resendWebhookSecret !== "",
      },
    ],
  };
}
