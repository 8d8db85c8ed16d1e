// The colour theme a browser chose: "system" follows prefers-color-scheme,
// "light"/"dark" override it. Kept in a cookie (per browser, like the
// language), rendered as a class on <html> by the root layout, so the page
// is right on first paint without any script (the page CSP allows none inline).

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";

export const isTheme = (value: unknown): value is Theme =>
  typeof value === "string" && (THEMES as readonly string[]).includes(value);

/** The class for <html>: "" for system (the CSS media query decides), else the theme. */
export const themeClass = (theme: Theme) => (theme === "system" ? "" : theme);
