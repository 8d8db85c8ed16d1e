import { db } from "../db";
import { NotFoundError } from "../errors";

const include = {
  queues: { select: { queue: { select: { id: true, name: true } } } },
} as const;

/** Every standard response for the admin list and the API, with the queues it serves. */
export async function listStandardResponsesForAdmin() {
  const rows = await db.standardResponse.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    include,
  });
  return rows.map(flatten);
}

/** One standard response; NotFoundError when unknown. */
export async function getStandardResponseForAdmin(responseId: number) {
  const row = await db.standardResponse.findUnique({ where: { id: responseId }, include });
  if (!row) throw new NotFoundError("Standard response not found");
  return flatten(row);
}

function flatten<T extends { queues: { queue: { id: number; name: string } }[] }>(row: T) {
  const { queues, ...rest } = row;
  return { ...rest, queues: queues.map((q) => q.queue) };
}
export type AdminStandardResponse = Awaited<ReturnType<typeof getStandardResponseForAdmin>>;
