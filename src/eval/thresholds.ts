/**
 * Thresholds per split (eval/thresholds.json): `{ "<split>": { "min": { "<metric path>": n }, "max": {...} } }`.
 * Metric paths name fields of Metrics ("answers.mustInclude"). Set from measured values, never lowered to pass.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { DataFileError } from "../domain/errors.ts";
import type { Metrics } from "./runner.ts";

const Limits = z.object({
  min: z.record(z.string(), z.number()).default({}),
  max: z.record(z.string(), z.number()).default({}),
});
const ThresholdsSchema = z.record(z.string(), z.union([Limits, z.string()]));

export type Thresholds = Record<string, z.infer<typeof Limits>>;

export interface ThresholdCheck {
  split: string;
  metric: string;
  value: number;
  limit: number;
  kind: "min" | "max";
  ok: boolean;
}

export function loadThresholds(file: string): Thresholds {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DataFileError(file, undefined, `cannot read thresholds (${(error as Error).message})`);
  }
  const parsed = ThresholdsSchema.safeParse(raw);
  if (!parsed.success) throw new DataFileError(file, undefined, `${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
  // String values are comments ("_comment").
  return Object.fromEntries(Object.entries(parsed.data).filter((e): e is [string, z.infer<typeof Limits>] => typeof e[1] !== "string"));
}

export function metricValue(metrics: Metrics, path: string): number {
  let value: unknown = metrics;
  for (const key of path.split(".")) value = (value as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== "number") throw new Error(`unknown metric "${path}"`);
  return value;
}

/** Compare with a little tolerance for floating-point noise. */
export function checkThresholds(split: string, metrics: Metrics, thresholds: Thresholds): ThresholdCheck[] {
  const limits = thresholds[split];
  if (!limits) return [];
  const eps = 1e-9;
  return [
    ...Object.entries(limits.min).map(([metric, limit]) => {
      const value = metricValue(metrics, metric);
      return { split, metric, value, limit, kind: "min" as const, ok: value + eps >= limit };
    }),
    ...Object.entries(limits.max).map(([metric, limit]) => {
      const value = metricValue(metrics, metric);
      return { split, metric, value, limit, kind: "max" as const, ok: value - eps <= limit };
    }),
  ];
}
