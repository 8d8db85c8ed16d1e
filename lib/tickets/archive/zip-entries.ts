import { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import type { ArchiveEntry } from "./ticket-archive-entries";

/**
 * A zip of `entries` as a web stream, written while it is read: the next entry
 * is taken from the generator only after archiver has consumed the previous one
 * (its "entry" event), so memory holds one file at a time, whatever the ticket's
 * size. Compression by archiver (a kept library, issue 16); an error while
 * loading an entry aborts the stream (the download fails rather than ending in
 * a silently truncated zip).
 */
export function zipEntries(entries: AsyncGenerator<ArchiveEntry>): ReadableStream<Uint8Array> {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  (async () => {
    try {
      for await (const entry of entries) {
        const consumed = new Promise<void>((resolve, reject) => {
          const done = (error?: Error) => {
            archive.off("entry", onEntry).off("error", done);
            if (error) reject(error);
            else resolve();
          };
          const onEntry = () => done();
          archive.on("entry", onEntry).on("error", done);
        });
        archive.append(entry.content, { name: entry.name, date: entry.date });
        await consumed;
      }
      await archive.finalize();
    } catch (error) {
      archive.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return Readable.toWeb(archive) as ReadableStream<Uint8Array>;
}
