import type { NewAttachment } from "../tickets/write-article";
import { contentRuleFor } from "./attachment-policy";

/** Uploaded files (already checked by the schema) as article attachments, typed by the policy. */
export async function readAttachments(files: File[]): Promise<NewAttachment[]> {
  return Promise.all(
    files.map(async (file) => ({
      // Browsers send a bare name; strip any path a client might add anyway.
      filename: file.name.split(/[\\/]/).pop() || "attachment",
      // The policy's type for the extension: browsers send none or a generic one for many files.
      contentType:
        contentRuleFor(file.name)?.contentType ?? (file.type || "application/octet-stream"),
      content: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}
