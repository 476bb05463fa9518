/**
 * GET /files/:docId: a corpus PDF, read-only, so the reader can link to a page (`/files/<id>#page=4`).
 * Only documents of the served index, only PDFs, only inside the corpus folder, and only while the file
 * is the one that was indexed (same SHA-256): no request path can reach any other file.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import type { AppDeps } from "../app.ts";
import { AppError } from "../errors.ts";

/** Where an indexed document's file is, or undefined when its id would lead outside the corpus folder. */
export function corpusPath(corpusDir: string, docId: string): string | undefined {
  const root = path.resolve(corpusDir);
  const full = path.resolve(root, docId);
  return full.startsWith(root + path.sep) ? full : undefined;
}

interface Checked {
  mtimeMs: number;
  size: number;
  sha256: string;
}

export function fileRoutes(deps: AppDeps) {
  const checked = new Map<string, Checked>();
  return new Hono().get("/files/:id{.+}", async (c) => {
    const { store, config } = deps.context;
    await store.refresh();
    const id = decodeURIComponent(c.req.param("id"));
    const document = store.document(id);
    if (!document || document.format !== "pdf") throw new AppError(404, "not_found", `no PDF in the library with the id ${id.slice(0, 200)}`);
    const file = corpusPath(config.corpusDir, document.id);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) throw new AppError(404, "not_found", `the PDF of ${document.short} is no longer in the corpus folder`);
    const body = await readFile(file);
    const known = checked.get(file);
    if (!known || known.mtimeMs !== info.mtimeMs || known.size !== info.size) {
      checked.set(file, { mtimeMs: info.mtimeMs, size: info.size, sha256: createHash("sha256").update(body).digest("hex") });
    }
    if (checked.get(file)!.sha256 !== document.sha256) {
      throw new AppError(409, "file_changed", `the PDF of ${document.short} changed since it was indexed; rebuild the index (npm run ingest)`);
    }
    const name = path.basename(file).replace(/[^\w.-]+/g, "_");
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${name}"`,
      "Cache-Control": "no-cache",
    });
  });
}
