/** Thresholds in one file (eval/thresholds.json): metric paths like "retrieval.recallAt5" -> limits. */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Metrics } from "./runner.ts";

const ThresholdsSchema = z.object({
  min: z.record(z.string(), z.number()).default({}),
  max: z.record(z.string(), z.number()).default({}),
});

export type Thresholds = z.infer<typeof ThresholdsSchema>;

export interface ThresholdCheck {
  metric: string;
  value: number;
  limit: number;
  kind: "min" | "max";
  ok: boolean;
}

export function loadThresholds(file: string): Thresholds {
  const parsed = ThresholdsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

export function metricValue(metrics: Metrics, path: string): number {
  let value: unknown = metrics;
  for (const key of path.split(".")) value = (value as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== "number") throw new Error(`unknown metric "${path}"`);
  return value;
}

/** Compare with a little tolerance for floating-point noise. */
export function checkThresholds(metrics: Metrics, thresholds: Thresholds): ThresholdCheck[] {
  const eps = 1e-9;
  return [
    ...Object.entries(thresholds.min).map(([metric, limit]) => {
      const value = metricValue(metrics, metric);
      return { metric, value, limit, kind: "min" as const, ok: value + eps >= limit };
    }),
    ...Object.entries(thresholds.max).map(([metric, limit]) => {
      const value = metricValue(metrics, metric);
      return { metric, value, limit, kind: "max" as const, ok: value - eps <= limit };
    }),
  ];
}
