/**
 * Scale: a synthetic corpus of N documents shaped like the review, ingested in its own process; then
 * query latency with the full-text index, with the vector index, and with an exact (flat) vector scan,
 * and recall@5 of the planted facts through the product's hybrid search.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createAnswerContext } from "../answer/context.ts";
import { loadConfig, PROJECT_ROOT } from "../config.ts";
import { analyze } from "../text/analyze.ts";
import { searchPassages } from "../retrieve/search.ts";
import { buildDir } from "../store/layout.ts";
import { ingestInChild, type ChildIngestResult } from "./run-child.ts";
import { summarizeLatency, type LatencySummary } from "./stats.ts";
import { generateCorpus, type PlantedFact } from "./synthetic-corpus.ts";

export interface ScaleResult {
  documents: number;
  passages: number;
  corpusMb: number;
  ingest: ChildIngestResult & { passagesPerSecond: number };
  tableMb: number;
  vectorIndex: string | null;
  latency: { fullText: LatencySummary; vectorIndexed: LatencySummary | null; vectorExact: LatencySummary; hybrid: LatencySummary; hybridExact: LatencySummary };
  recallAt5: { hybrid: number; hybridExact: number; facts: number };
}

function diskMb(dir: string): number {
  return Number(execFileSync("du", ["-sm", dir], { encoding: "utf8" }).split("\t")[0]);
}

/** A planted fact is found when its passage (its document, with its invented name) is in the top 5. */
const found = (fact: PlantedFact, hits: { passage: { docId: string; text: string } }[]) =>
  hits.slice(0, 5).some((h) => h.passage.docId === fact.docId && h.passage.text.includes(fact.expect));

export async function scaleBench(documents: number, options: { queries: number; exactQueries: number; log: (line: string) => void }): Promise<ScaleResult> {
  const root = await mkdtemp(path.join(os.tmpdir(), `scale-${documents}-`));
  try {
    const corpusDir = path.join(root, "corpus");
    const dataDir = path.join(root, "data");
    options.log(`scale ${documents}: generating`);
    const corpus = await generateCorpus({
      dir: corpusDir,
      documents,
      sourceText: readFileSync(path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt"), "utf8").replace(/\s+/g, " "),
    });
    options.log(`scale ${documents}: ingesting ${(corpus.bytes / 1e6).toFixed(1)} MB`);
    // The vector index is built from 5,000 rows here, so both sizes are measured with and without it.
    const env = { DATA_DIR: dataDir, CORPUS_DIR: corpusDir, VECTOR_INDEX_MIN_ROWS: "5000" };
    const ingest = await ingestInChild(env);
    const config = loadConfig({ ...process.env, ...env });
    const context = await createAnswerContext(config);
    const { store, embedder } = context;
    const queryOf = (text: string) => ({ text, canonical: analyze(text).canonical });
    // Spread the sampled facts over the corpus (both languages).
    const step = Math.max(1, Math.floor(corpus.facts.length / options.queries));
    const facts = corpus.facts.filter((_, i) => i % step === 0).slice(0, options.queries);
    options.log(`scale ${documents}: ${facts.length} queries`);
    for (const f of facts.slice(0, 5)) await searchPassages(store, embedder, queryOf(f.question), { k: 5 }); // warm-up

    const fullText: number[] = [];
    const vectorIndexed: number[] = [];
    const vectorExact: number[] = [];
    const hybrid: number[] = [];
    const hybridExact: number[] = [];
    let hitHybrid = 0;
    let hitExact = 0;
    for (const [i, fact] of facts.entries()) {
      const query = queryOf(fact.question);
      let t = performance.now();
      await store.textSearch(query.canonical.join(" "), 24);
      fullText.push(performance.now() - t);
      const [vector] = (await embedder!.embed([fact.question])).vectors;
      if (store.manifest.vectorIndex) {
        t = performance.now();
        await store.vectorSearch(vector, 24);
        vectorIndexed.push(performance.now() - t);
      }
      t = performance.now();
      const hits = await searchPassages(store, embedder, query, { k: 5 });
      hybrid.push(performance.now() - t);
      if (found(fact, hits)) hitHybrid++;
      if (i < options.exactQueries) {
        t = performance.now();
        await store.vectorSearch(vector, 24, undefined, true);
        vectorExact.push(performance.now() - t);
        // The same hybrid search without the vector index: an exact scan of every vector.
        t = performance.now();
        const exactHits = await searchPassages(store, embedder, query, { k: 5, exactVector: true });
        hybridExact.push(performance.now() - t);
        if (found(fact, exactHits)) hitExact++;
      }
    }
    return {
      documents,
      passages: ingest.passages,
      corpusMb: Math.round((corpus.bytes / 1e6) * 10) / 10,
      ingest: { ...ingest, passagesPerSecond: Math.round(ingest.passages / (ingest.wallMs / 1000)) },
      tableMb: diskMb(buildDir(dataDir, ingest.buildId)),
      vectorIndex: ingest.vectorIndex,
      latency: {
        fullText: summarizeLatency(fullText),
        vectorIndexed: vectorIndexed.length > 0 ? summarizeLatency(vectorIndexed) : null,
        vectorExact: summarizeLatency(vectorExact),
        hybrid: summarizeLatency(hybrid),
        hybridExact: summarizeLatency(hybridExact),
      },
      recallAt5: {
        hybrid: Math.round((hitHybrid / facts.length) * 1000) / 1000,
        hybridExact: Math.round((hitExact / Math.min(options.exactQueries, facts.length)) * 1000) / 1000,
        facts: facts.length,
      },
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
