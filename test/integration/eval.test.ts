/**
 * The question splits are sound (the held-out split unchanged since it was frozen, no question shared
 * between splits, every quoted fact really in its corpus), and `npm run eval` fails when a threshold is
 * missed and writes its reports when none is.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.ts";
import { normalizeForMatch } from "../../src/eval/metrics.ts";
import { loadQuestions, userTurns, type EvalQuestion } from "../../src/eval/questions.ts";
import { loadDocument } from "../../src/ingest/load.ts";
import { buildDocument } from "../../src/ingest/passages.ts";
import { sharedIndexDir } from "../helpers/index-fixture.ts";

const evalFile = (name: string) => path.join(PROJECT_ROOT, "eval", name);
const splits = {
  dev: loadQuestions(evalFile("dev.jsonl")),
  test: loadQuestions(evalFile("test.jsonl")),
  extra: loadQuestions(evalFile("extra.jsonl")),
  "dev-extra": loadQuestions(evalFile("dev-extra.jsonl")),
};
const review = normalizeForMatch(readFileSync(path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt"), "utf8"));
/** The checksum of eval/test.jsonl when it was frozen (commit 6fc022f). */
const FROZEN_TEST_SHA256 = "1a05ba08ce7587c997f6b6f7f854c7094575f5c783c44635ee43df19834a0057";

describe("question splits", () => {
  it("keeps the held-out test split exactly as frozen", () => {
    expect(createHash("sha256").update(readFileSync(evalFile("test.jsonl"))).digest("hex")).toBe(FROZEN_TEST_SHA256);
  });

  it("shares no id and no conversation between splits", () => {
    const all = Object.values(splits).flat();
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    const conversation = (q: EvalQuestion) => normalizeForMatch(userTurns(q).join(" / "));
    // Nothing tuned on (dev, dev-extra) is asked in a held-out split (test, extra).
    const tuned = new Set([...splits.dev, ...splits["dev-extra"]].map(conversation));
    for (const q of [...splits.test, ...splits.extra]) expect(tuned.has(conversation(q)), q.id).toBe(false);
  });

  it.each(Object.entries(splits))("%s: both languages, answerable and unanswerable questions", (_, questions) => {
    const id = questions.filter((q) => q.lang === "id").length;
    const en = questions.length - id;
    expect(Math.min(id, en)).toBeGreaterThan(0);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(10);
    expect(questions.filter((q) => q.answerable).length).toBeGreaterThanOrEqual(50);
  });

  it("quotes, in the review splits, evidence and facts the review contains", () => {
    for (const q of [...splits.dev, ...splits.test]) {
      if (q.evidence) expect(review.includes(normalizeForMatch(q.evidence)), `${q.id}: ${q.evidence}`).toBe(true);
      if (!q.answerable) continue;
      // A figure the question asks to work out (a difference, a count) need not be written in the review,
      // nor the "none" that answers a question about what the review lacks.
      const computed = (fact: string) => q.kind === "negative" || ((q.kind === "numeric" || q.kind === "count") && /^\d+$/.test(fact));
      for (const fact of q.mustInclude.filter((f) => !computed(f))) expect(fact.split("|").some((alt) => review.includes(normalizeForMatch(alt))), `${q.id}: ${fact}`).toBe(true);
    }
  });

  it("quotes, in the extra and dev-extra splits, evidence from the PDF it names", async () => {
    const dir = evalFile("corpus-extra");
    const texts = new Map<string, string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".pdf"))) {
      const doc = await loadDocument(path.join(dir, file), dir);
      // The passages ingest builds (layout order, hyphenation repaired), not the raw page text.
      const { passages } = buildDocument(doc, { chunkMaxChars: 700 });
      texts.set(file, normalizeForMatch(passages.map((p) => p.text).join(" ")).replace(/\s+/g, " "));
    }
    const missing = [...splits.extra, ...splits["dev-extra"]]
      .filter((q) => q.evidence)
      .filter((q) => !q.gold.docs.some((d) => texts.get(d)?.includes(normalizeForMatch(q.evidence!).replace(/\s+/g, " "))))
      .map((q) => `${q.id}: ${q.evidence}`);
    expect(missing).toEqual([]);
  }, 120_000);
});

describe("npm run eval", () => {
  let dir: string;
  let sharedIndex: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "eval-"));
    sharedIndex = await sharedIndexDir();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // Every fifth dev question: enough for the product to lead the baseline, a fifth of the time (npm test's own
  // `eval --check` runs every question of every split).
  const sample = splits.dev.filter((_, i) => i % 5 === 0);

  async function runEval(thresholds: unknown) {
    const file = path.join(dir, `thresholds-${Math.random().toString(36).slice(2)}.json`);
    const questions = path.join(dir, "dev-sample.jsonl");
    await writeFile(file, JSON.stringify({ "dev-sample": thresholds }));
    await writeFile(questions, readFileSync(evalFile("dev.jsonl"), "utf8").split("\n").filter((line, i) => line.trim() && i % 5 === 0).join("\n") + "\n");
    // What `npm run eval` runs (the build, a no-op when dist/ is current, then the compiled CLI), on the
    // sample and the shared index (read only); reports go to a temp folder.
    const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: PROJECT_ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
    return spawnSync(process.execPath, ["dist/scripts/eval.js", "--questions", questions, "--thresholds", file, "--out", path.join(dir, "out")], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: sharedIndex },
      encoding: "utf8",
      timeout: 240_000,
    });
  }

  // One run: a reachable threshold passes, an impossible one fails the run, and the reports are written
  // either way. (npm test's own `eval --check` is the run that exits 0.)
  it("fails (non-zero exit) on the threshold set impossibly high only, and writes the JSON and HTML reports, the product ahead of the baseline", async () => {
    const result = await runEval({ min: { "answers.citationValidity": 1, "retrieval.recallAt5": 1.01 } });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/THRESHOLD MISSED.*retrieval\.recallAt5/);
    expect(result.stdout).not.toMatch(/THRESHOLD MISSED.*citationValidity/);
    const report = JSON.parse(await readFile(path.join(dir, "out", "report.json"), "utf8"));
    const [dev] = report.splits;
    expect(dev.name).toBe("dev-sample");
    expect(dev.questions).toBe(sample.length);
    expect(dev.product.overall.retrieval.recallAt5).toBeGreaterThan(dev.baseline.overall.retrieval.recallAt5);
    expect(dev.product.overall.answers.mustInclude).toBeGreaterThan(dev.baseline.overall.answers.mustInclude);
    const html = await readFile(path.join(dir, "out", "report.html"), "utf8");
    expect(html).toMatch(/<svg/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  }, 250_000);
});
