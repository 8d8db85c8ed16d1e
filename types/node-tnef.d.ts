// node-tnef ships no typings; this is the part the desk uses (dist/commands/parse.js).
declare module "node-tnef" {
  export interface TnefAttachment {
    Title?: string;
    Data?: number[];
  }
  export interface TnefResult {
    Attachments?: TnefAttachment[];
    Body?: number[];
    BodyHTML?: number[];
  }
  /** Decodes a TNEF buffer; calls back with (true, error|null) on failure. */
  export function parseBuffer(
    data: Buffer,
    callback: (failed: boolean, result: TnefResult | null) => void,
  ): void;
}
