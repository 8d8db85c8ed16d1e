// `npm run backup [-- FILE]` and `npm run restore -- FILE [--replace]` on
// DATABASE_URL. See scripts/db/backup.ts and README "Backup and restore".
import "./env";
import { databaseUrl } from "../lib/config";
import { backupDatabase, defaultBackupFile, restoreDatabase } from "./db/backup";
import { redact } from "./db/migrations";

async function main([command, ...args]: string[]): Promise<number> {
  const url = databaseUrl();
  const replace = args.includes("--replace");
  const file = args.find((arg) => !arg.startsWith("--"));
  if (command === "backup") {
    const target = file ?? defaultBackupFile(url);
    await backupDatabase({ url, file: target });
    console.log(`backup of ${redact(url)} written to ${target}`);
    return 0;
  }
  if (command === "restore" && file) {
    await restoreDatabase({ url, file, replace });
    console.log(`${file} restored into ${redact(url)}; run npm run db:migrate if it is older`);
    return 0;
  }
  console.error("usage: backup.ts backup [FILE] | restore FILE [--replace]");
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
