import packageJson from "../../package.json";
import { databaseProvider } from "../config";
import { db } from "../db";

export async function checkHealth() {
  const database = databaseProvider();
  const base = { version: packageJson.version, database };
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, body: { status: "ok", db: "ok", ...base } };
  } catch (error) {
    console.error("health: database check failed", error);
    return { ok: false, body: { status: "error", db: "unreachable", ...base } };
  }
}
