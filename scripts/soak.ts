/**
 * Soak run: 50 connections on POST /api/chat against an in-process server on a temp index, with RSS and
 * /healthz watched (test/reliability/load.ts). SOAK_SECONDS (default 30), SOAK_CONNECTIONS (default 50).
 * Prints the report and whether the latency targets were met (--strict: exit 1 when one was missed).
 */
import { formatLoadReport, loadTargets, runLoad } from "../test/reliability/load.ts";

const report = await runLoad({ seconds: Number(process.env.SOAK_SECONDS ?? 30), connections: Number(process.env.SOAK_CONNECTIONS ?? 50) });
console.log(formatLoadReport(report));
// The timing targets live here, not in the test suite (test/reliability/load.test.ts asserts none).
const targets = loadTargets(report);
console.log(["targets:", ...targets.map((t) => `  ${t.met ? "met    " : "MISSED "} ${t.name} (${t.value})`)].join("\n"));
if (process.argv.includes("--strict") && targets.some((t) => !t.met)) process.exitCode = 1;
if (process.argv.includes("--json")) console.log(JSON.stringify(report));
