import { z } from "zod";

export const apiTokenSchema = z.object({
  name: z.string().trim().min(1, "required").max(100),
  readOnly: z.boolean().default(false),
});
