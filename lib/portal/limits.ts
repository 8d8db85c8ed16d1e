import { config } from "../config";
import type { AttachmentLimits } from "./schemas";

/** The portal's attachment limits from config, for the schema on both sides. */
export function getAttachmentLimits(): AttachmentLimits {
  return {
    maxCount: config.portalMaxAttachments,
    maxBytes: config.portalAttachmentMaxBytes,
    extensions: config.portalAttachmentExtensions,
  };
}
