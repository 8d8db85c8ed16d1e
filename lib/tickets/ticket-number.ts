// OTRS "DateChecksum" ticket numbers: YYYYMMDD + SystemID (2 digits) + a
// counter (5 digits, restarting daily) + one check digit. Numbers are strings
// everywhere: 16 digits exceed JavaScript's safe integers.

/** Check digit over `digits`: weights 1,2,1,2… from the left; 10 − sum mod 10; 10 becomes 1. */
export function computeCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 2);
  }
  const check = 10 - (sum % 10);
  return check === 10 ? 1 : check;
}

export function isValidTicketNumber(number: string): boolean {
  if (!/^\d{16,20}$/.test(number)) return false;
  return computeCheckDigit(number.slice(0, -1)) === Number(number.slice(-1));
}

/** YYYYMMDD of `date` in `timeZone`. */
export function ticketDay(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}${get("month")}${get("day")}`;
}

export function formatTicketNumber(day: string, systemId: string, counter: number): string {
  // Past 99999 a day the counter simply grows a digit, as OTRS does.
  const base = `${day}${systemId}${String(counter).padStart(5, "0")}`;
  return `${base}${computeCheckDigit(base)}`;
}

export function ticketTag(number: string): string {
  return `[Ticket#${number}]`;
}

const TAG = /\[\s*Ticket\s*#\s*:?\s*(\d{16,20})\s*\]/gi;

/**
 * Ticket numbers tagged in a subject that are ours: our SystemID in digits
 * 9–10 and a valid check digit. Others (foreign desks, typos) are ignored.
 */
export function findTicketTags(subject: string, systemId: string): string[] {
  const found: string[] = [];
  for (const match of subject.matchAll(TAG)) {
    const number = match[1];
    if (
      number.slice(8, 10) === systemId &&
      isValidTicketNumber(number) &&
      !found.includes(number)
    ) {
      found.push(number);
    }
  }
  return found;
}
