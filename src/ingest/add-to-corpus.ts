/**
 * Adding documents to the corpus folder: `npm run ingest -- a.pdf notes.md` copies them in (a folder's
 * supported files too), so the corpus stays the one source of truth and the next `npm start` keeps them.
 * Every file is checked (type, size, readable) before anything is copied.
 */
import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { IngestError } from "../domain/errors.ts";
import { listCorpusFiles, loadDocument } from "./load.ts";

export interface Added {
  source: string;
  target: string;
  replaced: boolean;
}

export async function addToCorpus(corpusDir: string, paths: string[]): Promise<Added[]> {
  const files = await listCorpusFiles(corpusDir, paths);
  if (files.length === 0) throw new IngestError(paths.join(", "), "no .txt, .md or .pdf files to add");
  // Refuse before copying anything: a file that cannot be read would only fail the ingest later.
  for (const file of files) await loadDocument(file);
  await mkdir(corpusDir, { recursive: true });
  const root = path.resolve(corpusDir);
  const out: Added[] = [];
  for (const file of files) {
    if (path.resolve(file).startsWith(root + path.sep)) continue; // already in the corpus
    const target = path.join(root, path.basename(file));
    const replaced = Boolean(await stat(target).catch(() => undefined));
    await copyFile(file, target);
    out.push({ source: file, target: path.relative(process.cwd(), target), replaced });
  }
  return out;
}
