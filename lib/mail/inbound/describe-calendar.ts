import ICAL from "ical.js";

const METHODS: Record<string, string> = {
  REQUEST: "Calendar invitation",
  PUBLISH: "Calendar event",
  CANCEL: "Calendar event cancelled",
  REPLY: "Reply to a calendar invitation",
  COUNTER: "Counter-proposal for a calendar event",
};

/** A DTSTART/DTEND as "YYYY-MM-DD HH:MM (zone)": its TZID, UTC, or no zone (floating time). */
function formatTime(time: ICAL.Time | null, property: ICAL.Property | null): string | null {
  if (!time) return null;
  const tzid = property?.getParameter("tzid");
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${time.year}-${pad(time.month)}-${pad(time.day)}`;
  if (time.isDate) return date;
  const zone =
    (Array.isArray(tzid) ? tzid[0] : tzid) ||
    (time.zone?.tzid && time.zone.tzid !== "floating" ? time.zone.tzid : "");
  const clock = `${pad(time.hour)}:${pad(time.minute)}`;
  return `${date} ${clock}${zone ? ` (${zone === "UTC" || zone === "Z" ? "UTC" : zone})` : ""}`;
}

/** "Name <a@b>" from an ORGANIZER/ATTENDEE property (CN parameter and mailto: value). */
function person(property: ICAL.Property | null): string | null {
  if (!property) return null;
  const address = String(property.getFirstValue() ?? "").replace(/^mailto:/i, "");
  const name = property.getParameter("cn");
  const cn = Array.isArray(name) ? name[0] : name;
  return cn ? `${cn} <${address}>` : address || null;
}

/**
 * A plain-text description of an iCalendar object (RFC 5545) for an article
 * whose mail has no text of its own: what it is (method), and per event its
 * summary, start and end with their time zone, location and organiser, and
 * for a reply the attendee's answer. Null when the data holds no event or
 * cannot be parsed.
 */
export function describeCalendar(ics: string): string | null {
  try {
    return describe(new ICAL.Component(ICAL.parse(ics)));
  } catch {
    return null; // not iCalendar after all: the .ics attachment stays as it is
  }
}

function describe(root: ICAL.Component): string | null {
  const events = root.getAllSubcomponents("vevent");
  if (!events.length) return null;
  const method = String(root.getFirstPropertyValue("method") ?? "").toUpperCase();
  const lines = [`${METHODS[method] ?? "Calendar event"}:`];
  for (const component of events) {
    const event = new ICAL.Event(component);
    lines.push("");
    lines.push(`Summary: ${event.summary || "(no title)"}`);
    const start = formatTime(event.startDate, component.getFirstProperty("dtstart"));
    const end =
      start && component.hasProperty("dtend")
        ? formatTime(event.endDate, component.getFirstProperty("dtend"))
        : null;
    if (start) lines.push(`Start: ${start}`);
    if (end) lines.push(`End: ${end}`);
    if (event.location) lines.push(`Location: ${event.location}`);
    const organiser = person(component.getFirstProperty("organizer"));
    if (organiser) lines.push(`Organiser: ${organiser}`);
    if (method === "REPLY") {
      for (const attendee of component.getAllProperties("attendee")) {
        const status = attendee.getParameter("partstat");
        if (status) lines.push(`Answer: ${person(attendee)} — ${String(status).toLowerCase()}`);
      }
    }
    if (event.description) lines.push("", event.description.trim());
  }
  return lines.join("\n");
}
