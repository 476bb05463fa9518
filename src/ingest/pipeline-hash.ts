/**
 * A hash of the code and data that turn files into passages and records: a change to any of them means
 * every index, and every cached read of a file, is out of date. The TypeScript sources are hashed, not the
 * running modules, so that the built server (dist/) and the tools run from source (eval, tests) agree.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "../config.ts";

const PIPELINE_SOURCES = ["ingest", "vocab", "text", "domain"].map((dir) => pathToFileURL(path.join(PROJECT_ROOT, "src", dir) + path.sep));

let cached: Promise<string> | undefined;

export function pipelineHash(): Promise<string> {
  return (cached ??= (async () => {
    const hash = createHash("sha256");
    for (const dir of PIPELINE_SOURCES) {
      const files = (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((f) => /\.(?:ts|js|json|tsv)$/.test(f) && !/\.test\.ts$/.test(f)).sort();
      for (const f of files) hash.update(`${f}\n`).update(await readFile(new URL(f, dir)));
    }
    return hash.digest("hex").slice(0, 16);
  })());
}
