/**
 * The HTML report: one self-contained file (inline CSS and SVG, no scripts, no outside fonts), readable at a
 * glance: bars per metric for both systems, per kind, and the failing questions with the answer given.
 */
import { HEADLINE, type EvalReport } from "./report.ts";
import type { Metrics } from "./runner.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const COLORS = { product: "#2563eb", baseline: "#9ca3af" };

/** Horizontal bar pairs (product, baseline) for values in 0..1. */
function barChart(rows: { label: string; product: number; baseline: number }[]): string {
  const rowHeight = 34;
  const labelWidth = 230;
  const barWidth = 360;
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
  return `<svg role="img" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function kindRows(report: EvalReport, get: (m: Metrics) => number) {
  // Out-of-scope questions have no gold passages or facts: they are counted under abstention.
  return Object.entries(report.product.byKind).filter(([kind]) => kind !== "outofscope").map(([kind, m]) => ({ label: `${kind} (${m.questions})`, product: get(m), baseline: get(report.baseline.byKind[kind]) }));
}

export function renderHtml(report: EvalReport): string {
  const p = report.product.overall;
  const b = report.baseline.overall;
  const headline = HEADLINE.filter(([key]) => !key.startsWith("abstention.falseAbstain")).map(([, get, label]) => ({ label, product: get(p), baseline: get(b) }));
  const failures = report.failures
    .map(
      (f) => `<tr><td><b>${escapeHtml(f.id)}</b><br><span class="muted">${escapeHtml(f.kind)} · ${escapeHtml(f.lang)}</span></td><td>${escapeHtml(f.question)}</td><td>${f.problems.map((x) => `<div>${escapeHtml(x)}</div>`).join("")}</td><td class="answer">${escapeHtml(f.answer)}</td></tr>`,
    )
    .join("");
  const checks = report.thresholds
    .map((c) => `<li class="${c.ok ? "ok" : "bad"}">${escapeHtml(c.metric)}: ${c.value.toFixed(3)} (${c.kind} ${c.limit}) ${c.ok ? "✓" : "✗"}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluation report — review assistant</title>
<link rel="icon" href="data:,">
<style>
:root { color-scheme: light dark; --fg:#111827; --muted:#6b7280; --bg:#ffffff; --card:#f9fafb; --line:#e5e7eb; }
@media (prefers-color-scheme: dark) { :root { --fg:#e5e7eb; --muted:#9ca3af; --bg:#0f172a; --card:#111c33; --line:#1f2a44; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0; padding: 24px; }
main { max-width: 1100px; margin: 0 auto; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
.muted { color: var(--muted); } .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px; margin: 12px 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; }
.kpi b { display: block; font-size: 22px; } .kpi span { color: var(--muted); font-size: 13px; }
svg .label { font-size: 13px; fill: currentColor; } svg .value { font-size: 11px; fill: currentColor; } svg .muted { fill: var(--muted); }
.legend span { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: middle; margin: 0 4px 0 12px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } td, th { border-top: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
td.answer { max-width: 420px; white-space: pre-wrap; } .ok { color: #15803d; } .bad { color: #b91c1c; font-weight: 600; }
ul.checks { list-style: none; padding: 0; margin: 0; }
</style></head>
<body><main>
<h1>Evaluation report</h1>
<p class="muted">${report.questions} fixed questions · mode ${escapeHtml(String(report.settings.mode))} · embedder ${escapeHtml(String(report.settings.embedder))} · commit ${escapeHtml(report.commit)} · ${escapeHtml(report.generatedAt)}<br>Command: <code>${escapeHtml(report.command)}</code></p>
<div class="grid">
<div class="card kpi"><b>${(p.retrieval.recallAt5 * 100).toFixed(1)}%</b><span>recall@5 (baseline ${(b.retrieval.recallAt5 * 100).toFixed(1)}%)</span></div>
<div class="card kpi"><b>${(p.answers.mustInclude * 100).toFixed(1)}%</b><span>must-include facts (baseline ${(b.answers.mustInclude * 100).toFixed(1)}%)</span></div>
<div class="card kpi"><b>${(p.answers.citationValidity * 100).toFixed(1)}%</b><span>valid citations</span></div>
<div class="card kpi"><b>${(p.abstention.recall * 100).toFixed(1)}%</b><span>out-of-scope abstentions</span></div>
<div class="card kpi"><b>${(p.abstention.falseAbstainRate * 100).toFixed(1)}%</b><span>false abstentions</span></div>
<div class="card kpi"><b>${p.latency.p50.toFixed(0)} ms</b><span>latency p50 (p95 ${p.latency.p95.toFixed(0)} ms)</span></div>
</div>
<div class="card"><b>Thresholds: ${report.passed ? '<span class="ok">all met</span>' : '<span class="bad">not met</span>'}</b><ul class="checks">${checks}</ul></div>
<h2>Product vs. baseline</h2><p class="legend muted"><span style="background:${COLORS.product}"></span>product<span style="background:${COLORS.baseline}"></span>BM25 baseline (MiniSearch over raw chunks)</p>
<div class="card">${barChart(headline)}</div>
<h2>Recall@5 by kind</h2><div class="card">${barChart(kindRows(report, (m) => m.retrieval.recallAt5))}</div>
<h2>Must-include facts by kind</h2><div class="card">${barChart(kindRows(report, (m) => m.answers.mustInclude))}</div>
<h2>By language</h2><div class="card">${barChart(Object.entries(report.product.byLang).flatMap(([lang, m]) => [
    { label: `${lang}: recall@5`, product: m.retrieval.recallAt5, baseline: report.baseline.byLang[lang].retrieval.recallAt5 },
    { label: `${lang}: must-include`, product: m.answers.mustInclude, baseline: report.baseline.byLang[lang].answers.mustInclude },
  ]))}</div>
<h2>Questions with a problem (${report.failures.length})</h2>
<div class="card"><table><thead><tr><th>id</th><th>question</th><th>problem</th><th>answer given</th></tr></thead><tbody>${failures || '<tr><td colspan="4">None.</td></tr>'}</tbody></table></div>
</main></body></html>
`;
}
