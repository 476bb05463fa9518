/**
 * Load: 50 concurrent connections on POST /api/chat (extractive answers) with autocannon against the real
 * app served in-process on a port the OS picks (test/reliability/load.ts). SOAK_SECONDS sets the measured
 * run (default 8 here; `SOAK_SECONDS=30 node --import tsx scripts/soak.ts` is the full run).
 *
 * Nothing here depends on how fast the machine is: latency and throughput targets (/healthz under 100 ms,
 * req/s) are measured and reported by `npm run soak`, not asserted (they failed fresh clones on busy
 * machines). What a slow machine cannot excuse is asserted: no errors, no non-2xx, memory not growing,
 * /healthz never failing, correct answers afterwards.
 */
import { describe, expect, it } from "vitest";
import { formatLoadReport, loadTargets, runLoad } from "./load.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 8);
const WARMUP = Number(process.env.SOAK_WARMUP_SECONDS ?? 8);

describe(`load: 50 connections for ${SECONDS} s`, () => {
  it("no errors, no non-2xx, RSS stable, /healthz never failing, and answering afterwards", async () => {
    const report = await runLoad({ seconds: SECONDS, warmupSeconds: WARMUP, connections: 50 });
    console.log(formatLoadReport(report));
    console.log(`timing targets (reported, not asserted): ${loadTargets(report).map((t) => `${t.name}: ${t.value} ${t.met ? "met" : "missed"}`).join("; ")}`);
    expect(report.requests).toBeGreaterThan(0);
    expect(report.errors).toBe(0);
    expect(report.timeouts).toBe(0);
    expect(report.non2xx).toBe(0);
    expect(report.ok2xx).toBe(report.requests);
    expect(report.rssMb.growthPct).toBeLessThan(10);
    expect(report.heapMb.growthPct).toBeLessThan(10);
    expect(report.healthz.probes).toBeGreaterThan(0);
    expect(report.healthz.failures).toBe(0);
    expect(report.after).toEqual({ status: 200, citations: expect.any(Number) });
    expect(report.after.citations).toBeGreaterThan(0);
  }, (SECONDS + WARMUP) * 1000 + 60_000);
});
