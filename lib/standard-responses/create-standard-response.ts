import { db } from "../db";

export interface CreateStandardResponseInput {
  name: string;
  body: string;
  /** Queues whose reply form offers it. */
  queueIds: number[];
  active?: boolean;
}

/**
 * Creates a standard response assigned to `queueIds`. The administration pages will call
 * it (issue 13 item 6); until they exist, tests and seeds do. Names are unique.
 */
export async function createStandardResponse(input: CreateStandardResponseInput) {
  return db.standardResponse.create({
    data: {
      name: input.name.trim(),
      body: input.body,
      active: input.active ?? true,
      queues: { create: input.queueIds.map((queueId) => ({ queueId })) },
    },
  });
}
