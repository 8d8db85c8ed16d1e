import { db } from "../db";
import { NotFoundError } from "../errors";
import { parseCalendar, type BusinessCalendar } from "../sla/business-time";

/** Every queue for the admin list: group, addresses (primary first), open tickets counted. */
export async function listQueuesForAdmin() {
  const queues = await db.queue.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    include: {
      group: { select: { id: true, name: true } },
      addresses: { orderBy: [{ isPrimary: "desc" }, { address: "asc" }] },
      _count: { select: { tickets: true } },
    },
  });
  return queues.map(({ _count, ...queue }) => ({ ...queue, ticketCount: _count.tickets }));
}

/** One queue with everything its form and the API show; NotFoundError when unknown. */
export async function getQueueForAdmin(queueId: number) {
  const queue = await db.queue.findUnique({
    where: { id: queueId },
    include: {
      addresses: { orderBy: [{ isPrimary: "desc" }, { id: "asc" }] },
      autoResponses: { orderBy: [{ event: "asc" }, { locale: "asc" }] },
    },
  });
  if (!queue) throw new NotFoundError("Queue not found");
  let calendar: BusinessCalendar | null = null;
  try {
    calendar = parseCalendar(queue.calendar);
  } catch {
    calendar = null; // stored before validation existed: the form starts empty
  }
  return { ...queue, calendar, senderName: queue.addresses[0]?.name ?? "" };
}
export type AdminQueue = Awaited<ReturnType<typeof getQueueForAdmin>>;

/** The groups a queue can belong to, by name. */
export function listGroupChoices() {
  return db.group.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
