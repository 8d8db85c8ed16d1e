// "Next/previous ticket in the view": the last list of tickets the agent saw
// (queue view, dashboard, search results) is remembered per browser tab, so
// the ticket zoom knows its neighbours without the server tracking views.

const KEY = "helpdesk.ticketList";
const TICKET_PATH = /^\/agent\/tickets\/(\d{8,20})$/;

/** Ticket numbers linked from `root` in page order (each once). */
export function ticketNumbersIn(root: ParentNode): string[] {
  const numbers: string[] = [];
  for (const link of root.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    const match = TICKET_PATH.exec(new URL(link.href, location.href).pathname);
    if (match && !numbers.includes(match[1])) numbers.push(match[1]);
  }
  return numbers;
}

/** Remembers the list shown on this page (when it shows at least two tickets). */
export function rememberTicketList(numbers: string[]) {
  if (numbers.length < 2) return;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(numbers));
  } catch {
    // Storage full or blocked: shortcuts just don't know neighbours.
  }
}

/** The number next to `current` in the remembered list (step 1 = next, -1 = previous), or null. */
export function neighbourTicket(current: string, step: 1 | -1): string | null {
  try {
    const list = JSON.parse(sessionStorage.getItem(KEY) ?? "[]") as string[];
    const index = list.indexOf(current);
    return index >= 0 ? (list[index + step] ?? null) : null;
  } catch {
    return null;
  }
}

/** The ticket number of the zoom at `pathname`, else null. */
export const zoomNumber = (pathname: string) => TICKET_PATH.exec(pathname)?.[1] ?? null;
