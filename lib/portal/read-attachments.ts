import type { NewAttachment } from "../tickets/write-article";

/** Uploaded files (already checked by the schema) as article attachments. */
export async function readAttachments(files: File[]): Promise<NewAttachment[]> {
  return Promise.all(
    files.map(async (file) => ({
      // Browsers send a bare name; strip any path a client might add anyway.
      filename: file.name.split(/[\\/]/).pop() || "attachment",
      contentType: file.type || "application/octet-stream",
      content: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}
