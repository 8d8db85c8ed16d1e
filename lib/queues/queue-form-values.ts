import { LOCALES } from "../i18n/locales";
import type { AdminQueue } from "./list-queues";
import {
  AUTO_RESPONSE_EVENT_KEYS,
  autoResponseField,
  dayField,
  WEEKDAYS,
} from "./queue-form-fields";

/**
 * A queue as the admin form's field values (the inverse of queueFormSchema): text fields
 * as strings, checkboxes as "on" or "", one address / holiday per line. A new queue
 * (null) gets the defaults of the model.
 */
export function queueFormValues(queue: AdminQueue | null): Record<string, string> {
  const values: Record<string, string> = {
    queueId: queue ? String(queue.id) : "",
    name: queue?.name ?? "",
    description: queue?.description ?? "",
    publicNameEn: queue?.publicNameEn ?? "",
    publicNameDe: queue?.publicNameDe ?? "",
    isPublic: queue?.isPublic ? "on" : "",
    groupId: queue ? String(queue.groupId) : "",
    defaultPriority: String(queue?.defaultPriority ?? 3),
    addresses: queue?.addresses.map((a) => a.address).join("\n") ?? "",
    senderName: queue?.senderName ?? "",
    signature: queue?.signature ?? "",
    autoResponse: queue === null || queue.autoResponse ? "on" : "",
    followUpPolicy: queue?.followUpPolicy ?? "reopen",
    followUpDays: String(queue?.followUpDays ?? 30),
    slaFirstResponseMinutes: queue?.slaFirstResponseMinutes?.toString() ?? "",
    slaUpdateMinutes: queue?.slaUpdateMinutes?.toString() ?? "",
    slaSolutionMinutes: queue?.slaSolutionMinutes?.toString() ?? "",
    calendarEnabled: queue?.calendar ? "on" : "",
    calendarTimeZone: queue?.calendar?.timeZone ?? "",
    holidays: queue?.calendar?.holidays.join("\n") ?? "",
  };
  for (const day of WEEKDAYS) {
    const hours = queue?.calendar?.hours[day];
    values[dayField(day, "from")] = hours?.[0] ?? "";
    values[dayField(day, "to")] = hours?.[1] ?? "";
  }
  for (const event of AUTO_RESPONSE_EVENT_KEYS)
    for (const locale of LOCALES) {
      const text = queue?.autoResponses.find((r) => r.event === event && r.locale === locale);
      values[autoResponseField(event, locale, "subject")] = text?.subject ?? "";
      values[autoResponseField(event, locale, "body")] = text?.body ?? "";
    }
  return values;
}
