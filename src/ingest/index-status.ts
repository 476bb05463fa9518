/**
 * Is the served index current? Missing, unreadable, or built from other files, settings or another
 * embedder than the configured ones: then `npm start` rebuilds it before serving.
 */
import type { Config } from "../config.ts";
import { createLocalEmbedder } from "../embed/local.ts";
import { corpusHash } from "./ingest.ts";
import { fingerprintDocument, listCorpusFiles } from "./load.ts";
import { locateConfiguredIndex } from "../store/index-location.ts";

export type IndexStatus = { state: "current" } | { state: "missing" | "stale" | "unreadable"; reason: string };

export async function indexStatus(config: Config): Promise<IndexStatus> {
  const location = locateConfiguredIndex(config);
  const build = await location.readCurrent();
  if (!build) return { state: "missing", reason: "no index has been built yet" };
  let manifest;
  try {
    manifest = await location.readManifest(build);
  } catch {
    return { state: "unreadable", reason: `the index build ${build} cannot be read` };
  }
  const embedderId = config.embed.provider === "local" ? createLocalEmbedder(config.embed.localDimension).id : manifest.embedder.id;
  const files = await listCorpusFiles(config.corpusDir);
  // Hashes only: parsing every PDF at each start just to compare hashes would be wasted work.
  const documents = await Promise.all(files.map((f) => fingerprintDocument(f, config.corpusDir)));
  const hash = await corpusHash(config, documents, embedderId);
  return hash === manifest.corpusHash ? { state: "current" } : { state: "stale", reason: "the corpus, its metadata or the ingest settings changed" };
}
