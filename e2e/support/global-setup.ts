// One app for the browser run: a Resend stub, then the built app on a fresh
// database (migrated and seeded by the app's own prepare step).
import fs from "node:fs";
import path from "node:path";
import { startApp } from "../../tests/kit/app-server";
import { startResendStub } from "../../tests/kit/resend-stub";
import { newWebhookSecret } from "../../tests/kit/webhooks";

export const STATE_FILE = path.resolve(__dirname, "../artifacts/state.json");

export default async function globalSetup() {
  const stub = await startResendStub();
  // A key makes the worker send through the stub (not the dev outbox), so specs can read mail.
  // A MIME webhook secret lets specs deliver real mail (tests/kit/mail.ts postMime).
  const inboundSecret = newWebhookSecret();
  const app = await startApp({
    env: {
      RESEND_API_KEY: "re_test",
      RESEND_BASE_URL: stub.url,
      INBOUND_WEBHOOK_SECRET: inboundSecret,
    },
  });
  const health = await (await fetch(`${app.url}/api/health`)).json();
  console.log(`e2e app at ${app.url}, health: ${JSON.stringify(health)}`);
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(
    STATE_FILE,
    JSON.stringify({
      url: app.url,
      stubUrl: stub.url,
      databaseUrl: app.database.url,
      inboundSecret,
    }),
  );
  // Returned function = global teardown.
  return async () => {
    await app.stop();
    await stub.close();
  };
}
