/** Read and validate a JSON body: a 400 naming the field, never a 500. */
import type { Context } from "hono";
import type { z } from "zod";
import { AppError, describeIssues } from "./errors.ts";
import { isJsonMediaType } from "./request-guards.ts";

export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  if (!isJsonMediaType(c.req.header("content-type"))) {
    throw new AppError(415, "unsupported_media_type", "send the body as JSON (content-type: application/json, optionally with charset=utf-8)");
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new AppError(400, "invalid_json", "the body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError(400, "invalid_request", describeIssues(parsed.error));
  return parsed.data;
}
