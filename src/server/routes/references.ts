/**
 * GET /api/references: the cited or all sources as BibTeX, RIS, CSL-JSON or APA text (citation-js), each
 * entry with the document's inconsistency notes as `note` (BibTeX `note`, RIS `N1`).
 *
 * Which sources: `cite=<docId>` (the document) and `cite=<docId>#<n>` (its study n), repeated; or
 * `doc=<docId>` with `studies=1,2`; nothing: every document and every study.
 */
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { Hono } from "hono";
import type { AppDeps } from "../app.ts";
import { CslSources, type SourceRef } from "../csl-sources.ts";
import { AppError } from "../errors.ts";

export const REFERENCE_FORMATS = {
  bibtex: { type: "application/x-bibtex; charset=utf-8", ext: "bib" },
  ris: { type: "application/x-research-info-systems; charset=utf-8", ext: "ris" },
  "csl-json": { type: "application/vnd.citationstyles.csl+json; charset=utf-8", ext: "json" },
  apa: { type: "text/plain; charset=utf-8", ext: "txt" },
} as const;
export type ReferenceFormat = keyof typeof REFERENCE_FORMATS;

const isFormat = (f: string): f is ReferenceFormat => Object.hasOwn(REFERENCE_FORMATS, f);

/** citation-js wraps RIS values at 70 characters with bare newlines: put each tag back on one line. */
function unwrapRis(text: string): string {
  return text.replace(/\n(?![A-Z][A-Z0-9] {2}-)/g, "");
}

/** The sources of `cite` / `doc` + `studies`, or undefined for all. Throws 400 naming the parameter. */
export function parseSources(cite: string[], doc: string | undefined, studies: string | undefined): SourceRef[] | undefined {
  const refs: SourceRef[] = [];
  for (const value of cite) {
    const hash = value.lastIndexOf("#");
    const number = hash > 0 ? value.slice(hash + 1) : "";
    if (hash > 0 && !/^\d{1,4}$/.test(number)) throw new AppError(400, "invalid_request", `cite: "${value.slice(0, 100)}" is not <docId> or <docId>#<study number>`);
    refs.push(hash > 0 ? { docId: value.slice(0, hash), number: Number(number) } : { docId: value });
  }
  if (studies !== undefined && !doc) throw new AppError(400, "invalid_request", "studies: give doc=<docId> too (study numbers are per document)");
  if (doc) {
    const numbers = (studies ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    if (numbers.some((n) => !/^\d{1,4}$/.test(n))) throw new AppError(400, "invalid_request", "studies: a comma-separated list of study numbers");
    if (numbers.length === 0) refs.push({ docId: doc });
    for (const n of numbers) refs.push({ docId: doc, number: Number(n) });
  }
  return refs.length > 0 ? refs : undefined;
}

export function formatReferences(items: Record<string, unknown>[], format: ReferenceFormat): string {
  if (items.length === 0) return format === "csl-json" ? "[]\n" : "";
  const cite = new Cite(items);
  if (format === "csl-json") return `${JSON.stringify(items, null, 2)}\n`;
  if (format === "bibtex") return `${String(cite.format("bibtex")).trim()}\n`;
  if (format === "ris") return `${unwrapRis(String(cite.format("ris"))).trim()}\n`;
  return `${String(cite.format("bibliography", { format: "text", template: "apa", lang: "en-US" })).trim()}\n`;
}

export function referenceRoutes(deps: AppDeps) {
  let cache: { buildId: string; sources: CslSources } | undefined;
  const sourcesOf = () => {
    const { store, config } = deps.context;
    if (!cache || cache.buildId !== store.buildId) cache = { buildId: store.buildId, sources: new CslSources(store.documents, store.studies, config) };
    return cache.sources;
  };
  return new Hono().get("/api/references", async (c) => {
    await deps.context.store.refresh();
    const format = c.req.query("format") ?? "bibtex";
    if (!isFormat(format)) throw new AppError(400, "invalid_request", `format: one of ${Object.keys(REFERENCE_FORMATS).join(", ")}`);
    const refs = parseSources(c.req.queries("cite") ?? [], c.req.query("doc"), c.req.query("studies"));
    const sources = sourcesOf();
    const items = sources.csl(refs ?? sources.all());
    if (refs && items.length === 0) throw new AppError(404, "not_found", "none of the requested sources is in the library");
    const { type, ext } = REFERENCE_FORMATS[format];
    const headers: Record<string, string> = { "Content-Type": type, "X-Entries": String(items.length) };
    if (c.req.query("download") === "1") headers["Content-Disposition"] = `attachment; filename="references.${ext}"`;
    return c.body(formatReferences(items, format), 200, headers);
  });
}
