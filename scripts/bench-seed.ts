// `npm run bench:seed [-- --scale 0.1]`: seeds the database in DATABASE_URL
// (migrated first, like `npm start`) with 1,000,000 tickets × scale and reports
// the time and the database size. For looking at a big desk by hand; `npm run
// bench` seeds its own fresh database.
import fs from "node:fs";
import "./env";
import { seedAtScale } from "../bench/seed";
import { parseBenchOptions } from "../bench/options";
import { bin, run } from "./run";

async function main() {
  const { scale } = parseBenchOptions(process.argv.slice(2));
  if ((await run(bin("tsx"), ["--conditions=react-server", "scripts/prepare.ts"])) !== 0)
    process.exit(1);
  const { databaseUrl, sqliteFile } = await import("../lib/config");
  const url = databaseUrl();
  const tickets = Math.max(100, Math.round(1_000_000 * scale));
  const seed = await seedAtScale(url, tickets);
  const size = url.startsWith("postgres")
    ? "(see pg_database_size)"
    : `${(fs.statSync(sqliteFile(url)).size / 2 ** 20).toFixed(1)} MiB`;
  console.log(
    `Seeded ${seed.tickets} tickets and ${seed.articles} articles in ${seed.seconds.toFixed(1)} s; database ${size}.`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
