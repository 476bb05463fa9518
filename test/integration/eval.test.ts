/** The fixed question set is sound, and `npm run eval` fails the build when a threshold is missed. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.ts";
import { normalizeForMatch } from "../../src/eval/metrics.ts";
import { loadQuestions, QUESTION_KINDS } from "../../src/eval/questions.ts";
import { SECTION_IDS } from "../../src/ingest/types.ts";

const questions = loadQuestions(path.join(PROJECT_ROOT, "eval", "questions.jsonl"));
const corpus = normalizeForMatch(readFileSync(path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt"), "utf8"));

describe("eval/questions.jsonl", () => {
  it("has at least 80 valid entries with unique ids, about half in each language", () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const id = questions.filter((q) => q.lang === "id").length;
    expect(id / questions.length).toBeGreaterThan(0.4);
    expect(id / questions.length).toBeLessThan(0.6);
  });

  it("covers every kind, with at least 10 out-of-scope questions", () => {
    for (const kind of QUESTION_KINDS) expect(questions.some((q) => q.kind === kind), kind).toBe(true);
    expect(questions.filter((q) => q.kind === "outofscope").length).toBeGreaterThanOrEqual(10);
  });

  it("has every evidence quote really in the corpus (ignoring case and spacing)", () => {
    for (const q of questions) if (q.evidence) expect(corpus.includes(normalizeForMatch(q.evidence)), `${q.id}: ${q.evidence}`).toBe(true);
  });

  it("has, for every must-include fact, an alternative that the review contains", () => {
    for (const q of questions.filter((x) => x.kind !== "outofscope")) {
      for (const fact of q.mustInclude) {
        expect(fact.split("|").some((alt) => corpus.includes(normalizeForMatch(alt))), `${q.id}: ${fact}`).toBe(true);
      }
    }
  });

  it("covers every study 1-10 and every section with at least 3 questions", () => {
    for (let n = 1; n <= 10; n++) expect(questions.filter((q) => q.gold.studies.includes(n)).length, `study ${n}`).toBeGreaterThanOrEqual(3);
    for (const s of SECTION_IDS) expect(questions.filter((q) => q.gold.sections.includes(s)).length, s).toBeGreaterThanOrEqual(3);
  });
});

describe("npm run eval", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "eval-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function runEval(thresholds: unknown) {
    const file = path.join(dir, `thresholds-${Math.random().toString(36).slice(2)}.json`);
    return writeFile(file, JSON.stringify(thresholds)).then(() =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/eval.ts", "--thresholds", file, "--out", path.join(dir, "out")], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATA_DIR: path.join(dir, "data") },
        encoding: "utf8",
        timeout: 120_000,
      }),
    );
  }

  it("fails (non-zero exit) when a threshold is set impossibly high", async () => {
    const result = await runEval({ min: { "retrieval.recallAt5": 1.01 }, max: {} });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/THRESHOLD MISSED: retrieval\.recallAt5/);
  });

  it("passes with reachable thresholds and writes the JSON and HTML reports", async () => {
    const result = await runEval({ min: { "answers.citationValidity": 1 }, max: {} });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(await readFile(path.join(dir, "out", "report.json"), "utf8"));
    expect(report.questions).toBe(questions.length);
    expect(report.product.overall.retrieval.recallAt5).toBeGreaterThan(report.baseline.overall.retrieval.recallAt5);
    expect(report.product.overall.answers.mustInclude).toBeGreaterThan(report.baseline.overall.answers.mustInclude);
    const html = await readFile(path.join(dir, "out", "report.html"), "utf8");
    expect(html).toMatch(/<svg/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });
});
