/** Ingest into a real LanceDB in a temp folder: idempotence, updates, refusals that leave the index as it was. */
import { copyFile, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerContext, EmbedderMismatchError } from "../../src/answer/context.ts";
import { loadConfig, PROJECT_ROOT, type Config } from "../../src/config.ts";
import { runIngest } from "../../src/ingest/ingest.ts";
import { currentFile } from "../../src/store/layout.ts";
import { lockIndex, IndexLockedError } from "../../src/store/lock.ts";
import { PassageStore } from "../../src/store/passage-store.ts";
import { makePdf } from "../helpers/pdf.ts";

let root: string;
let config: Config;

async function passageIds(dataDir: string): Promise<string[]> {
  const store = await PassageStore.open(dataDir);
  return (await store.listPassages(undefined, 100_000)).map((p) => p.id).sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ingest-"));
  const corpus = path.join(root, "corpus");
  await mkdir(corpus);
  for (const f of ["review-child-trafficking-programs.txt", "studies.json", "study-aliases.json"]) {
    await copyFile(path.join(PROJECT_ROOT, "corpus", f), path.join(corpus, f));
  }
  config = loadConfig({ DATA_DIR: path.join(root, "data"), CORPUS_DIR: corpus });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("ingest", () => {
  it("builds an index of the review with every section and study", async () => {
    const summary = await runIngest(config);
    expect(summary.documents).toBe(1);
    expect(Object.keys(summary.bySection).sort()).toEqual(["abstract", "abstrak", "hasil", "metode", "pembahasan", "pendahuluan", "simpulan", "tabel"]);
    for (let n = 1; n <= 10; n++) expect(summary.byStudy[n]).toBeGreaterThanOrEqual(3);
    const store = await PassageStore.open(config.dataDir);
    expect(store.passageCount).toBe(summary.passages);
    expect(store.manifest.embedder).toEqual({ id: "local-hash-v2/512", dimension: 512 });
    expect(store.studies).toHaveLength(11);
  });

  it("is idempotent: the same corpus gives the same rows and ids, vectors reused", async () => {
    const before = await passageIds(config.dataDir);
    const again = await runIngest(config);
    expect(await passageIds(config.dataDir)).toEqual(before);
    expect(again.reusedVectors).toBe(before.length);
  });

  it("refuses a corrupt PDF with a clear error and leaves the index serving as it was", async () => {
    const current = await readFile(currentFile(config.dataDir), "utf8");
    const bad = path.join(config.corpusDir, "broken.pdf");
    await writeFile(bad, "%PDF-1.7\nnot really a pdf\n%%EOF");
    await expect(runIngest(config)).rejects.toThrow(/broken\.pdf: not a readable PDF/);
    await rm(bad);
    expect(await readFile(currentFile(config.dataDir), "utf8")).toBe(current);
    expect(await passageIds(config.dataDir)).toHaveLength((await PassageStore.open(config.dataDir)).passageCount);
  });

  it("ingests a PDF dropped into the corpus with its page numbers, and a changed file updates its passages", async () => {
    const pdf = path.join(config.corpusDir, "notes.pdf");
    await writeFile(pdf, await makePdf([["Catatan halaman satu tentang program MLMC."], ["Halaman dua membahas Rumah Faye dan tahapan."]]));
    await runIngest(config);
    let store = await PassageStore.open(config.dataDir);
    const pdfPassages = (await store.listPassages(undefined, 1000)).filter((p) => p.docId === "notes.pdf");
    expect(pdfPassages.map((p) => p.page).sort()).toEqual([1, 2]);
    expect(pdfPassages.find((p) => p.text.includes("Rumah Faye"))?.studies).toEqual([4]);

    await writeFile(pdf, await makePdf([["Catatan baru tentang Arpan saja."]]));
    await runIngest(config);
    store = await PassageStore.open(config.dataDir);
    const updated = (await store.listPassages(undefined, 1000)).filter((p) => p.docId === "notes.pdf");
    expect(updated).toHaveLength(1);
    expect(updated[0].text).toContain("Arpan");
    await rm(pdf);
    await runIngest(config);
  });

  it("lets one ingest at a time write the index", async () => {
    const release = await lockIndex(config.dataDir);
    try {
      await expect(runIngest(config, { lockWaitMs: 600 })).rejects.toBeInstanceOf(IndexLockedError);
    } finally {
      await release();
    }
  });

  it("refuses to query with another embedder than the one that built the index", async () => {
    const other = loadConfig({ DATA_DIR: config.dataDir, CORPUS_DIR: config.corpusDir, LOCAL_EMBEDDING_DIMENSION: "256" });
    const error = await createAnswerContext(other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderMismatchError);
    expect((error as Error).message).toMatch(/npm run ingest/);
  });
});
