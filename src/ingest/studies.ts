/**
 * The review and its 10 source studies, as CSL-JSON records in corpus/studies.json (transcribed from the
 * review's tables), plus the alias list in corpus/study-aliases.json. Validated once when loaded.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const Name = z.union([
  z.object({ family: z.string().min(1), given: z.string().optional() }),
  z.object({ literal: z.string().min(1) }),
]);

const Record = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    number: z.number().int().min(1).max(99).optional(),
    title: z.string().min(1),
    author: z.array(Name).optional(),
    issued: z.object({ "date-parts": z.array(z.array(z.number().int())) }),
    "container-title": z.string().min(1),
    citedAs: z.string().nullable(),
    database: z.string().nullable(),
    method: z.string().nullable(),
    note: z.string().optional(),
    language: z.string().optional(),
  })
  .passthrough();

export type CslRecord = z.infer<typeof Record>;

export interface Study extends CslRecord {
  number: number;
}

export interface StudyCatalog {
  review: CslRecord;
  studies: Study[];
  /** Extra names by which the prose speaks of each study (study number -> phrases). */
  aliases: Map<number, string[]>;
}

export class StudyCatalogError extends Error {
  override name = "StudyCatalogError";
}

/** Load corpus/studies.json and corpus/study-aliases.json (aliases optional). */
export function loadStudyCatalog(corpusDir: string): StudyCatalog {
  const file = path.join(corpusDir, "studies.json");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new StudyCatalogError(`${file}: cannot read study metadata (${(error as Error).message})`);
  }
  const parsed = z.array(Record).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StudyCatalogError(`${file}: ${issue.path.join(".")}: ${issue.message}`);
  }
  const review = parsed.data.find((r) => r.number === undefined);
  const studies = parsed.data.filter((r): r is Study => r.number !== undefined).sort((a, b) => a.number - b.number);
  if (!review) throw new StudyCatalogError(`${file}: no record for the review itself (the one without a number)`);
  return { review, studies, aliases: loadAliases(corpusDir) };
}

function loadAliases(corpusDir: string): Map<number, string[]> {
  const file = path.join(corpusDir, "study-aliases.json");
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return new Map();
  }
  const out = new Map<number, string[]>();
  for (const [key, value] of Object.entries(raw)) {
    if (!/^\d+$/.test(key)) continue;
    const phrases = z.array(z.string().min(1)).safeParse(value);
    if (!phrases.success) throw new StudyCatalogError(`${file}: "${key}" must be a list of phrases`);
    out.set(Number(key), phrases.data);
  }
  return out;
}

/** Surnames by which a study is known: listed family names and the surname in the in-text citation. */
export function studySurnames(study: CslRecord): string[] {
  const names = new Set<string>();
  for (const a of study.author ?? []) if ("family" in a && a.family.length >= 4) names.add(a.family);
  const cited = study.citedAs?.match(/\(?\s*([\p{Lu}][\p{L}-]+)/u)?.[1];
  if (cited && cited.length >= 4) names.add(cited);
  const second = study.citedAs?.match(/&\s*([\p{Lu}][\p{L}-]+)/u)?.[1];
  if (second) names.add(second);
  return [...names];
}

export function studyYear(study: CslRecord): number | undefined {
  return study.issued["date-parts"][0]?.[0];
}
