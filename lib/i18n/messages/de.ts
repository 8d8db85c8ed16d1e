import type { Messages } from "./en";

const de: Messages = {
  app: { name: "Help Desk", skipToContent: "Zum Inhalt springen" },
  language: { label: "Sprache", en: "English", de: "Deutsch" },
  common: {
    save: "Speichern",
    cancel: "Abbrechen",
    create: "Anlegen",
    revoke: "Widerrufen",
    none: "keine",
    genericError: "Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.",
  },
  login: {
    title: "Anmeldung für Agenten",
    email: "E-Mail",
    password: "Passwort",
    submit: "Anmelden",
    failed: "E-Mail oder Passwort ist falsch.",
  },
  nav: {
    dashboard: "Übersicht",
    tokens: "API-Tokens",
    signOut: "Abmelden",
    signedInAs: "Angemeldet als {name}",
  },
  dashboard: {
    title: "Übersicht",
    empty: "Keine offenen Tickets in Ihren Queues.",
    myQueues: "Meine Queues",
    openTickets: "{count} offen",
    recent: "Zuletzt geändert",
    number: "Nummer",
    ticketTitle: "Titel",
    state: "Status",
    queue: "Queue",
    updated: "Geändert",
  },
  states: {
    new: "neu",
    open: "offen",
    pending_reminder: "warten zur Erinnerung",
    pending_auto_close: "warten auf automatisches Schließen",
    closed_successful: "erfolgreich geschlossen",
    closed_unsuccessful: "erfolglos geschlossen",
    merged: "zusammengefasst",
  },
  tokens: {
    title: "API-Tokens",
    intro:
      "Tokens geben Skripten Zugriff auf die Integrations-API mit Ihren Rechten. Ein Token wird nur einmal angezeigt.",
    name: "Name",
    readOnly: "Nur lesen",
    created: "Angelegt",
    lastUsed: "Zuletzt benutzt",
    never: "nie",
    newToken: "Neues Token",
    copyNow: "Kopieren Sie dieses Token jetzt; es wird nicht noch einmal angezeigt:",
    nameRequired: "Geben Sie dem Token einen Namen.",
    empty: "Noch keine Tokens.",
  },
  home: {
    title: "Help Desk",
    intro: "Bitten Sie um Hilfe oder sehen Sie nach einer Anfrage.",
    agentLogin: "Anmeldung für Agenten",
  },
};

export default de;
