/**
 * POST /api/documents (multipart/form-data, field `file`): add a PDF, .txt or .md to the library from the
 * page. The file is checked (type by extension and content, size, readable by the ingest's loaders),
 * copied into the corpus folder (addToCorpus), and the index rebuilt and published atomically (runIngest):
 * the previous index serves until then, and the store switches to the new build when it is published.
 * Progress comes back as Server-Sent Events: `accepted`, `progress` (one per ingest step), `warning`,
 * then `done` { document, documents } or `error` { code, message } (the file is then taken out again).
 *
 * Refused before anything is written, as JSON: 403 `uploads_off` (ALLOW_UPLOADS), 413 (UPLOAD_MAX_BYTES),
 * 415 (not multipart, or not a PDF/txt/md), 409 (same name in the library, or another upload running),
 * 422 (a file the loaders cannot read). APP_TOKEN, when set, is required as for every /api route.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import { describeFailure, IngestError } from "../../domain/errors.ts";
import { addToCorpus } from "../../ingest/add-to-corpus.ts";
import { runIngest, type IngestEvent } from "../../ingest/ingest.ts";
import type { AppDeps } from "../app.ts";
import { AppError, errorBody } from "../errors.ts";
import { logEvent } from "../log.ts";
import { corpusPath } from "./files.ts";

const TYPES = { ".pdf": "pdf", ".txt": "txt", ".md": "md" } as const;
type Extension = keyof typeof TYPES;

/** A safe file name for the corpus folder: letters, digits, dot, dash and underscore; the extension kept. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, "/"));
  const ext = path.extname(base).toLowerCase();
  const stem = base.slice(0, base.length - ext.length).normalize("NFKD").replace(/[^\w.-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 80);
  return `${stem || "document"}${ext}`;
}

/** Why the bytes are not what the extension says, or undefined. */
export function contentProblem(ext: Extension, bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return "the file is empty";
  if (ext === ".pdf") return Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-") ? undefined : "it is named .pdf but is not a PDF";
  if (bytes.includes(0)) return `it is named ${ext} but holds binary data, not text`;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return `it is named ${ext} but is not UTF-8 text`;
  }
  return undefined;
}

/** One step of the ingest, for the page: a stage, a count, and the words to show. */
function progressOf(event: IngestEvent): Record<string, unknown> | undefined {
  switch (event.type) {
    case "files":
      return { stage: "read", total: event.files.length };
    case "document":
      return { stage: "passages", id: event.id, done: event.done, total: event.total, passages: event.passages, studies: event.studies };
    case "embed":
      return { stage: "embed", done: event.done, total: event.total };
    case "write":
      return { stage: "write", step: event.step };
    default:
      return undefined;
  }
}

export function uploadRoutes(deps: AppDeps) {
  let running = false;
  const { config } = deps.context;
  const max = config.server.uploadMaxBytes;
  const limit = bodyLimit({
    // The form's boundaries and headers come on top of the file.
    maxSize: max + 64 * 1024,
    onError: (c) => c.json(errorBody("payload_too_large", `the file is larger than the limit of ${(max / 1024 / 1024).toFixed(1)} MB (UPLOAD_MAX_BYTES)`), 413, { Connection: "close" }),
  });
  return new Hono().post(
    "/api/documents",
    async (c, next) => {
      if (!config.server.allowUploads) {
        throw new AppError(403, "uploads_off", "adding documents from the page is off on this server; its operator can set ALLOW_UPLOADS=1, or add files with `npm run ingest -- file.pdf`");
      }
      if (!/^multipart\/form-data\s*;/i.test(c.req.header("content-type") ?? "")) {
        throw new AppError(415, "unsupported_media_type", "send the document as multipart/form-data with the file in the field `file`");
      }
      await next();
    },
    limit,
    async (c) => {
      const form = await c.req.parseBody().catch(() => undefined);
      const file = form?.file;
      if (!(file instanceof File)) throw new AppError(400, "invalid_request", "file: attach one file in the form field `file`");
      const name = safeFileName(file.name);
      const ext = path.extname(name).toLowerCase();
      if (!Object.hasOwn(TYPES, ext)) throw new AppError(415, "unsupported_type", `file: "${file.name.slice(0, 100)}" is not a PDF, .txt or .md file`);
      if (file.size > max) throw new AppError(413, "payload_too_large", `file: larger than the limit of ${(max / 1024 / 1024).toFixed(1)} MB (UPLOAD_MAX_BYTES)`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const problem = contentProblem(ext as Extension, bytes);
      if (problem) throw new AppError(415, "unsupported_type", `file: ${problem}`);
      const { store } = deps.context;
      await store.refresh(0);
      const target = corpusPath(config.corpusDir, name);
      if (!target) throw new AppError(400, "invalid_request", "file: the name cannot be used");
      if (store.documents.some((d) => d.id === name || path.basename(d.id) === name)) {
        throw new AppError(409, "already_in_library", `a document named ${name} is already in the library; rename the file to add it as another document`);
      }
      if (running) throw new AppError(409, "busy", "another document is being added; try again when it is done");
      running = true;
      const tmp = await mkdtemp(path.join(os.tmpdir(), "upload-"));
      let copied = false;
      try {
        const staged = path.join(tmp, name);
        await writeFile(staged, bytes);
        try {
          const added = await addToCorpus(config.corpusDir, [staged]);
          copied = added.length > 0;
        } catch (error) {
          const reason = error instanceof IngestError ? error.message.replace(`${staged}: `, "") : describeFailure(error);
          throw new AppError(422, "unreadable_document", `${name}: ${reason}`);
        }
      } catch (error) {
        running = false;
        await rm(tmp, { recursive: true, force: true });
        throw error;
      }
      logEvent({ event: "upload", file: name, bytes: bytes.length });
      return streamSSE(c, async (stream) => {
        const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
        try {
          await send("accepted", { file: name, bytes: bytes.length });
          const events: Promise<void>[] = [];
          await runIngest(config, {
            signal: deps.shutdown,
            onEvent: (e) => {
              const progress = progressOf(e);
              if (progress) events.push(send("progress", progress));
              if (e.type === "warning") events.push(send("warning", { message: e.message }));
            },
          });
          await Promise.all(events);
          await store.refresh(0);
          const document = store.documents.find((d) => d.id === name) ?? null;
          await send("done", { document, documents: store.documents.length });
          logEvent({ event: "upload-indexed", file: name, passages: document?.counts.passages ?? 0 });
        } catch (error) {
          // The index was not replaced: take the file out again, so the corpus and the index agree.
          if (copied) await rm(target, { force: true });
          const message = describeFailure(error);
          logEvent({ event: "upload-failed", file: name, error: message.slice(0, 300) });
          await send("error", { code: "ingest_failed", message: `${name} could not be added: ${message}; the library is unchanged` });
        } finally {
          running = false;
          await rm(tmp, { recursive: true, force: true });
          await stream.close();
        }
      });
    },
  );
}
