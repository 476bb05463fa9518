/**
 * Measure PDF ingest on the fixture PDFs against hand-labelled gold (test/fixtures/references):
 * reference parsing P/R/F1, in-text linking P/R/F1, hyphenation artefacts left (ours, the current
 * pdf-parse ingest, pdftotext), per-page quality decisions, and readPdfLayout speed (median of 3).
 *
 *   node --import tsx scripts/measure-pdf.ts            (pdftotext from poppler-utils is optional)
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { extractLines, joinLines, Vocabulary } from "../src/ingest/clean.ts";
import { loadDocument } from "../src/ingest/load.ts";
import { hyphenArtefacts, lineEndBreaks, lostHyphens } from "../src/ingest/pdf/hyphen-artefacts.ts";
import { DocumentWords } from "../src/ingest/pdf/join.ts";
import { layoutText } from "../src/ingest/pdf/layout-text.ts";
import { openPdf } from "../src/ingest/pdf/pdfjs.ts";
import { pageQuality } from "../src/ingest/pdf/quality.ts";
import { readPdfLayout } from "../src/ingest/pdf/read-layout.ts";
import type { PdfLayout } from "../src/ingest/pdf/types.ts";
import { findCitations } from "../src/text/in-text-citations.ts";
import { parseReferences, proseText } from "../src/ingest/references/parse-references.ts";
import { scoreCitations, type GoldCitation } from "../src/ingest/references/score-citations.ts";
import { prf, scoreReferences, type GoldReference, type PRF } from "../src/ingest/references/score.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const PDFS = path.join(ROOT, "test/fixtures/pdfs");
const GOLD = path.join(ROOT, "test/fixtures/references");
const DOCS = ["pasa.pdf", "tracemonkey.pdf", "TAMReview.pdf"];
const REFERENCE_GOLD: Record<string, string> = { "pasa.pdf": "pasa-references.json", "tracemonkey.pdf": "tracemonkey-references.json" };

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(GOLD, file), "utf8")) as T;
const pct = (n: number | null) => (n === null ? "-" : n.toFixed(3));
const line = (label: string, s: PRF) => `${label.padEnd(28)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.truePositives}/${s.predicted} predicted, ${s.gold} gold)`;

const layouts = new Map<string, PdfLayout>();
for (const doc of DOCS) layouts.set(doc, await readPdfLayout(readFileSync(path.join(PDFS, doc))));
const layoutOf = (doc: string) => layouts.get(doc) ?? (() => { throw new Error(doc); })();

console.log("== Reference parsing (an entry is right when first author, year and title token-F1 >= 0.8 match gold)");
const referenceTotals = { tp: 0, predicted: 0, gold: 0 };
for (const [doc, goldFile] of Object.entries(REFERENCE_GOLD)) {
  const gold = readJson<{ entries: GoldReference[] }>(goldFile).entries;
  const score = scoreReferences(parseReferences(layoutOf(doc)), gold);
  console.log(line(doc, score));
  if (doc === "pasa.pdf") console.log(`  -> pasa.pdf (the brief's target) F1 ${pct(score.f1)}`);
  referenceTotals.tp += score.truePositives;
  referenceTotals.predicted += score.predicted;
  referenceTotals.gold += score.gold;
}
console.log(line("both", prf(referenceTotals.tp, referenceTotals.predicted, referenceTotals.gold)));

console.log("\n== In-text citation linking (a link is a (citation, gold entry) pair)");
const citations = readJson<{ citations: GoldCitation[] }>("in-text-citations.json").citations;
const linkTotals = { tp: 0, predicted: 0, gold: 0 };
for (const [doc, goldFile] of Object.entries(REFERENCE_GOLD)) {
  const layout = layoutOf(doc);
  const entries = parseReferences(layout);
  const { text } = proseText(layout);
  const gold = citations.filter((c) => c.doc === doc);
  const score = scoreCitations(text, findCitations(text, entries), entries, readJson<{ entries: GoldReference[] }>(goldFile).entries, gold);
  console.log(line(`${doc} (${gold.length} snippets)`, score));
  for (const snippet of score.missing) console.log(`  snippet not found: ${snippet}`);
  linkTotals.tp += score.truePositives;
  linkTotals.predicted += score.predicted;
  linkTotals.gold += score.gold;
}
console.log(line("both", prf(linkTotals.tp, linkTotals.predicted, linkTotals.gold)));

console.log("\n== Line-end hyphenation: artefacts left (\"learn-ing\": joined is a word, never printed hyphenated in a line) / compounds that lost their hyphen");
for (const doc of DOCS) {
  const layout = layoutOf(doc);
  const inLine = new DocumentWords(layout.pages.flatMap((p) => p.lines.map((l) => l.text)));
  const breaks = lineEndBreaks(layout);
  const count = (text: string) => `${hyphenArtefacts(text, inLine).length} left / ${lostHyphens(text, breaks, inLine).length} lost`;
  const raw = await loadDocument(path.join(PDFS, doc));
  const lines = extractLines(raw).lines.map((l) => l.text);
  let poppler = "pdftotext not installed";
  let popplerLost: string[] = [];
  try {
    const text = execFileSync("pdftotext", [path.join(PDFS, doc), "-"], { encoding: "utf8" });
    poppler = count(text);
    popplerLost = lostHyphens(text, breaks, inLine);
  } catch {
    // pdftotext is a reference, not a dependency.
  }
  const ours = layoutText(layout).text;
  console.log(`${doc.padEnd(16)} ${breaks.length} line-end breaks | ours ${count(ours)} | current ingest (pdf-parse + clean.ts) ${count(joinLines(lines, new Vocabulary(lines)))} | pdftotext ${poppler}`);
  const left = [...hyphenArtefacts(ours, inLine), ...lostHyphens(ours, breaks, inLine)];
  if (left.length > 0) console.log(`  ours: ${left.join(", ")}`);
  if (popplerLost.length > 0) console.log(`  pdftotext lost: ${popplerLost.join(", ")}`);
}

console.log("\n== Page quality decisions");
for (const doc of DOCS) {
  const pages = layoutOf(doc).pages;
  const refused = pages.filter((p) => !p.quality.ok);
  console.log(`${doc.padEnd(16)} ${pages.length - refused.length}/${pages.length} pages readable: ${pages.filter((p) => p.quality.ok).map((p) => p.number).join(",")}`);
  for (const p of pages) {
    const q = p.quality;
    console.log(`  p${String(p.number).padEnd(3)} ${q.ok ? "ok     " : "REFUSED"} letters ${pct(q.letters)} control ${pct(q.control)} private ${pct(q.privateUse)} dictionary ${pct(q.dictionaryRate)}${q.reason ? `  (${q.reason})` : ""}`);
  }
}
const review = readFileSync(path.join(ROOT, "corpus/review-child-trafficking-programs.txt"), "utf8");
const reviewQuality = pageQuality(review);
console.log(`review text      ${reviewQuality.ok ? "ok" : `REFUSED (${reviewQuality.reason})`}  letters ${pct(reviewQuality.letters)} dictionary ${pct(reviewQuality.dictionaryRate)}`);

console.log("\n== Speed: median of 3 runs after a warm-up; wall time and this process's CPU time (the machine may be shared)");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number; fastest: number }> {
  await run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 3; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await run();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus), fastest: Math.min(...walls) };
}
const rate = (pages: number, ms: number) => `${(pages / (ms / 1000)).toFixed(1)} pages/s`;
for (const doc of DOCS) {
  const bytes = readFileSync(path.join(PDFS, doc));
  const pages = layoutOf(doc).pages.length;
  const ours = await timed(() => readPdfLayout(bytes));
  const floor = await timed(() => textContentOnly(bytes));
  const current = await timed(async () => {
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    await parser.getText();
    await parser.destroy();
  });
  console.log(`${doc.padEnd(16)} ${pages} pages | readPdfLayout median ${ours.wall.toFixed(0)} ms wall = ${rate(pages, ours.wall)} (fastest ${rate(pages, ours.fastest)}), ${ours.cpu.toFixed(0)} ms CPU = ${rate(pages, ours.cpu)}`);
  console.log(`${"".padEnd(16)} baselines (median wall): pdf.js getTextContent alone ${rate(pages, floor.wall)} (fastest ${rate(pages, floor.fastest)}), pdf-parse getText (current ingest) ${rate(pages, current.wall)}`);
}
console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`);

/** pdf.js's text extraction alone: the floor under any layout reader built on it. */
async function textContentOnly(bytes: Uint8Array): Promise<void> {
  const doc = await openPdf(bytes);
  for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
  await doc.destroy();
}
