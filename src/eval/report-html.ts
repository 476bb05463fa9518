/**
 * The HTML report: one self-contained file (inline CSS and SVG, no scripts, no outside fonts): the splits
 * side by side, bars per metric for the product and the baseline, per kind, and the failing questions with
 * the answer given. Served at /eval, with a link back to the assistant.
 */
import { METRICS, formatValue, type EvalReport, type SplitReport } from "./report.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const COLORS = { product: "#2563eb", baseline: "#9ca3af" };

/** Horizontal bar pairs (product, baseline) for values in 0..1. */
function barChart(rows: { label: string; product: number; baseline: number }[]): string {
  const rowHeight = 34;
  const labelWidth = 260;
  const barWidth = 340;
  const height = rows.length * rowHeight + 10;
  const bars = rows
    .map((r, i) => {
      const y = i * rowHeight + 6;
      const pw = Math.max(0, Math.min(1, r.product)) * barWidth;
      const bw = Math.max(0, Math.min(1, r.baseline)) * barWidth;
      return [
        `<text x="0" y="${y + 15}" class="label">${escapeHtml(r.label)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${pw.toFixed(1)}" height="12" fill="${COLORS.product}" rx="2"><title>product ${(r.product * 100).toFixed(1)}%</title></rect>`,
        `<text x="${labelWidth + pw + 6}" y="${y + 10}" class="value">${(r.product * 100).toFixed(1)}%</text>`,
        `<rect x="${labelWidth}" y="${y + 14}" width="${bw.toFixed(1)}" height="12" fill="${COLORS.baseline}" rx="2"><title>baseline ${(r.baseline * 100).toFixed(1)}%</title></rect>`,
        `<text x="${labelWidth + bw + 6}" y="${y + 24}" class="value muted">${(r.baseline * 100).toFixed(1)}%</text>`,
      ].join("");
    })
    .join("");
  return `<svg role="img" aria-label="bar chart" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function splitSection(split: SplitReport): string {
  const p = split.product.overall;
  const b = split.baseline.overall;
  const rows = METRICS.filter((m) => m.format === "pct" || m.path.startsWith("retrieval.")).map((m) => ({ label: m.label, product: m.get(p), baseline: m.get(b) }));
  const failures = split.failures
    .map(
      (f) => `<tr><td><b>${escapeHtml(f.id)}</b><br><span class="muted">${escapeHtml(f.kind)} · ${escapeHtml(f.lang)}</span></td><td>${escapeHtml(f.question)}</td><td>${f.problems.map((x) => `<div>${escapeHtml(x)}</div>`).join("")}</td><td class="answer">${escapeHtml(f.answer)}</td></tr>`,
    )
    .join("");
  const kinds = Object.entries(split.product.byKind)
    .map(([kind, m]) => `<tr><td>${escapeHtml(kind)}</td><td>${m.questions}</td><td>${formatValue(m.retrieval.recallAt5, "num")}</td><td>${formatValue(m.answers.mustInclude, "pct")}</td><td>${formatValue(m.answers.padding, "pct")}</td><td>${formatValue(m.abstention.recall, "pct")}</td><td>${formatValue(m.abstention.falseAbstainRate, "pct")}</td></tr>`)
    .join("");
  return `<section id="split-${escapeHtml(split.name)}"><h2>${escapeHtml(split.name)} <span class="muted">· ${split.questions} questions · ${escapeHtml(split.description)}</span></h2>
<p class="legend muted"><span style="background:${COLORS.product}"></span>product<span style="background:${COLORS.baseline}"></span>BM25 baseline</p>
<div class="card">${barChart(rows)}</div>
<div class="card"><table><thead><tr><th>kind</th><th>n</th><th>recall@5</th><th>must-include</th><th>padding</th><th>abstention recall</th><th>false abstentions</th></tr></thead><tbody>${kinds}</tbody></table></div>
<details class="card"><summary>Questions with a problem (${split.failures.length})</summary><table><thead><tr><th>id</th><th>question</th><th>problem</th><th>answer given</th></tr></thead><tbody>${failures || '<tr><td colspan="4">None.</td></tr>'}</tbody></table></details></section>`;
}

export function renderHtml(report: EvalReport): string {
  const header = report.splits.map((s) => `<th>${escapeHtml(s.name)}</th>`).join("");
  const table = METRICS.map((m) => `<tr><td>${escapeHtml(m.label)}</td>${report.splits.map((s) => `<td>${formatValue(m.get(s.product.overall), m.format)}</td>`).join("")}</tr>`).join("");
  const checks = report.thresholds
    .map((c) => `<li class="${c.ok ? "ok" : "bad"}">${escapeHtml(c.split)} · ${escapeHtml(c.metric)}: ${c.value.toFixed(3)} (${c.kind} ${c.limit}) ${c.ok ? "✓" : "✗"}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluation report — review assistant</title>
<link rel="icon" href="data:,">
<style>
:root { color-scheme: light dark; --fg:#111827; --muted:#4b5563; --bg:#ffffff; --card:#f9fafb; --line:#e5e7eb; }
@media (prefers-color-scheme: dark) { :root { --fg:#e5e7eb; --muted:#9ca3af; --bg:#0f172a; --card:#111c33; --line:#1f2a44; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0; padding: 24px; }
main { max-width: 1100px; margin: 0 auto; } a { color: #2563eb; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
.muted { color: var(--muted); } .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px; margin: 12px 0; overflow-x: auto; }
svg .label { font-size: 13px; fill: currentColor; } svg .value { font-size: 11px; fill: currentColor; } svg .muted { fill: var(--muted); }
.legend span { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: middle; margin: 0 4px 0 12px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } td, th { border-top: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
td.answer { max-width: 420px; white-space: pre-wrap; } .ok { color: #15803d; } .bad { color: #b91c1c; font-weight: 600; }
ul.checks { list-style: none; padding: 0; margin: 0; columns: 2; }
</style></head>
<body><main>
<p><a href="/">← Back to the assistant</a></p>
<h1>Evaluation report</h1>
<p class="muted">commit <b>${escapeHtml(report.commit)}</b> · ${escapeHtml(report.generatedAt)} · mode ${escapeHtml(String(report.settings.mode))} · embedder ${escapeHtml(String(report.settings.embedder))}<br>Command: <code>${escapeHtml(report.command)}</code></p>
<div class="card"><table><thead><tr><th>metric (product)</th>${header}</tr></thead><tbody>${table}</tbody></table></div>
<div class="card"><b>Thresholds: ${report.thresholds.length === 0 ? "none checked" : report.passed ? '<span class="ok">all met</span>' : '<span class="bad">not met</span>'}</b><ul class="checks">${checks}</ul></div>
${report.splits.map(splitSection).join("\n")}
</main></body></html>
`;
}
