import "server-only";
import { config } from "../config";
import { NotFoundError } from "../errors";
import { authenticateApiRequest, type ApiCaller } from "./authenticate";
import { readJson, toErrorResponse } from "./respond";

type Handler<P> = (ctx: {
  req: Request;
  caller: ApiCaller;
  params: P;
  body: () => Promise<unknown>;
}) => Promise<Response>;

/**
 * Wraps an API v1 handler: bearer authentication, JSON body reading, error mapping.
 * With `admin`, a token of a non-admin answers 404, as the admin pages do (issue 14),
 * before the body is read or validated: it learns neither the endpoint nor its schema.
 */
export function apiRoute<P>(handler: Handler<P>, options: { admin?: boolean } = {}) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      const caller = await authenticateApiRequest(req);
      if (options.admin && caller.agent.role !== "admin") throw new NotFoundError();
      return await handler({
        req,
        caller,
        params: await context.params,
        body: () => readJson(req, config.apiMaxBytes),
      });
    } catch (error) {
      return toErrorResponse(error, `${req.method} ${new URL(req.url).pathname}`);
    }
  };
}

/** An admin-only API v1 handler (see apiRoute's `admin`). */
export function adminApiRoute<P>(handler: Handler<P>) {
  return apiRoute(handler, { admin: true });
}
