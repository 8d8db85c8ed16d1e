// English UI strings. German mirrors these keys (checked by the type of de.ts).
const en = {
  app: { name: "Help Desk", skipToContent: "Skip to content" },
  language: { label: "Language", en: "English", de: "Deutsch" },
  common: {
    save: "Save",
    cancel: "Cancel",
    create: "Create",
    revoke: "Revoke",
    none: "none",
    genericError: "Something went wrong. Please try again.",
  },
  login: {
    title: "Agent sign-in",
    email: "E-mail",
    password: "Password",
    submit: "Sign in",
    failed: "E-mail or password is wrong.",
  },
  nav: {
    dashboard: "Dashboard",
    tokens: "API tokens",
    signOut: "Sign out",
    signedInAs: "Signed in as {name}",
  },
  dashboard: {
    title: "Dashboard",
    empty: "No open tickets in your queues.",
    myQueues: "My queues",
    openTickets: "{count} open",
    recent: "Recently updated",
    number: "Number",
    ticketTitle: "Title",
    state: "State",
    queue: "Queue",
    updated: "Updated",
  },
  states: {
    new: "new",
    open: "open",
    pending_reminder: "pending reminder",
    pending_auto_close: "pending auto-close",
    closed_successful: "closed successful",
    closed_unsuccessful: "closed unsuccessful",
    merged: "merged",
  },
  tokens: {
    title: "API tokens",
    intro:
      "Tokens give scripts access to the integration API with your permissions. A token is shown once.",
    name: "Name",
    readOnly: "Read-only",
    created: "Created",
    lastUsed: "Last used",
    never: "never",
    newToken: "New token",
    copyNow: "Copy this token now; it will not be shown again:",
    nameRequired: "Give the token a name.",
    empty: "No tokens yet.",
  },
  home: {
    title: "Help Desk",
    intro: "Ask for help or check on a request.",
    agentLogin: "Agent sign-in",
  },
};

export default en;
export type Messages = typeof en;
