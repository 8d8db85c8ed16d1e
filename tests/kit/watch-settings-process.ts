// Child process for the settings test: a second process on DATABASE_URL that reads the
// portal's attachment limits (a real consumer of the settings) every 100 ms, prints each
// value it sees as a JSON line, and exits 0 once the largest attachment is EXPECT_MAX_BYTES
// (1 when it never is within 30 s).
import { getAttachmentLimits } from "../../lib/portal/limits";

async function main() {
  const expected = Number(process.env.EXPECT_MAX_BYTES);
  const deadline = Date.now() + 30_000;
  let last: number | undefined;
  while (Date.now() < deadline) {
    const { maxBytes } = await getAttachmentLimits();
    if (maxBytes !== last) process.stdout.write(`${JSON.stringify({ maxBytes })}\n`);
    last = maxBytes;
    if (maxBytes === expected) process.exit(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.exit(1);
}

void main();
