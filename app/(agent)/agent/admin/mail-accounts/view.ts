/** What the mail account pages hand to client components (dates as ISO strings, no password). */
export interface PublicMailAccountView {
  id: number;
  name: string;
  host: string;
  port: number;
  security: string;
  username: string;
  folder: string;
  afterStore: string;
  moveTo: string | null;
  queueId: number | null;
  pollSeconds: number;
  active: boolean;
}
