/**
 * The evaluation report, built once and written three ways: eval/report.json (every number and answer,
 * with the commit and settings), docs/eval.md (tables: splits side by side, the gap between each held-out split and the split tuned on its corpus, per kind)
 * and the self-contained HTML of report-html.ts (served at /eval).
 */
import type { Metrics, QuestionRecord, SplitRun } from "./runner.ts";
import type { JudgeResult } from "./judge.ts";
import type { ThresholdCheck } from "./thresholds.ts";

export interface SplitReport {
  name: string;
  description: string;
  questionsFile: string;
  corpus: string[];
  questions: number;
  product: Omit<SplitRun["product"], "records">;
  baseline: Omit<SplitRun["baseline"], "records">;
  failures: Failure[];
  /** The judged pass, when asked for (`--judge`): a model's grades, reported apart from the measured figures. */
  judge?: JudgeResult;
  records: { product: QuestionRecord[]; baseline: QuestionRecord[] };
}

export interface EvalReport {
  generatedAt: string;
  commit: string;
  command: string;
  settings: Record<string, unknown>;
  splits: SplitReport[];
  thresholds: ThresholdCheck[];
  passed: boolean;
}

export interface Failure {
  id: string;
  kind: string;
  lang: string;
  question: string;
  problems: string[];
  answer: string;
}

/** The metrics shown in every table: path, label, format, and whether higher is better. */
export const METRICS: { path: string; label: string; get: (m: Metrics) => number; format: "num" | "pct"; higherIsBetter: boolean }[] = [
  { path: "retrieval.recallAt5", label: "Retrieval recall@5", get: (m) => m.retrieval.recallAt5, format: "num", higherIsBetter: true },
  { path: "retrieval.recallAt5Unfiltered", label: "Recall@5 without a study filter", get: (m) => m.retrieval.recallAt5Unfiltered, format: "num", higherIsBetter: true },
  { path: "retrieval.mrr", label: "Retrieval MRR", get: (m) => m.retrieval.mrr, format: "num", higherIsBetter: true },
  { path: "answers.mustInclude", label: "Must-include facts", get: (m) => m.answers.mustInclude, format: "pct", higherIsBetter: true },
  { path: "answers.allFacts", label: "Questions with every fact", get: (m) => m.answers.allFacts, format: "pct", higherIsBetter: true },
  { path: "language.englishOwnWords", label: "English facts in own words (outside quotes)", get: (m) => m.language.englishOwnWords, format: "pct", higherIsBetter: true },
  { path: "language.englishReadable", label: "English facts in English (own words or English quotes)", get: (m) => m.language.englishReadable, format: "pct", higherIsBetter: true },
  { path: "answers.padding", label: "Padding (citations carrying no fact)", get: (m) => m.answers.padding, format: "pct", higherIsBetter: false },
  { path: "lists.itemRecall", label: "List item recall", get: (m) => m.lists.itemRecall, format: "pct", higherIsBetter: true },
  { path: "lists.itemPrecision", label: "List item precision (studies)", get: (m) => m.lists.itemPrecision, format: "pct", higherIsBetter: true },
  { path: "lists.countAccuracy", label: "Counts right", get: (m) => m.lists.countAccuracy, format: "pct", higherIsBetter: true },
  { path: "multiturn.success", label: "Multi-turn success (final turn)", get: (m) => m.multiturn.success, format: "pct", higherIsBetter: true },
  { path: "abstention.recall", label: "Abstention recall (unanswerable)", get: (m) => m.abstention.recall, format: "pct", higherIsBetter: true },
  { path: "abstention.falseAbstainRate", label: "False abstentions (answerable)", get: (m) => m.abstention.falseAbstainRate, format: "pct", higherIsBetter: false },
  { path: "answers.citationValidity", label: "Citation validity", get: (m) => m.answers.citationValidity, format: "pct", higherIsBetter: true },
  { path: "documents.wrongDocumentCitations", label: "Citations naming the wrong document", get: (m) => m.documents.wrongDocumentCitations, format: "pct", higherIsBetter: false },
];

export function failuresOf(records: QuestionRecord[]): Failure[] {
  const out: Failure[] = [];
  for (const r of records) {
    const problems: string[] = [];
    if (!r.answerable && !r.abstained) problems.push("answered an unanswerable question");
    if (r.answerable && r.abstained) problems.push(`abstained on an answerable question (${r.reason ?? "?"})`);
    if (r.answerable && r.missing.length > 0) problems.push(`missing: ${r.missing.join("; ")}`);
    if (r.validCitations < r.citations) problems.push(`${r.citations - r.validCitations} invalid citation(s)`);
    if (r.wrongDocCitations > 0) problems.push(`${r.wrongDocCitations} citation(s) of the wrong document`);
    if (r.itemPrecision !== undefined && r.itemPrecision < 1) problems.push(`item precision ${r.itemPrecision.toFixed(2)}`);
    if (r.countOk === false) problems.push("wrong or missing count");
    if (problems.length > 0) out.push({ id: r.id, kind: r.kind, lang: r.lang, question: r.question, problems, answer: r.answer });
  }
  return out;
}

export const formatValue = (v: number, format: "num" | "pct") => (format === "pct" ? `${(v * 100).toFixed(1)}%` : v.toFixed(3));

function cell(m: Metrics, metric: (typeof METRICS)[number]): string {
  // A metric with no question behind it in a split is shown as a dash, not as 0.
  const empty =
    (metric.path.startsWith("language.") && m.language.n === 0) ||
    (metric.path.startsWith("lists.item") && m.lists.n === 0) ||
    (metric.path === "lists.countAccuracy" && !m.lists.countAccuracy && m.lists.n === 0) ||
    (metric.path.startsWith("multiturn.") && m.multiturn.n === 0) ||
    (metric.path === "abstention.recall" && m.abstention.unanswerable === 0) ||
    (metric.path.startsWith("documents.") && m.documents.n === 0);
  return empty ? "–" : formatValue(metric.get(m), metric.format);
}

/** Held-out splits and the split tuned on the same corpus, for the gap columns. */
const HELD_OUT_PAIRS: [held: string, tuned: string][] = [
  ["test", "dev"],
  ["extra", "dev-extra"],
];

export function renderMarkdown(report: EvalReport): string {
  const splits = report.splits;
  // Each held-out split beside the split tuned on the same corpus: the gap is what tuning did not carry over.
  const gaps = HELD_OUT_PAIRS.map(([held, tuned]) => ({ held: splits.find((s) => s.name === held), tuned: splits.find((s) => s.name === tuned) }))
    .filter((g): g is { held: SplitReport; tuned: SplitReport } => Boolean(g.held && g.tuned));
  const lines = [
    "# Evaluation",
    "",
    `Generated by \`${report.command}\` on ${report.generatedAt.slice(0, 10)} at commit \`${report.commit}\`; answer mode`,
    `\`${report.settings.mode}\`, embedder \`${report.settings.embedder}\`. This file is rewritten by every run; eval/report.json has every`,
    "number and every answer, and `/eval` serves the HTML report. How each metric is counted: docs/eval-metrics.md.",
    "",
    "| split | questions | corpus | what it is |",
    "|---|---|---|---|",
    ...splits.map((s) => `| ${s.name} | ${s.questions} | ${s.corpus.join(", ")} | ${s.description} |`),
    "",
    `Thresholds (eval/thresholds.json): **${report.passed ? "all met" : "NOT MET"}**.`,
    "",
    "## Splits side by side (product)",
    "",
    `| metric | ${splits.map((s) => s.name).join(" | ")} |${gaps.map((g) => ` ${g.held.name} − ${g.tuned.name} |`).join("")}`,
    `|---|${splits.map(() => "---").join("|")}|${gaps.map(() => "---|").join("")}`,
  ];
  for (const metric of METRICS) {
    const values = splits.map((s) => cell(s.product.overall, metric));
    const gap = gaps
      .map(({ held, tuned }) => {
        if (cell(held.product.overall, metric) === "–" || cell(tuned.product.overall, metric) === "–") return " – |";
        const d = metric.get(held.product.overall) - metric.get(tuned.product.overall);
        return ` ${metric.format === "pct" ? `${(d * 100).toFixed(1)} pts` : d.toFixed(3)} |`;
      })
      .join("");
    lines.push(`| ${metric.label} | ${values.join(" | ")} |${gap}`);
  }
  lines.push(`| Latency p50 / p95 (ms) | ${splits.map((s) => `${s.product.overall.latency.p50.toFixed(1)} / ${s.product.overall.latency.p95.toFixed(1)}`).join(" | ")} |${gaps.map(() => " |").join("")}`, "");
  lines.push("## Product vs. the BM25 baseline", "", "MiniSearch (BM25) over 800-character chunks of the raw extracted text, answering with its top chunk.", "");
  lines.push(`| metric | ${splits.map((s) => `${s.name} product / baseline`).join(" | ")} |`, `|---|${splits.map(() => "---").join("|")}|`);
  for (const metric of METRICS.filter((m) => ["retrieval.recallAt5", "retrieval.mrr", "answers.mustInclude", "answers.padding", "abstention.recall"].includes(m.path))) {
    lines.push(`| ${metric.label} | ${splits.map((s) => `${cell(s.product.overall, metric)} / ${cell(s.baseline.overall, metric)}`).join(" | ")} |`);
  }
  lines.push("");
  const judged = splits.filter((s) => s.judge);
  if (judged.length > 0) {
    lines.push("## Judged pass (a model's grades, not measured facts)", "", "| split | judge model | faithfulness | relevance (1-5) | judged | errors |", "|---|---|---|---|---|---|");
    for (const s of judged) lines.push(`| ${s.name} | ${s.judge!.model} | ${s.judge!.faithfulness.toFixed(3)} | ${s.judge!.relevance.toFixed(2)} | ${s.judge!.judged} | ${s.judge!.errors} |`);
    lines.push("");
  }
  if (report.thresholds.length > 0) {
    lines.push("## Thresholds", "", "| split | metric | value | limit | |", "|---|---|---|---|---|");
    for (const c of report.thresholds) lines.push(`| ${c.split} | ${c.metric} | ${c.value.toFixed(3)} | ${c.kind} ${c.limit} | ${c.ok ? "ok" : "**missed**"} |`);
    lines.push("");
  }
  for (const split of splits) {
    lines.push(`## ${split.name}: by kind`, "", "| kind | n | recall@5 | must-include | own words (en) | padding | items | abstention recall | false abstentions |", "|---|---|---|---|---|---|---|---|---|");
    for (const [kind, m] of Object.entries(split.product.byKind)) {
      const get = (path: string) => cell(m, METRICS.find((x) => x.path === path)!);
      lines.push(`| ${kind} | ${m.questions} | ${get("retrieval.recallAt5")} | ${get("answers.mustInclude")} | ${get("language.englishOwnWords")} | ${get("answers.padding")} | ${get("lists.itemRecall")} | ${get("abstention.recall")} | ${get("abstention.falseAbstainRate")} |`);
    }
    lines.push("");
  }
  for (const split of splits) {
    lines.push(`## ${split.name}: questions with a problem (${split.failures.length} of ${split.questions})`, "");
    for (const f of split.failures) lines.push(`- **${f.id}** (${f.kind}, ${f.lang}) ${f.question.replace(/\|/g, "/")} — ${f.problems.join("; ")}`);
    lines.push("");
  }
  return lines.join("\n");
}

export function renderSummary(report: EvalReport): string {
  const names = report.splits.map((s) => s.name);
  const row = (label: string, values: string[]) => `  ${label.padEnd(40)} ${values.map((v) => v.padStart(9)).join(" ")}`;
  return [
    `Evaluation (mode ${report.settings.mode}, commit ${report.commit})`,
    row("", names),
    row("questions", report.splits.map((s) => String(s.questions))),
    ...METRICS.map((m) => row(m.label, report.splits.map((s) => cell(s.product.overall, m)))),
    row("latency p50 ms", report.splits.map((s) => s.product.overall.latency.p50.toFixed(1))),
    ...report.thresholds.filter((c) => !c.ok).map((c) => `THRESHOLD MISSED: ${c.split} ${c.metric} = ${c.value.toFixed(3)} (${c.kind} ${c.limit})`),
    report.thresholds.length === 0 ? "No thresholds checked." : report.passed ? "All thresholds met." : "Thresholds NOT met.",
  ].join("\n");
}
