/**
 * A paper's first page, end to end: ingest reads its institutions, corresponding author and venue (a PDF the
 * test makes, in a real LanceDB in a temp folder), and the answers to "which institutions?", "who is the
 * corresponding author?", "how many authors?", "who is the first author?" and "where and when was it
 * published?" state them, each cited to the front matter that prints it.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, type AnswerContext } from "../../src/answer/answer.ts";
import { createAnswerContext } from "../../src/answer/context.ts";
import { loadConfig } from "../../src/config.ts";
import { runIngest } from "../../src/ingest/ingest.ts";
import { CslSources } from "../../src/server/csl-sources.ts";
import { makeLayoutPdf, type TextSpec } from "../helpers/synthetic-pdf.ts";

let root: string;
let corpus: string;
let context: AnswerContext;

async function paper(): Promise<Uint8Array> {
  const line = (text: string, y: number, size = 10): TextSpec => ({ text, x: 72, y, size });
  const body = (start: number, lines: string[]) => lines.map((t, i) => line(t, start + i * 14));
  return makeLayoutPdf([
    [
      line("Shelter Outcomes for Trafficked Children: A Cohort Study", 90, 18),
      line("Dewi Lestari*1 Rudi Hartono†1 Maya Sari2", 120, 12),
      line("1Universitas Indonesia 2National Research and Innovation Agency", 136, 11),
      line("{dewi,rudi}@ui.ac.id, maya@brin.go.id", 152, 11),
      line("Abstract", 185, 13),
      ...body(205, [
        "We followed children placed in three shelters for two years after they left trafficking.",
        "Children who kept a mentor were more often in school at the end of the study period.",
        "Family tracing took longer than the shelters had planned for most of the children.",
      ]),
      line("1 Introduction", 260, 13),
      ...body(280, [
        "Shelters are the first place most children go after they are rescued from traffickers.",
        "Little is known about how the children fare once they leave the shelters for home.",
      ]),
      line("5 Conclusions", 330, 13),
      ...body(350, [
        "Work is underway to further improve the follow-up of children after they leave the shelters.",
        "Our results show that children with a mentor were in school more often, and our interviews also show",
        "that family tracing was the slowest step of the programs we followed.",
      ]),
      line("*Equal contribution.", 760, 8),
      line("†Corresponding author.", 771, 8),
      line("ICCH’22, June 6–9, 2022, Jakarta, Indonesia.", 782, 8),
      line("DOI: https://doi.org/10.5555/icch.2022.0017", 793, 8),
    ],
  ]);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "front-matter-"));
  corpus = path.join(root, "corpus");
  await mkdir(corpus);
  await writeFile(path.join(corpus, "shelter-outcomes.pdf"), await paper());
  const config = loadConfig({ DATA_DIR: path.join(root, "data"), CORPUS_DIR: corpus });
  await runIngest(config);
  context = await createAnswerContext(config);
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const ask = (question: string) => answer(context, [{ role: "user", content: question }]);

describe("a paper's first page", () => {
  it("is read into the document's identity", () => {
    const [doc] = context.store.documents;
    expect(doc.authors).toEqual(["Dewi Lestari", "Rudi Hartono", "Maya Sari"]);
    expect(doc.affiliations).toEqual(["Universitas Indonesia", "National Research and Innovation Agency"]);
    expect(doc.correspondingAuthor).toBe("Rudi Hartono");
    expect(doc.venue).toBe("ICCH’22, June 6–9, 2022, Jakarta, Indonesia");
    expect(doc.year).toBe(2022);
    expect(doc.doi).toBe("10.5555/icch.2022.0017");
  });

  it("answers which institutions the authors are from, cited to the line that names them", async () => {
    const r = await ask("Which institutions are the authors from?");
    expect(r.plan).toMatchObject({ kind: "review-meta", field: "affiliations" });
    expect(r.answer).toMatch(/affiliated with Universitas Indonesia and National Research and Innovation Agency \[1\]/);
    expect(r.citations[0].quote).toMatch(/Universitas Indonesia/);
    // The passage the answer reads leads the sources, whatever the search found for "institutions".
    expect(r.retrieved[0].id).toBe(r.citations[0].passageId);
  });

  it("answers who the corresponding author is, in Indonesian", async () => {
    const r = await ask("Siapa penulis korespondensinya?");
    expect(r.plan).toMatchObject({ kind: "review-meta", field: "corresponding" });
    expect(r.answer).toMatch(/^Penulis korespondensi .* adalah Rudi Hartono \[1\]/);
  });

  it("counts the authors, and names the first", async () => {
    expect((await ask("How many authors wrote this paper?")).answer).toMatch(/has 3 authors: Dewi Lestari, Rudi Hartono and Maya Sari \[1\]/);
    expect((await ask("Who is the first author of this paper?")).answer).toMatch(/^The first author of .* is Dewi Lestari \[1\]/);
  });

  it("says where and when it was published in one cited sentence, since its venue line gives the year", async () => {
    const r = await ask("Where and when was this paper published?");
    expect(r.plan).toMatchObject({ kind: "review-meta", field: "year", also: ["venue"] });
    expect(r.answer).toMatch(/^Lestari et al\. \(2022\) was published in ICCH’22, June 6–9, 2022, Jakarta, Indonesia \[1\]\.$/);
    expect(r.citations[0].quote).toMatch(/ICCH’22/);
  });

  it("gives its DOI, cited, and puts it in the exported reference", async () => {
    const r = await ask("What is the DOI of this paper?");
    expect(r.plan).toMatchObject({ kind: "review-meta", field: "doi" });
    expect(r.answer).toMatch(/^The DOI of .* is 10\.5555\/icch\.2022\.0017 \[1\]\.$/);
    const [csl] = new CslSources(context.store.documents, context.store.studies, { corpusDir: corpus }).csl([{ docId: "shelter-outcomes.pdf" }]);
    expect(csl).toMatchObject({ DOI: "10.5555/icch.2022.0017", title: "Shelter Outcomes for Trafficked Children: A Cohort Study" });
  });

  it("answers what the paper found with the sentence that says it most, not one that only brushes a result", async () => {
    // Only the field is asked: every conclusion sentence with a result word is a candidate, and "Our results
    // show ... also show" says it more than "... to further improve the follow-up".
    const r = await ask("What are the findings of this paper?");
    expect(r.plan).toMatchObject({ kind: "explain", sections: ["conclusion", "discussion", "abstract"] });
    expect(r.citations[0].quote).toMatch(/^Our results show that children with a mentor/);
  });

  it("says each field in turn when the venue line does not give the year", async () => {
    const r = await ask("Who wrote this paper and when was it published?");
    expect(r.answer).toMatch(/written by Dewi Lestari, Rudi Hartono and Maya Sari \[\d\]\. .* was published in 2022 \[\d\]/);
  });
});
