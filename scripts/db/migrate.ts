// Migration CLI (offline stand-in for `prisma migrate`):
//   deploy                         apply pending migrations to DATABASE_URL
//   dev [--name x] [--provider [p]] new migration for both providers (or p, or
//                                  the DATABASE_URL one), then deploy
//   status                         exit 1 unless the database is up to date
//   check [--provider p]           exit 1 if models.prisma and migrations differ
//                                  (both providers by default; a PostgreSQL server
//                                  that does not answer is a failure)
import {
  migrateCheck,
  migrateDeploy,
  migrateDev,
  migrateStatus,
  PROVIDERS,
  redact,
  resolveDatabase,
  type Provider,
} from "./migrations";

const USAGE =
  "usage: migrate.ts deploy | dev [--name <name>] [--provider [sqlite|postgresql]] | status | check [--provider sqlite|postgresql]";

async function main(args: string[]): Promise<number> {
  const [command, ...options] = args;
  switch (command) {
    case "deploy":
      return deploy();
    case "dev":
      return dev(options);
    case "status":
      return status();
    case "check":
      return check(options);
    default:
      console.error(USAGE);
      return 2;
  }
}

async function deploy(): Promise<number> {
  const target = resolveDatabase();
  const applied = await migrateDeploy(target.url);
  console.log(
    applied.length === 0
      ? `No pending migrations (${target.provider} ${redact(target.url)}).`
      : `Applied to ${target.provider} ${redact(target.url)}:\n${list(applied)}`,
  );
  return 0;
}

async function dev(options: string[]): Promise<number> {
  const name = option(options, "--name") ?? "migration";
  let providers: readonly Provider[] = PROVIDERS;
  if (options.some((arg) => arg === "--provider" || arg.startsWith("--provider="))) {
    const chosen = option(options, "--provider") ?? resolveDatabase().provider;
    if (!PROVIDERS.includes(chosen as Provider)) throw new Error(`Unknown provider "${chosen}"`);
    providers = [chosen as Provider];
  }
  const { created, applied, target } = await migrateDev(name, { providers });
  console.log(
    created.length === 0
      ? `No changes: the ${providers.join(" and ")} migrations already match prisma/models.prisma.`
      : `Created:\n${list(created)}`,
  );
  if (applied.length > 0)
    console.log(`Applied to ${target.provider} ${redact(target.url)}:\n${list(applied)}`);
  return 0;
}

async function status(): Promise<number> {
  const { target, local, pending, unknown, failed, edited, upToDate } = await migrateStatus();
  console.log(`${local.length} migration(s) in prisma/${target.provider}/migrations`);
  console.log(`Database: ${target.provider} ${redact(target.url)}`);
  if (pending.length > 0) console.log(`Not yet applied:\n${list(pending)}`);
  if (unknown.length > 0) console.log(`Applied but missing from the folder:\n${list(unknown)}`);
  if (failed.length > 0) console.log(`Failed:\n${list(failed)}`);
  if (edited.length > 0) console.log(`Edited after being applied:\n${list(edited)}`);
  if (upToDate) console.log("Database schema is up to date.");
  return upToDate ? 0 : 1;
}

async function check(options: string[]): Promise<number> {
  const chosen = option(options, "--provider");
  if (chosen !== undefined && !PROVIDERS.includes(chosen as Provider))
    throw new Error(`Unknown provider "${chosen}"`);
  const results = await migrateCheck({ providers: chosen ? [chosen as Provider] : PROVIDERS });
  for (const { provider, ok, problems } of results) {
    if (ok) console.log(`${provider}: migrations match prisma/models.prisma`);
    else
      console.error(
        `${provider}: FAILED\n${problems.map((problem) => problem.replace(/^/gm, "  ")).join("\n")}`,
      );
  }
  if (results.every((result) => result.ok)) return 0;
  console.error("Create the missing migration with: npm run db:migrate:dev -- --name <change>");
  return 1;
}

function option(args: string[], name: string): string | undefined {
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const value = args[args.indexOf(name) + 1];
  return args.includes(name) && value && !value.startsWith("--") ? value : undefined;
}

function list(items: string[]): string {
  return items.map((item) => `  - ${item}`).join("\n");
}

// The WASM engine leaves timers pending: exit explicitly.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
