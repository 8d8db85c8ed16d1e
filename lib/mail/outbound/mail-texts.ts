// Texts of outgoing mail in German and English, chosen by the recipient's language.
import type { Locale } from "../../i18n/translate";

export interface MailTexts {
  autoResponseSubject: string;
  autoResponseBody: string;
  /** The direct link in the new-ticket confirmation ({link}, {expires}). */
  autoResponseLink: string;
  /** Stands for a link in the copy of a mail kept as an article. */
  linkWithheld: string;
  accessLinkSubject: string;
  accessLinkBody: string;
  magicLinkSubject: string;
  magicLinkBody: string;
  notificationSubject: Record<string, string>;
  notificationFooter: string;
  greeting: string;
  closing: string;
}

const en: MailTexts = {
  autoResponseSubject: "Your request has been received: {title}",
  autoResponseBody:
    "Thank you for your request. We have received it and filed it under ticket number {number}.\n\n" +
    "You can check its status at any time: {statusUrl} (enter the ticket number and your e-mail address).\n" +
    "To add anything, simply reply to this e-mail and keep [Ticket#{number}] in the subject.",
  autoResponseLink:
    "Open your request directly with this personal link (valid until {expires}; please do not forward it):\n\n{link}",
  linkWithheld: "[personal link, not stored]",
  accessLinkSubject: "Your link to request {number}",
  accessLinkBody:
    "Here is your link to request {number}. It is valid until {expires}:\n\n{link}\n\n" +
    "If you did not ask for it, you can ignore this e-mail.",
  magicLinkSubject: "Sign in to your requests",
  magicLinkBody:
    "Use this link to see all your requests. It works once and is valid until {expires}:\n\n{link}\n\n" +
    "If you did not ask for it, you can ignore this e-mail.",
  notificationSubject: {
    new_ticket: "New ticket in {queue}: {title}",
    follow_up: "Customer follow-up: {title}",
    assigned: "Ticket assigned to you: {title}",
    pending_reminder: "Reminder reached: {title}",
    escalation: "Escalation: {title}",
  },
  notificationFooter: "Open the ticket: {link}",
  greeting: "Hello {name},",
  closing: "Your support team",
};

const de: MailTexts = {
  autoResponseSubject: "Ihre Anfrage ist eingegangen: {title}",
  autoResponseBody:
    "Vielen Dank für Ihre Anfrage. Wir haben sie erhalten und unter der Ticketnummer {number} abgelegt.\n\n" +
    "Den Stand können Sie jederzeit hier abfragen: {statusUrl} (Ticketnummer und E-Mail-Adresse eingeben).\n" +
    "Für Ergänzungen antworten Sie einfach auf diese E-Mail und lassen [Ticket#{number}] im Betreff stehen.",
  autoResponseLink:
    "Ihre Anfrage öffnen Sie direkt mit diesem persönlichen Link (gültig bis {expires}; bitte nicht weitergeben):\n\n{link}",
  linkWithheld: "[persönlicher Link, nicht gespeichert]",
  accessLinkSubject: "Ihr Link zur Anfrage {number}",
  accessLinkBody:
    "Hier ist Ihr Link zur Anfrage {number}. Er gilt bis {expires}:\n\n{link}\n\n" +
    "Wenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren.",
  magicLinkSubject: "Anmeldung zu Ihren Anfragen",
  magicLinkBody:
    "Mit diesem Link sehen Sie alle Ihre Anfragen. Er funktioniert einmal und gilt bis {expires}:\n\n{link}\n\n" +
    "Wenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren.",
  notificationSubject: {
    new_ticket: "Neues Ticket in {queue}: {title}",
    follow_up: "Nachfrage des Kunden: {title}",
    assigned: "Ticket an Sie übergeben: {title}",
    pending_reminder: "Erinnerungszeit erreicht: {title}",
    escalation: "Eskalation: {title}",
  },
  notificationFooter: "Zum Ticket: {link}",
  greeting: "Hallo {name},",
  closing: "Ihr Support-Team",
};

export function mailTexts(locale: Locale): MailTexts {
  return locale === "de" ? de : en;
}
