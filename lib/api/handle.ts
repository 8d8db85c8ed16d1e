import "server-only";
import { config } from "../config";
import { authenticateApiRequest, type ApiCaller } from "./authenticate";
import { readJson, toErrorResponse } from "./respond";

type Handler<P> = (ctx: {
  req: Request;
  caller: ApiCaller;
  params: P;
  body: () => Promise<unknown>;
}) => Promise<Response>;

/** Wraps an API v1 handler: bearer authentication, JSON body reading, error mapping. */
export function apiRoute<P>(handler: Handler<P>) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      const caller = await authenticateApiRequest(req);
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
