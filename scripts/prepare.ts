// Everything a fresh data directory needs before the web process starts:
// the auth secret, migrations and first-start data. Safe to run concurrently.
import "./env";
import { readAuthSecret } from "@/lib/setup/auth-secret";
import { seedDatabase } from "@/lib/setup/seed";
import { migrateDeploy } from "./db/migrations";

export async function prepare() {
  readAuthSecret();
  await migrateDeploy();
  const { adminEmail, generatedPassword } = await seedDatabase();
  if (generatedPassword) {
    const line = "=".repeat(64);
    console.log(
      `\n${line}\n  First start: admin account created\n  e-mail:   ${adminEmail}\n  password: ${generatedPassword}\n  (shown once; set ADMIN_PASSWORD to choose it yourself)\n${line}\n`,
    );
  }
}

if (process.argv[1]?.endsWith("prepare.ts")) {
  prepare().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
