/**
 * GET /eval: the evaluation's HTML report (written by `npm run eval`), with a notice when it was made at
 * another commit than the one being served, so nobody reads old figures as current.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "../config.ts";

const run = promisify(execFile);

let head: { at: number; commit: string | null } | undefined;

/** The checkout's commit (short hash), or null outside a git checkout; asked at most every 10 s. */
export async function currentCommit(now = Date.now()): Promise<string | null> {
  if (head && now - head.at < 10_000) return head.commit;
  const commit = await run("git", ["rev-parse", "--short=12", "HEAD"], { cwd: PROJECT_ROOT, timeout: 2000 })
    .then((r) => r.stdout.trim() || null)
    .catch(() => null);
  head = { at: now, commit };
  return commit;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The commit the report names (eval/report.json beside the HTML), or null. */
async function reportCommit(reportFile: string): Promise<string | null> {
  const json = await readFile(path.join(path.dirname(reportFile), "report.json"), "utf8").catch(() => "");
  try {
    const commit = (JSON.parse(json) as { commit?: unknown }).commit;
    return typeof commit === "string" && commit ? commit : null;
  } catch {
    return null;
  }
}

/** Same commit when one hash is a prefix of the other (reports keep 7 characters). */
const sameCommit = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** The report's HTML with a stale notice after <body> when its commit is not the served one; undefined when there is no report. */
export async function evalReportHtml(reportFile: string): Promise<string | undefined> {
  const html = await readFile(reportFile, "utf8").catch(() => undefined);
  if (!html) return undefined;
  const [made, now] = await Promise.all([reportCommit(reportFile), currentCommit()]);
  // A report written before it had a link back to the page gets one.
  const back = /href="\/"/.test(html) ? "" : '<p style="margin:0 0 12px"><a href="/">&larr; Back to the assistant</a></p>';
  if (made && now && sameCommit(made, now)) return back ? insertAfterBody(html, back) : html;
  const what = made ? `at commit <b>${escape(made)}</b>` : "at an unknown commit";
  const notice =
    `<div role="note" id="stale-notice" style="margin:0 0 16px;padding:10px 14px;border:1px solid #d9a400;border-radius:8px;background:#fff6d6;color:#4a3500">` +
    `<b>This report may be out of date.</b> It was made ${what}; the server runs ${now ? `commit <b>${escape(now)}</b>` : "a copy that is not a git checkout"}. ` +
    `Run <code>npm run eval</code> to measure the current code.</div>`;
  return insertAfterBody(html, back + notice);
}

function insertAfterBody(html: string, block: string): string {
  return /<body[^>]*>/i.test(html) ? html.replace(/<body[^>]*>/i, (tag) => `${tag}\n${block}`) : block + html;
}
