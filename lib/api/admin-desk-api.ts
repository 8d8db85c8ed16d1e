// Provisioning API for queues and standard responses (issue 14, item 9): admin tokens
// only, the same lib functions and schemas as the admin pages, audited with via "api".
// Shapes are documented in docs/api.md.
import { auditActor } from "../admin/audit-actor";
import { NotFoundError } from "../errors";
import { getQueueForAdmin, listQueuesForAdmin } from "../queues/list-queues";
import { createQueue, updateQueue } from "../queues/save-queue";
import type { QueueInput, QueueUpdate } from "../queues/schemas";
import { setQueueActive } from "../queues/set-queue-active";
import {
  getStandardResponseForAdmin,
  listStandardResponsesForAdmin,
  type AdminStandardResponse,
} from "../standard-responses/list-standard-responses-for-admin";
import {
  createStandardResponse,
  deleteStandardResponse,
  updateStandardResponse,
} from "../standard-responses/save-standard-response";
import type { StandardResponseInput, StandardResponseUpdate } from "../standard-responses/schemas";
import { assertCanWrite, type ApiCaller } from "./authenticate";

/**
 * An admin's token, else 404 as for the admin pages (the endpoints' existence is not
 * confirmed); writes also need a token that is not read-only (403).
 */
function adminActor(caller: ApiCaller, write: boolean) {
  if (caller.agent.role !== "admin") throw new NotFoundError();
  if (write) assertCanWrite(caller);
  return auditActor(caller.agent, "api");
}

function serializeQueue(queue: Awaited<ReturnType<typeof getQueueForAdmin>>) {
  return {
    id: queue.id,
    name: queue.name,
    description: queue.description,
    active: queue.active,
    isPublic: queue.isPublic,
    publicNameEn: queue.publicNameEn,
    publicNameDe: queue.publicNameDe,
    groupId: queue.groupId,
    defaultPriority: queue.defaultPriority,
    addresses: queue.addresses.map((a) => a.address),
    senderName: queue.senderName,
    signature: queue.signature,
    autoResponse: queue.autoResponse,
    autoResponses: queue.autoResponses.map(({ event, locale, subject, body }) => ({
      event,
      locale,
      subject,
      body,
    })),
    followUpPolicy: queue.followUpPolicy,
    followUpDays: queue.followUpDays,
    slaFirstResponseMinutes: queue.slaFirstResponseMinutes,
    slaUpdateMinutes: queue.slaUpdateMinutes,
    slaSolutionMinutes: queue.slaSolutionMinutes,
    calendar: queue.calendar,
  };
}

export async function apiListQueues(caller: ApiCaller) {
  adminActor(caller, false);
  const queues = await listQueuesForAdmin();
  return {
    queues: await Promise.all(queues.map((q) => getQueueForAdmin(q.id).then(serializeQueue))),
  };
}

export async function apiGetQueue(caller: ApiCaller, queueId: number) {
  adminActor(caller, false);
  return serializeQueue(await getQueueForAdmin(queueId));
}

export async function apiCreateQueue(caller: ApiCaller, input: QueueInput) {
  const queue = await createQueue({ actor: adminActor(caller, true), input });
  return serializeQueue(await getQueueForAdmin(queue.id));
}

/** PATCH: any subset of the fields; `active` deactivates or reactivates the queue. */
export async function apiUpdateQueue(
  caller: ApiCaller,
  queueId: number,
  input: QueueUpdate & { active?: boolean },
) {
  const actor = adminActor(caller, true);
  const { active, ...fields } = input;
  if (Object.keys(fields).length) await updateQueue({ actor, queueId, input: fields });
  if (active !== undefined) await setQueueActive({ actor, queueId, active });
  return serializeQueue(await getQueueForAdmin(queueId));
}

function serializeResponse(response: AdminStandardResponse) {
  return {
    id: response.id,
    name: response.name,
    body: response.body,
    active: response.active,
    queueIds: response.queues.map((q) => q.id),
  };
}

export async function apiListStandardResponses(caller: ApiCaller) {
  adminActor(caller, false);
  return { standardResponses: (await listStandardResponsesForAdmin()).map(serializeResponse) };
}

export async function apiGetStandardResponse(caller: ApiCaller, responseId: number) {
  adminActor(caller, false);
  return serializeResponse(await getStandardResponseForAdmin(responseId));
}

export async function apiCreateStandardResponse(caller: ApiCaller, input: StandardResponseInput) {
  const created = await createStandardResponse({ actor: adminActor(caller, true), input });
  return serializeResponse(await getStandardResponseForAdmin(created.id));
}

/** PATCH: any subset; `active: false` deactivates it. */
export async function apiUpdateStandardResponse(
  caller: ApiCaller,
  responseId: number,
  input: StandardResponseUpdate,
) {
  await updateStandardResponse({ actor: adminActor(caller, true), responseId, input });
  return serializeResponse(await getStandardResponseForAdmin(responseId));
}

export async function apiDeleteStandardResponse(caller: ApiCaller, responseId: number) {
  await deleteStandardResponse({ actor: adminActor(caller, true), responseId });
}
