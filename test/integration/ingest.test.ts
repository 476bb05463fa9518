/**
 * Ingest into a real LanceDB in a temp folder, from documents alone (no studies.json, nothing written by
 * hand): the review's study records, a folder of uncurated PDFs, idempotence, updates, files added to the
 * corpus, and refusals and stops that leave the served index as it was.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/answer/answer.ts";
import { createAnswerContext, EmbedderMismatchError } from "../../src/answer/context.ts";
import { loadConfig, type Config } from "../../src/config.ts";
import { addToCorpus } from "../../src/ingest/add-to-corpus.ts";
import { CORPUS_LEXICON, IngestStoppedError, runIngest, type IngestEvent } from "../../src/ingest/ingest.ts";
import { clearReadMemory } from "../../src/ingest/read-cache.ts";
import { currentFile } from "../../src/store/layout.ts";
import { IndexLockedError, lockIndex } from "../../src/store/lock.ts";
import { PassageStore } from "../../src/store/passage-store.ts";
import { CORPUS_FILE, EXTRA_CORPUS } from "../helpers/index-fixture.ts";
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
  // The review's text only: no studies.json, no lexicon, no aliases.
  await copyFile(CORPUS_FILE, path.join(corpus, path.basename(CORPUS_FILE)));
  config = loadConfig({ DATA_DIR: path.join(root, "data"), CORPUS_DIR: corpus });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("ingest of the review from its text alone", () => {
  it("builds passages in every canonical section and ten study records read from its tables", async () => {
    const summary = await runIngest(config);
    expect(summary.documents).toHaveLength(1);
    expect(summary.documents[0].kind).toBe("review");
    expect(Object.keys(summary.bySection).sort()).toEqual(
      expect.arrayContaining(["abstract", "conclusion", "discussion", "introduction", "methods", "results", "table"]),
    );
    const store = await PassageStore.open(config.dataDir);
    expect(store.passageCount).toBe(summary.passages);
    expect(store.manifest.embedder).toEqual({ id: "local-hash-v2/512", dimension: 512, analysis: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const studies = store.studies.filter((s) => s.kind === "study");
    expect(studies.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Every study is spoken of in the prose, not only in its table row.
    const passages = await store.listPassages(undefined, 100_000);
    for (const s of studies) expect(passages.filter((p) => p.studies.includes(s.number!)).length, `study ${s.number}`).toBeGreaterThanOrEqual(2);
  });

  it("is idempotent: the same corpus gives the same rows and ids, vectors reused", async () => {
    const before = await passageIds(config.dataDir);
    const again = await runIngest(config);
    expect(await passageIds(config.dataDir)).toEqual(before);
    expect(again.reusedVectors).toBe(before.length);
  });

  it("keeps each built document beside the index: a later ingest in a fresh process builds from the kept copy, and gets what a build gives", async () => {
    const kept = path.join(config.dataDir, "cache", "read");
    const builtFiles = async () => (await readdir(kept)).filter((f) => f.startsWith("built-"));
    const [name] = await builtFiles();
    expect(name).toBeDefined();
    const store = await PassageStore.open(config.dataDir);
    const before = { passages: await store.listPassages(undefined, 100_000), studies: store.studies };
    // What the folder keeps is what the build gave: the same passages and records, field by field.
    clearReadMemory();
    await runIngest(config);
    const after = await PassageStore.open(config.dataDir);
    expect(await after.listPassages(undefined, 100_000)).toEqual(before.passages);
    expect(after.studies).toEqual(before.studies);
    // And it is used: a kept copy changed by hand is what the next ingest serves.
    const entry = JSON.parse(await readFile(path.join(kept, name), "utf8"));
    entry.passages[0].text = "Kept, not built again.";
    await writeFile(path.join(kept, name), JSON.stringify(entry));
    clearReadMemory();
    await runIngest(config);
    expect((await (await PassageStore.open(config.dataDir)).listPassages(undefined, 100_000)).map((p) => p.text)).toContain("Kept, not built again.");
    // A corpus lexicon changes what a build gives, so it is a new entry, not the kept one.
    await writeFile(path.join(config.corpusDir, CORPUS_LEXICON), "tempat penampungan\tshelter\n");
    clearReadMemory();
    await runIngest(config);
    await rm(path.join(config.corpusDir, CORPUS_LEXICON));
    expect((await (await PassageStore.open(config.dataDir)).listPassages(undefined, 100_000)).map((p) => p.text)).not.toContain("Kept, not built again.");
    // That ingest pruned the entry it did not use.
    expect(await builtFiles()).not.toContain(name);
  });

  it("does not reuse local vectors made with another lexicon: they embed its canonical terms", async () => {
    const before = await passageIds(config.dataDir);
    // (The test before built the index with "tempat penampungan"; this lexicon is a different one.)
    await writeFile(path.join(config.corpusDir, CORPUS_LEXICON), "rumah aman\tsafe house\n");
    try {
      const changed = await runIngest(config);
      expect(changed.reusedVectors).toBe(0);
      expect(await passageIds(config.dataDir)).toEqual(before);
    } finally {
      await rm(path.join(config.corpusDir, CORPUS_LEXICON));
    }
    // Back to the lexicon of the build before: every vector is made again, none reused from the one between.
    expect((await runIngest(config)).reusedVectors).toBe(0);
    expect((await runIngest(config)).reusedVectors).toBe(before.length);
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
    expect(store.documents.map((d) => d.id).sort()).toEqual(["notes.pdf", path.basename(CORPUS_FILE)]);

    await writeFile(pdf, await makePdf([["Catatan baru tentang Arpan saja."]]));
    await runIngest(config);
    store = await PassageStore.open(config.dataDir);
    const updated = (await store.listPassages(undefined, 1000)).filter((p) => p.docId === "notes.pdf");
    expect(updated).toHaveLength(1);
    expect(updated[0].text).toContain("Arpan");
    await rm(pdf);
    await runIngest(config);
    expect((await PassageStore.open(config.dataDir)).documents).toHaveLength(1);
  });

  it("stops between steps when asked, leaving the served index unchanged", async () => {
    const current = await readFile(currentFile(config.dataDir), "utf8");
    const before = await passageIds(config.dataDir);
    await writeFile(path.join(config.corpusDir, "more.pdf"), await makePdf([["A page that will never be indexed."]]));
    const stop = new AbortController();
    const run = runIngest(config, { signal: stop.signal, onEvent: (e) => e.type === "document" && stop.abort() });
    await expect(run).rejects.toBeInstanceOf(IngestStoppedError);
    expect(await readFile(currentFile(config.dataDir), "utf8")).toBe(current);
    expect(await passageIds(config.dataDir)).toEqual(before);
    await rm(path.join(config.corpusDir, "more.pdf"));
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

describe("files added to the corpus", () => {
  it("copies readable files in, and refuses an unreadable one before copying anything", async () => {
    const corpus = path.join(root, "added");
    const incoming = path.join(root, "incoming");
    await mkdir(incoming);
    await writeFile(path.join(incoming, "a.pdf"), await makePdf([["Readable page."]]));
    await writeFile(path.join(incoming, "b.pdf"), "%PDF-1.7\nbroken\n%%EOF");
    await expect(addToCorpus(corpus, [incoming])).rejects.toThrow(/b\.pdf/);
    expect(await readdir(corpus).catch(() => [])).toEqual([]);
    await rm(path.join(incoming, "b.pdf"));
    const added = await addToCorpus(corpus, [incoming]);
    expect(added.map((a) => path.basename(a.target))).toEqual(["a.pdf"]);
    expect(await readdir(corpus)).toEqual(["a.pdf"]);
  });
});

describe("a folder of PDFs nobody curated (eval/corpus-extra)", () => {
  const events: IngestEvent[] = [];
  let store: PassageStore;
  beforeAll(async () => {
    const dataDir = path.join(root, "extra-data");
    await runIngest(loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: EXTRA_CORPUS }), { onEvent: (e) => events.push(e) });
    store = await PassageStore.open(dataDir);
  }, 300_000);

  it("answers questions that name the papers: who wrote one, cited to its author line; two compared by how each abstract opens", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const who = await answer(context, [{ role: "user", content: "Who wrote the PaSa paper?" }]);
    expect(who.answer).toMatch(/written by Yichen He, Guanhua Huang, .* and Weinan E \[1\]/);
    expect(who.citations[0]).toMatchObject({ docId: "pasa.pdf", page: 1 });
    expect(who.citations[0].quote).toMatch(/^Yichen He/);
    const both = await answer(context, [{ role: "user", content: "Compare the PaSa paper and the TraceMonkey paper" }]);
    expect(both.answer).toMatch(/^The abstract of He et al\. \(2025\) opens:/);
    expect(both.answer).toMatch(/The abstract of Gal et al\. \(2009\) opens:/);
    expect(new Set(both.citations.map((c) => `${c.docId} ${c.section}`))).toEqual(new Set(["pasa.pdf abstract", "tracemonkey.pdf abstract"]));
  });

  it("answers from a row of a paper's table by the column asked, naming the table, in the asker's language", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const en = await answer(context, [{ role: "user", content: "How many traces does TraceMonkey record for 3d-raytrace?" }]);
    expect(en.answer).toMatch(/^According to Gal et al\. \(2009\), Figure 13 \(«Detailed trace recording statistics[^»]*»\) gives for «3d-raytrace»: Traces 100/);
    expect(en.answer).not.toMatch(/Speedup/);
    // A superlative asks for the table's extreme; the text need not say "highest" or "lowest".
    const highest = await answer(context, [{ role: "user", content: "Which benchmark has the highest speedup?" }]);
    expect(highest.answer).toMatch(/Figure 13 \(«[^»]*»\), the highest Speedup is 25\.47x, for «bitops-3bit-bits-in-byte» \[1\]/);
    // ... though the question's other words ("reaches") rank the prose above every row, and a quote after it
    // speaks of the measure or is not given
    const reaches = await answer(context, [{ role: "user", content: "What is the highest speedup TraceMonkey reaches?" }]);
    expect(reaches.answer).toMatch(/the highest Speedup is 25\.47x, for «bitops-3bit-bits-in-byte» \[1\]/);
    expect(reaches.answer).not.toMatch(/When recording reaches line 4/);
    const lowest = await answer(context, [{ role: "user", content: "Which SunSpider benchmark has the lowest speedup?" }]);
    expect(lowest.answer).toMatch(/the lowest Speedup is 0\.93x, for «access-binary-trees»/);
    const id = await answer(context, [{ role: "user", content: "Berapa speedup 3d-raytrace di TraceMonkey?" }]);
    expect(id.answer).toMatch(/Figure 13 \(«[^»]*»\) mencatat untuk «3d-raytrace»: Speedup 1\.18x \[1\]/);
  });

  it("says a table gives no value where its cell is empty, and reads 'What GPU did the authors use?' as asking for a GPU", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const none = await answer(context, [{ role: "user", content: "What is the precision of Google Scholar on AutoScholarQuery?" }]);
    expect(none.answer).toMatch(/Table 5 \(«Results on AutoScholarQuery test set\.»\) gives no Precision for «Google Scholar» \(-\) \[1\]/);
    const gpu = await answer(context, [{ role: "user", content: "What GPU did the TraceMonkey authors use?" }]);
    expect(gpu.plan.kind).toBe("explain");
    expect(gpu.answer).not.toMatch(/was written by/);
    // who the authors are is still their names
    expect((await answer(context, [{ role: "user", content: "Who are the TraceMonkey authors?" }])).answer).toMatch(/was written by Andreas Gal/);
  });

  it("does not answer about a name of several words the paper never writes, though it has each word", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    // "exploring" is in TraceMonkey's text, "Internet Explorer" is not
    const ie = await answer(context, [{ role: "user", content: "What is the speedup of TraceMonkey on Internet Explorer?" }]);
    expect(ie.abstained).toBe(true);
    expect(ie.answer).toMatch(/It does not mention Internet Explorer\./);
    // inflected, or beside the paper's own name, a name it writes is still found
    for (const q of ["Which JavaScript VMs was TraceMonkey compared with?", "What does the PaSa Crawler do?"]) {
      expect((await answer(context, [{ role: "user", content: q }])).abstained, q).toBe(false);
    }
  });

  it("weighs a question as if words only the reference list uses were not in the paper", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    // PubMed is in one of PaSa's reference entries, which no answer quotes, and nowhere in its text.
    expect(context.store.termStats.byDoc?.["pasa.pdf"]?.referenceOnly).toContain("pubm");
    const r = await answer(context, [{ role: "user", content: "Does PaSa support searching PubMed?" }]);
    expect(r.abstained).toBe(true);
    expect(r.answer).toMatch(/It does not mention PubMed\./);
  });

  it("answers why with the sentence a reason's quote points back to", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const r = await answer(context, [{ role: "user", content: "Why does PaSa use the Selector as an auxiliary reward model?" }]);
    expect(r.citations[0].quote).toMatch(/this could lead to sparse rewards during training\. To mitigate this, we use the Selector as an auxiliary reward model/);
  });

  it("answers from the section a question names by its heading, though its sentences never say the heading's words", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const r = await answer(context, [{ role: "user", content: "What future work do the TraceMonkey authors list?" }]);
    // "10. Future Work": "We currently do not trace across recursive function calls, but plan to add the support ..."
    expect(r.citations.some((c) => c.heading === "10. Future Work" && /recursive function calls/.test(c.quote))).toBe(true);
    expect(r.citations.some((c) => /regular expression substitutions/.test(c.quote))).toBe(true);
  });

  it("says first the items asked for, as the best quote names them, cited to it, in either language", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const en = await answer(context, [{ role: "user", content: "What agents does PaSa have?" }]);
    expect(en.answer).toMatch(/^The agents: Crawler and Selector \[1\]\. According to He et al\. \(2025\), «As illustrated in Figure 1, PaSa consists of two LLM agents: the Crawler and the Selector\.» \[1\]/);
    const id = await answer(context, [{ role: "user", content: "Agen apa saja yang ada di PaSa?" }]);
    expect(id.answer).toMatch(/^Agen: Crawler dan Selector \[1\]\./);
  });

  it("answers how a named paper's system works from its abstract, in either language", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    for (const question of ["How does TraceMonkey work?", "Bagaimana cara kerja TraceMonkey?"]) {
      const r = await answer(context, [{ role: "user", content: question }]);
      expect(r.abstained, question).toBe(false);
      expect(r.citations.every((c) => c.docId === "tracemonkey.pdf" && c.section === "abstract"), question).toBe(true);
      expect(r.answer, question).not.toMatch(/future work/);
    }
  });

  it("reads an Indonesian loanword as the English paper's word ('kueri' for 'queries')", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const r = await answer(context, [{ role: "user", content: "Berapa banyak kueri di RealScholarQuery?" }]);
    expect(r.abstained).toBe(false);
    expect(r.answer).toMatch(/^Angkanya: 50 \[1\]/);
  });

  it("stays with the document a conversation is on after an answer that quoted nothing", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const messages: { role: "user" | "assistant"; content: string }[] = [];
    let last;
    for (const turn of ["What datasets does PaSa use?", "how big is the first one?", "and the second?"]) {
      messages.push({ role: "user", content: turn });
      last = await answer(context, messages);
      messages.push({ role: "assistant", content: last.answer });
    }
    expect(last!.citations.length).toBeGreaterThan(0);
    expect(last!.citations.every((c) => c.docId === "pasa.pdf")).toBe(true);
  });

  it("takes 'the PaSa authors' as the paper, not as a word its answer must have", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    for (const question of ["What datasets did the PaSa authors create?", "What datasets did the authors of PaSa create?"]) {
      const r = await answer(context, [{ role: "user", content: question }]);
      expect(r.abstained, question).toBe(false);
      expect(r.answer, question).toMatch(/AutoScholarQuery/);
    }
  });

  it("answers a share asked as a share or a proportion with the percentages the paper gives", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    for (const question of ["What share of sampled AutoScholarQuery queries were judged qualified?", "What proportion of the sampled queries were qualified?"]) {
      const r = await answer(context, [{ role: "user", content: question }]);
      expect(r.abstained, question).toBe(false);
      expect(r.answer, question).toMatch(/^The figures: 94\.0% and 93\.7% \[1\]/);
    }
  });

  it("answers what a paper sets out to do and what it concludes from where it says so, its abstract when its body is unreadable", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const ask = (q: string) => answer(context, [{ role: "user", content: q }]);
    const aim = await ask("What is the aim of the TraceMonkey paper?");
    expect(aim.citations).toHaveLength(1);
    expect(aim.citations[0]).toMatchObject({ docId: "tracemonkey.pdf", section: "abstract" });
    expect(aim.citations[0].quote).toMatch(/^We present an alternative compilation technique/);
    const problem = await ask("What problem does PaSa try to solve?");
    expect(problem.citations[0].quote).toMatch(/^We introduce PaSa/);
    // TAMReview.pdf's pages 2-22 are refused (unreadable): its conclusion is the one its abstract states.
    const concluded = await ask("What did the TAM review conclude?");
    expect(concluded.abstained).toBe(false);
    expect(concluded.citations[0].quote).toMatch(/^It is concluded that research in TAM lacks sufficient rigor/);
    // An acronym is defined where it is spelled out.
    const ppo = await ask("What does PPO stand for?");
    expect(ppo.answer).toMatch(/^PPO stands for «Proximal Policy Optimization» \[1\]\./);
    expect(ppo.citations[0].quote).toMatch(/PPO \(Proximal Policy Optimization/);
    // A component named in the paper is defined where the paper says what it is, though every passage that
    // speaks of "selecting" shares its words.
    const selector = await ask("What is the Selector in PaSa?");
    expect(selector.citations[0].quote).toMatch(/^The Selector is an LLM agent/);
    // ... and so is "What does the PaSa Crawler do?": the paper's name says where, the Crawler is the term
    const crawler = await ask("What does the PaSa Crawler do?");
    expect(crawler.citations.every((c) => /^The Crawler /.test(c.quote))).toBe(true);
    // A name only one paper uses, in a question full of words every paper uses ("papers", "mention"), is
    // answered from the sentences that name it.
    for (const question of ["Which work on Python do the papers cite?", "Apakah paper-paper ini menyebut Python?"]) {
      const python = await ask(question);
      expect(python.abstained, question).toBe(false);
      expect(python.citations[0]).toMatchObject({ docId: "tracemonkey.pdf" });
      expect(python.citations[0].quote).toMatch(/Python/);
    }
  });

  it("answers an amount a paper gives in scientific notation, as a percentage change, or as a count of samples", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const ask = (q: string) => answer(context, [{ role: "user", content: q }]);
    const rate = await ask("What learning rate was used to fine-tune the Selector?");
    expect(rate.abstained).toBe(false);
    expect(rate.citations[0].quote).toMatch(/learning rate of 1e-5/);
    // "how much" asks for a quantity: the percentages it is given in, every one the clause joins, said first.
    const gain = await ask("How much does RL training improve recall?");
    expect(gain.answer).toMatch(/^The figures: 6\.24% and 19\.96% \[1\]/);
    const speedup = await ask("How much faster is TraceMonkey than SpiderMonkey?");
    expect(speedup.answer).toMatch(/^The figure: 2x-20x \[1\]/);
    const samples = await ask("How many positive samples are in the Selector test set?");
    expect(samples.abstained).toBe(false);
    expect(samples.citations[0].quote).toMatch(/98 positive samples/);
  });

  it("takes a paper's name for where to look, not for what is asked: a question on something it never speaks of is not covered", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const latency = await answer(context, [{ role: "user", content: "What is PaSa's latency per query?" }]);
    expect(latency.abstained).toBe(true);
    expect(latency.answer).toMatch(/^He et al\. \(2025\) does not cover this\./);
    // the name alone is what is asked
    const what = await answer(context, [{ role: "user", content: "What is PaSa?" }]);
    expect(what.abstained).toBe(false);
    expect(what.citations[0].quote).toMatch(/PaSa, a novel paper search agent|We introduce PaSa/);
  });

  it("keeps a follow-up with the paper the previous answer was from", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const messages = [{ role: "user" as const, content: "Who wrote the TAM review?" }];
    const first = await answer(context, messages);
    const then = await answer(context, [...messages, { role: "assistant" as const, content: first.answer }, { role: "user" as const, content: "when was it published?" }]);
    expect(then.answer).toBe("Chuttur (2009) was published in 2009 [1].");
    // "and on AutoScholarQuery?" asks the previous question of the other dataset, not of both at once
    const achieved = [{ role: "user" as const, content: "What did PaSa-7b achieve on RealScholarQuery?" }];
    const onReal = await answer(context, achieved);
    const onAuto = await answer(context, [...achieved, { role: "assistant" as const, content: onReal.answer }, { role: "user" as const, content: "and on AutoScholarQuery?" }]);
    // a row the question names as written ("PaSa-7b") is that row, not the whole table, asked outright or next
    const recall = [{ role: "user" as const, content: "What is the recall of PaSa-7b on RealScholarQuery?" }];
    const onRealRecall = await answer(context, recall);
    expect(onRealRecall.answer).toMatch(/gives for «PaSa-7b»: /);
    const next = await answer(context, [...recall, { role: "assistant" as const, content: onRealRecall.answer }, { role: "user" as const, content: "and on AutoScholarQuery?" }]);
    expect(next.answer).toMatch(/^According to He et al\. \(2025\), Table 8 \([^)]*\) gives for «PaSa-7b»: AutoScholarQuery Crawler Recall 0\.7931/);
    expect(onAuto.citations[0].quote).toMatch(/^Specifically, for AutoScholarQuery test set, PaSa-7b achieves a 34\.05% improvement/);
  });

  it("says which paper has the most (or fewest) authors, then each one's authors, cited to its author line", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const most = await answer(context, [{ role: "user", content: "Which paper has the most authors?" }]);
    expect(most.plan).toMatchObject({ kind: "review-meta", field: "authors", order: "most-authors" });
    expect(most.answer).toMatch(/^Gal et al\. \(2009\) has the most authors of the 3 \(16\) \[1\]\. «Trace-based Just-in-Time Type Specialization for Dynamic Languages» has 16 authors: Andreas Gal, /);
    const fewest = await answer(context, [{ role: "user", content: "Paper mana yang penulisnya paling sedikit?" }]);
    expect(fewest.answer).toMatch(/^Penulisnya paling sedikit: Chuttur \(2009\) \(1 penulis\) \[1\]\./);
    // of two named, "more" asks the same
    const more = await answer(context, [{ role: "user", content: "Which has more authors, PaSa or TraceMonkey?" }]);
    expect(more.answer).toMatch(/^Of the two, Gal et al\. \(2009\) has more authors \(16\) \[1\]\./);
  });

  it("reads 'they' after a question about a paper's authors as its authors: where they work is their affiliations", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    for (const [first, next] of [["Who wrote the TraceMonkey paper?", "where were they working?"], ["Siapa penulis paper PaSa?", "mereka kerja di mana?"]]) {
      const messages = [{ role: "user" as const, content: first }];
      const who = await answer(context, messages);
      const where = await answer(context, [...messages, { role: "assistant" as const, content: who.answer }, { role: "user" as const, content: next }]);
      expect(where.plan).toMatchObject({ kind: "review-meta", field: "affiliations" });
    }
    const messages = [{ role: "user" as const, content: "Who wrote the TraceMonkey paper?" }];
    const who = await answer(context, messages);
    const where = await answer(context, [...messages, { role: "assistant" as const, content: who.answer }, { role: "user" as const, content: "where were they working?" }]);
    expect(where.answer).toMatch(/affiliated with Mozilla Corporation, Adobe Corporation, Intel Corporation and University of California, Irvine \[1\]/);
  });

  it("reads each paper's title from its first page and its sections from its headings", async () => {
    const titles = Object.fromEntries(store.documents.map((d) => [d.id, d.title]));
    expect(titles["pasa.pdf"]).toMatch(/PaSa: An LLM Agent for Comprehensive Academic Paper Search/);
    expect(titles["tracemonkey.pdf"]).toMatch(/Trace-based Just-in-Time Type Specialization/);
    const pasa = await store.listPassages({ docs: ["pasa.pdf"] }, 100_000);
    const sections = new Set(pasa.map((p) => p.section));
    for (const s of ["abstract", "introduction", "methods", "results", "references"]) expect(sections, s).toContain(s);
    expect(pasa.every((p) => p.page !== null && p.page >= 1 && p.page <= 15)).toBe(true);
  });

  it("cites a paper's year to the front matter it was read from, a footnote's copyright line included", async () => {
    const context = await createAnswerContext(loadConfig({ DATA_DIR: path.join(root, "extra-data"), CORPUS_DIR: EXTRA_CORPUS }));
    const year = await answer(context, [{ role: "user", content: "What year is the TraceMonkey paper from?" }]);
    expect(year.answer).toMatch(/2009 \[1\]/);
    expect(year.citations[0]).toMatchObject({ docId: "tracemonkey.pdf", page: 1 });
    expect(year.citations[0].quote).toMatch(/2009/);
  });

  it("keeps footnotes (author notes, links, a copyright block) as footnote passages of their own", async () => {
    const footnotes = (await store.listPassages(undefined, 100_000)).filter((p) => p.kind === "footnote").map((p) => `${p.docId}: ${p.text}`);
    expect(footnotes).toEqual(expect.arrayContaining([expect.stringMatching(/^pasa\.pdf: ∗Equal contribution\. †Corresponding author\.$/), expect.stringMatching(/^tracemonkey\.pdf: Permission to make digital or hard copies/)]));
    // ... and nothing of the running text is one.
    expect(footnotes.filter((f) => /We introduce PaSa|trace trees/.test(f))).toEqual([]);
  });

  it("turns a paper's reference list into reference records", () => {
    expect(store.studiesOf("pasa.pdf").filter((s) => s.kind === "reference").length).toBeGreaterThan(20);
  });

  it("refuses the garbled pages of a PDF whose fonts do not map to text, and says so", async () => {
    const warnings = events.flatMap((e) => (e.type === "warning" ? [e.message] : []));
    expect(warnings.filter((w) => w.startsWith("TAMReview.pdf"))).toEqual([expect.stringMatching(/^TAMReview.pdf: pages 2-22 of 23 left out: unreadable text layer/)]);
    const tam = await store.listPassages({ docs: ["TAMReview.pdf"] }, 100_000);
    // Only readable text is indexed: no passage is mostly glyph debris.
    for (const p of tam) expect((p.text.match(/[\p{L}\s]/gu) ?? []).length / p.text.length, p.text.slice(0, 80)).toBeGreaterThan(0.8);
  });
});
