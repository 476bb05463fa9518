/**
 * Load: 50 concurrent connections on POST /api/chat (extractive answers) with autocannon against the real
 * app served in-process on a port the OS picks (test/reliability/load.ts). SOAK_SECONDS sets the measured
 * run (default 8 here; `SOAK_SECONDS=30 node --import tsx scripts/soak.ts` is the full run).
 */
import { describe, expect, it } from "vitest";
import { formatLoadReport, runLoad } from "./load.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 8);
const WARMUP = Number(process.env.SOAK_WARMUP_SECONDS ?? 8);

describe(`load: 50 connections for ${SECONDS} s`, () => {
  it("no errors, no non-2xx, RSS stable, /healthz under 100 ms throughout, and answering afterwards", async () => {
    const report = await runLoad({ seconds: SECONDS, warmupSeconds: WARMUP, connections: 50 });
    console.log(formatLoadReport(report));
    expect(report.requests).toBeGreaterThan(SECONDS * 10);
    expect(report.errors).toBe(0);
    expect(report.timeouts).toBe(0);
    expect(report.non2xx).toBe(0);
    expect(report.ok2xx).toBe(report.requests);
    expect(report.rssMb.growthPct).toBeLessThan(10);
    expect(report.heapMb.growthPct).toBeLessThan(10);
    // Probed every 250 ms: at least two probes a second got through, none failed, none took 100 ms.
    expect(report.healthz.probes).toBeGreaterThanOrEqual(SECONDS * 2);
    expect(report.healthz.failures).toBe(0);
    expect(report.healthz.maxMs).toBeLessThan(100);
    expect(report.after).toEqual({ status: 200, citations: expect.any(Number) });
    expect(report.after.citations).toBeGreaterThan(0);
  }, (SECONDS + WARMUP) * 1000 + 60_000);
});
