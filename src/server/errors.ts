/**
 * One error type for the HTTP layer (modelled on Hono's HTTPException): a status, a machine-readable code
 * and a message for people. The app's single error handler renders every failure as
 * `{ error: { code, message } }`; anything unexpected is logged and becomes a 500 without details.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { ProductError } from "../domain/errors.ts";
import { logEvent } from "./log.ts";

/** A request the API refuses: the HTTP status, and the code and message of the `{ error }` body. */
export class AppError extends ProductError {
  constructor(
    readonly status: ContentfulStatusCode,
    code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

export function errorBody(code: string, message: string) {
  // `type` too, so OpenAI clients show our errors as they show theirs.
  return { error: { code, message, type: code } };
}

/** The first problem of a zod error, naming the field: "messages.0.content: must not be empty". */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.length > 0 ? issue.path.join(".") : "body";
  return `${field}: ${issue.message}`;
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof AppError) return c.json(errorBody(error.code, error.message), error.status);
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return c.json(errorBody(status === 413 ? "payload_too_large" : "http_error", error.message || "request refused"), status);
  }
  logEvent({ event: "error", path: c.req.path, error: `${error.name}: ${error.message}` });
  return c.json(errorBody("internal_error", "something went wrong on the server; the error was logged"), 500);
}
