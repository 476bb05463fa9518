/**
 * Study numbers are per document. With the review and a paper whose reference list gives it studies 1-12
 * (a PDF the test makes, named so that it sorts before the review), a follow-up about "the second one" of a
 * list of the review's studies is about the review's study, and an answer is never empty.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, type AnswerContext } from "../../src/answer/answer.ts";
import type { AnswerResult } from "../../src/answer/types.ts";
import { createAnswerContext } from "../../src/answer/context.ts";
import { loadConfig } from "../../src/config.ts";
import { runIngest } from "../../src/ingest/ingest.ts";
import { CORPUS_FILE } from "../helpers/index-fixture.ts";
import { makeLayoutPdf } from "../helpers/synthetic-pdf.ts";

let root: string;
let context: AnswerContext;
const REVIEW = path.basename(CORPUS_FILE);

/** A two-page paper citing [1]-[12] from a numbered reference list. */
async function paperWithReferences(): Promise<Uint8Array> {
  const line = (text: string, y: number, size = 11) => ({ text, x: 72, y, size });
  const body = (start: number, lines: string[]) => lines.map((t, i) => line(t, start + i * 16));
  const refs = Array.from({ length: 12 }, (_, i) => `[${i + 1}] A. Author${i + 1} and B. Writer. Shelter study number ${i + 1} on recovery. Journal of Care, ${2005 + i}.`);
  return makeLayoutPdf(
    [
      [line("Shelter Care after Trafficking: A Short Paper", 90, 18), line("Dewi Lestari", 120, 12), line("1 Introduction", 170, 13), ...body(195, [
        "Shelters help children recover after trafficking [1]. Mentoring matters for teens [2].",
        "This paper also describes equine therapy in shelters.",
        "Family tracing is slow in most provinces [9], and schooling depends on the school board [3].",
        "An early draft of this paper was read at a workshop in Thailand.",
      ])],
      [line("References", 90, 13), ...body(115, refs)],
    ],
    undefined,
    { title: "Shelter Care after Trafficking: A Short Paper", author: "Dewi Lestari" },
  );
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "several-docs-"));
  const corpus = path.join(root, "corpus");
  await mkdir(corpus);
  await copyFile(CORPUS_FILE, path.join(corpus, REVIEW));
  await writeFile(path.join(corpus, "a-shelter-paper.pdf"), await paperWithReferences());
  const config = loadConfig({ DATA_DIR: path.join(root, "data"), CORPUS_DIR: corpus });
  await runIngest(config);
  context = await createAnswerContext(config);
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

async function ask(...turns: string[]): Promise<AnswerResult[]> {
  const messages: { role: "user" | "assistant"; content: string }[] = [];
  const results: AnswerResult[] = [];
  for (const turn of turns) {
    messages.push({ role: "user", content: turn });
    const result = await answer(context, messages);
    results.push(result);
    messages.push({ role: "assistant", content: result.answer });
  }
  return results;
}

describe("questions that name documents", () => {
  it("answers who wrote a named paper from its identity, and cites no passage that does not print the name", async () => {
    // The author is in the PDF's information, not in a passage of its text: the answer says so uncited.
    const [r] = await ask("Who wrote a-shelter-paper?");
    expect(r.plan).toMatchObject({ kind: "review-meta", field: "authors" });
    expect(r.answer).toMatch(/written by Dewi Lestari/);
    expect(r.citations.filter((c) => !/Lestari/.test(c.quote))).toEqual([]);
  });

  it("answers a question that names no document and asks only for findings from the review, not from a paper beside it", async () => {
    const [r] = await ask("What are the main findings?");
    expect(r.plan).toMatchObject({ kind: "explain", docs: [REVIEW], sections: ["conclusion", "discussion", "abstract"] });
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations.every((c) => c.docId === REVIEW)).toBe(true);
  });

  it("answers 'Who wrote it?' with no document named for each document of the collection", async () => {
    const [r] = await ask("Who wrote it?");
    expect(r.plan).toMatchObject({ kind: "review-meta", field: "authors" });
    expect(r.answer).toMatch(/written by Dewi Lestari/);
    expect(r.answer).toMatch(/does not name its authors/);
  });

  it("lists the documents of the collection by their titles, in the asker's language", async () => {
    const [en] = await ask("Which documents are in the library?");
    expect(en.answer).toMatch(/^The library holds 2 documents:/);
    expect(en.answer).toMatch(/Shelter Care after Trafficking: A Short Paper/);
    const [id] = await ask("Dokumen apa saja yang ada?");
    expect(id.answer).toMatch(/^Koleksi ini berisi 2 dokumen:/);
  });

  it("answers a question that names two documents from each of them", async () => {
    const [r] = await ask(`What do a-shelter-paper and ${REVIEW.replace(/\.txt$/, "")} say about mentoring for teens?`);
    expect(new Set(r.citations.map((c) => c.docId))).toEqual(new Set(["a-shelter-paper.pdf", REVIEW]));
  });

  it("answers 'Who wrote each document?', 'Siapa penulis masing-masing dokumen?' from each document's identity", async () => {
    for (const question of ["Who wrote each document?", "Siapa penulis masing-masing dokumen?"]) {
      const [r] = await ask(question);
      expect(r.plan, question).toMatchObject({ kind: "review-meta", field: "authors" });
    }
  });

  it("takes 'the second one' after a list of the documents as the second document listed, and asks all its authors", async () => {
    const [list, second] = await ask("Which documents are in the library?", "Who wrote the second one?");
    const listed = context.store.documents.map((d) => ({ id: d.id, at: list.answer.indexOf(d.title.slice(0, 20)) })).filter((d) => d.at >= 0).sort((a, b) => a.at - b.at);
    expect(listed.length).toBe(2);
    expect(second.plan).toMatchObject({ kind: "review-meta", docs: [listed[1].id], field: "authors" });
    expect(second.plan).not.toHaveProperty("nth");
  });

  it("takes 'the review' beside a paper it names for the library's review: both are compared", async () => {
    const [r] = await ask("Compare the review and a-shelter-paper");
    expect(new Set(r.citations.map((c) => c.docId))).toEqual(new Set(["a-shelter-paper.pdf", REVIEW]));
  });
});

describe("the documents as a set", () => {
  it("says which documents are about a topic, from their titles and abstracts, each with the sentence that shows it", async () => {
    const [both] = await ask("Which documents are about child trafficking?");
    expect(both.plan).toMatchObject({ kind: "review-meta", field: "title", topic: expect.any(Array) });
    expect(both.answer).toMatch(/^2 of the 2 documents are about “child trafficking”:/);
    expect(new Set(both.citations.map((c) => c.docId))).toEqual(new Set(["a-shelter-paper.pdf", REVIEW]));
    const [none] = await ask("Dokumen mana yang membahas komputasi kuantum?");
    expect(none.abstained).toBe(false);
    expect(none.answer).toMatch(/^Tidak satu pun dari 2 dokumen membahas “komputasi kuantum”/);
    expect(none.citations).toEqual([]);
  });

  it("names a paper of the library about a topic none of the review's studies is about", async () => {
    const [r] = await ask("Which paper is about equine therapy?");
    expect(r.plan).toMatchObject({ kind: "list" });
    expect(r.answer).toMatch(/^None of the 10 \w+ speak of equine therapy\. Among the other documents of the library, this one is about “equine therapy”:/);
    expect(r.citations.map((c) => c.docId)).toEqual(["a-shelter-paper.pdf"]);
    // A topic some study is about lists the studies, and no other document.
    const [studies] = await ask("Which studies are about mentoring?");
    expect(studies.answer).not.toMatch(/other documents/);
  });

  it("answers 'each document' from each of them in turn, naming every one", async () => {
    const [r] = await ask("What does each document say about mentoring?");
    expect(r.plan).toMatchObject({ kind: "explain", eachDoc: true });
    expect(new Set(r.citations.map((c) => c.docId))).toEqual(new Set(["a-shelter-paper.pdf", REVIEW]));
    // Among several documents the review is named, not "the review".
    expect(r.answer).not.toMatch(/According to the review/);
    // Each one's gist: how its abstract (or, with none, its text) opens.
    const [gist] = await ask("What is each document about?");
    expect(gist.abstained).toBe(false);
    expect(new Set(gist.citations.map((c) => c.docId))).toEqual(new Set(["a-shelter-paper.pdf", REVIEW]));
  });
});

describe("abstention, document by document", () => {
  it("does not answer about Thailand from the review because another document names Thailand", async () => {
    const [r] = await ask("Bagaimana program perlindungan anak korban trafficking di Thailand?");
    expect(context.store.termStats.df["thailand"] ?? 0).toBeGreaterThan(0);
    expect(r.abstained).toBe(true);
  });

  it("says which documents do not cover the question: all of them, or the one it names", async () => {
    const [all] = await ask("What is the capital of France?");
    expect(all.answer).toMatch(/^The documents do not cover this\./);
    // The paper is named by its file ("Lestari" is also an Indonesian word, so not a name here).
    const [paper] = await ask("What does a-shelter-paper say about quantum computing?");
    expect(paper.plan).toMatchObject({ docs: ["a-shelter-paper.pdf"] });
    expect(paper.answer).toMatch(/^Lestari \(\d{4}\) does not cover this\./);
  });

  it("still answers the review's own questions with the other document present", async () => {
    const [r] = await ask("Apa hasil program MLMC setelah 12 bulan?");
    expect(r.abstained).toBe(false);
    expect(r.citations.every((c) => c.docId === REVIEW)).toBe(true);
  });
});

describe("the review named among several documents", () => {
  it.each(["Who wrote this review?", "Who are the authors of this literature review?"])("'%s' is about the review, not the paper", async (question) => {
    const [r] = await ask(question);
    expect(r.plan).toMatchObject({ kind: "review-meta", docs: [REVIEW], field: "authors" });
    expect(r.answer).not.toMatch(/Lestari/);
  });
});

describe("study numbers in an index of several documents", () => {
  it("has a study 9 in both documents (the case under test)", () => {
    const nines = context.store.studies.filter((s) => s.number === 9).map((s) => s.docId);
    expect(nines).toContain(REVIEW);
    expect(nines).toContain("a-shelter-paper.pdf");
  });

  it("takes 'the second one' from the document of the list it follows", async () => {
    const [list, second, who] = await ask("Which studies in this review took place in the United States?", "ok tell me more about the second one", "who wrote it?");
    expect(list.studies.length).toBe(2);
    expect(second.plan).toMatchObject({ kind: "lookup", studies: [{ docId: REVIEW, number: list.studies[1] }] });
    expect(who.plan).toMatchObject({ kind: "lookup", studies: [{ docId: REVIEW, number: list.studies[1] }], fields: ["authors"] });
    for (const r of [list, second, who]) expect(r.answer.trim()).not.toBe("");
    expect(who.citations.every((c) => c.docId === REVIEW)).toBe(true);
  });
});
