/**
 * npm run eval [-- --mode llm] [--judge] [--thresholds file] [--questions file] [--out dir] [--markdown file]
 * Exits non-zero when a metric misses its threshold. `--check` (what `npm test` runs) writes the reports
 * under data/eval/ instead of the tracked eval/ and docs/ files.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { describeFailure } from "../src/errors.ts";
import { DEFAULT_EVAL_OPTIONS, runEval } from "../src/eval/run-eval.ts";

try {
  const { values } = parseArgs({
    options: {
      mode: { type: "string", default: "extractive" },
      judge: { type: "boolean", default: false },
      thresholds: { type: "string" },
      questions: { type: "string" },
      out: { type: "string" },
      markdown: { type: "string" },
      check: { type: "boolean", default: false },
    },
  });
  if (values.mode !== "extractive" && values.mode !== "llm") throw new Error(`--mode must be extractive or llm, not "${values.mode}"`);
  const config = loadConfig();
  const checkDir = path.join(config.dataDir, "eval");
  const out = values.out ?? (values.check ? checkDir : undefined);
  const report = await runEval(config, {
    ...DEFAULT_EVAL_OPTIONS,
    mode: values.mode,
    judge: values.judge,
    questionsFile: values.questions ?? DEFAULT_EVAL_OPTIONS.questionsFile,
    thresholdsFile: values.thresholds ?? DEFAULT_EVAL_OPTIONS.thresholdsFile,
    outDir: out ?? DEFAULT_EVAL_OPTIONS.outDir,
    markdownFile: values.markdown ?? (out ? "" : DEFAULT_EVAL_OPTIONS.markdownFile),
    command: `npm run eval${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  });
  process.exitCode = report.passed ? 0 : 1;
} catch (error) {
  console.error(`eval failed: ${describeFailure(error)}`);
  process.exitCode = 2;
}
