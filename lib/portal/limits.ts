import { getSettings } from "../settings/get-settings";
import type { AttachmentLimits } from "./schemas";

/** The portal's attachment limits from the settings (lib/settings), for the schema on both sides. */
export async function getAttachmentLimits(): Promise<AttachmentLimits> {
  const settings = await getSettings();
  return {
    maxCount: settings.attachmentMaxCount,
    maxBytes: Math.round(settings.attachmentMaxMegabytes * 1024 * 1024),
    extensions: settings.attachmentExtensions,
  };
}
