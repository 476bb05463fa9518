/**
 * The chat page's files, read into memory once (the page is small). Only files that exist in web/ are
 * served, so no request path can reach outside it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export interface StaticFile {
  body: Uint8Array;
  type: string;
}

export function loadStaticFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  let entries: { name: string; parentPath: string; isFile(): boolean }[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const type = TYPES[path.extname(entry.name).toLowerCase()];
    if (!type) continue;
    const route = "/" + path.relative(dir, full).split(path.sep).join("/");
    files.set(route, { body: new Uint8Array(readFileSync(full)), type });
  }
  return files;
}
