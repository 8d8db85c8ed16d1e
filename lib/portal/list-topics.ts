import { db } from "../db";

/** Queues offered as topics on the request form: public and active, by name. */
export async function listTopics() {
  return db.queue.findMany({
    where: { isPublic: true, active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
