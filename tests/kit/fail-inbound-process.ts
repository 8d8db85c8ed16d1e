// Child process for browser tests: stores one raw message (RAW, base64) against
// DATABASE_URL as the MIME endpoint stores a delivery, and records a processing
// failure with REASON as its error, as processInboundMessage does for mail it
// cannot process. Prints { id }. The desk itself never fails a mail for its
// address (unknown addresses go to the fallback queue), so a spec that needs a
// failed message to review arranges it here.
import { db } from "../../lib/db";
import { failInboundMessage } from "../../lib/mail/inbound/process-inbound-message";
import { storeInboundMessage } from "../../lib/mail/inbound/store-inbound-message";

async function main() {
  const raw = Buffer.from(process.env.RAW ?? "", "base64");
  const row = await storeInboundMessage({ provider: "mime", raw });
  await failInboundMessage(row.id, new Error(process.env.REASON ?? "failed"));
  process.stdout.write(JSON.stringify({ id: row.id }));
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
