/** Latency summaries for benchmarks: nearest-rank percentiles of a sample, in milliseconds. */
import { percentile } from "../eval/metrics.ts";

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarizeLatency(samples: number[]): LatencySummary {
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    n: samples.length,
    p50: r(percentile(samples, 50)),
    p95: r(percentile(samples, 95)),
    p99: r(percentile(samples, 99)),
    mean: r(samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length)),
  };
}
