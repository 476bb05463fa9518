/**
 * npm run eval [-- --split dev,test] [--corpus dir --questions file] [--mode llm] [--judge] [--thresholds file] [--out dir]
 *   Runs the evaluation splits (default: dev, dev-extra, test, extra, test-mixed) and writes eval/report.json,
 *   eval/report.html and docs/eval.md. `--corpus` and `--questions` run any question file on any corpus
 *   in a temporary data folder. `--judge` also has the configured chat model (OPENAI_BASE_URL) grade each
 *   answer's faithfulness to its citations and its relevance, reported apart. `--check` (what `npm test` runs) writes the reports under data/eval/
 *   instead of the tracked files. Exits non-zero when a threshold is missed.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, PROJECT_ROOT } from "../src/config.ts";
import { describeFailure } from "../src/domain/errors.ts";
import { parseObjectUri } from "../src/store/object-store.ts";
import { DEFAULT_SPLITS, runEval, type SplitSpec } from "../src/eval/run-eval.ts";

try {
  const { values } = parseArgs({
    options: {
      mode: { type: "string", default: "extractive" },
      split: { type: "string" },
      corpus: { type: "string", multiple: true },
      questions: { type: "string" },
      thresholds: { type: "string" },
      out: { type: "string" },
      markdown: { type: "string" },
      check: { type: "boolean", default: false },
      judge: { type: "boolean", default: false },
    },
  });
  if (values.mode !== "extractive" && values.mode !== "llm") throw new Error(`--mode must be extractive or llm, not "${values.mode}"`);
  let splits: SplitSpec[] = DEFAULT_SPLITS;
  if (values.questions) {
    const name = path.basename(values.questions).replace(/\.jsonl$/, "");
    splits = [{ name, description: `${values.questions} on ${(values.corpus ?? ["the configured corpus"]).join(", ")}`, questionsFile: path.resolve(values.questions), corpus: values.corpus?.map((c) => path.resolve(c)) }];
  } else if (values.corpus) throw new Error("--corpus needs --questions (the questions written for that corpus)");
  if (values.split) {
    const wanted = values.split.split(",").map((s) => s.trim());
    const unknown = wanted.filter((w) => !DEFAULT_SPLITS.some((s) => s.name === w));
    if (unknown.length > 0) throw new Error(`unknown split ${unknown.join(", ")} (use ${DEFAULT_SPLITS.map((s) => s.name).join(", ")})`);
    splits = DEFAULT_SPLITS.filter((s) => wanted.includes(s.name));
  }
  const config = loadConfig();
  // --check writes beside a local index, or under data/ when the index is on an object store.
  const checkDir = parseObjectUri(config.dataDir) ? path.join(PROJECT_ROOT, "data", "eval") : path.join(config.dataDir, "eval");
  const out = values.out ?? (values.check ? checkDir : undefined);
  const report = await runEval(config, {
    mode: values.mode,
    splits,
    thresholdsFile: values.thresholds ? path.resolve(values.thresholds) : path.join(PROJECT_ROOT, "eval", "thresholds.json"),
    outDir: out ?? path.join(PROJECT_ROOT, "eval"),
    markdownFile: values.markdown ?? (out || values.questions || values.split ? "" : path.join(PROJECT_ROOT, "docs", "eval.md")),
    judge: values.judge,
    command: `npm run eval${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  });
  process.exitCode = report.passed ? 0 : 1;
} catch (error) {
  console.error(`eval failed: ${describeFailure(error)}`);
  process.exitCode = 2;
}
