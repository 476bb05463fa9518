/**
 * Soak run: 50 connections on POST /api/chat against an in-process server on a temp index, with RSS and
 * /healthz watched (test/reliability/load.ts). SOAK_SECONDS (default 30), SOAK_CONNECTIONS (default 50).
 */
import { formatLoadReport, runLoad } from "../test/reliability/load.ts";

const report = await runLoad({ seconds: Number(process.env.SOAK_SECONDS ?? 30), connections: Number(process.env.SOAK_CONNECTIONS ?? 50) });
console.log(formatLoadReport(report));
if (process.argv.includes("--json")) console.log(JSON.stringify(report));
