/**
 * The import direction of docs/architecture.md, checked on the source: every .ts file under src/ (tests
 * excluded) is read, its relative `import ... from`, `export ... from`, `import "..."` and `import("...")`
 * specifiers are resolved, and each one that crosses a folder must be allowed by the table below.
 * Package imports ("zod", "node:fs") are not ours and are not checked.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SRC = path.join(ROOT, "src");

/** The files at the top of src/: config.ts (settings), log.ts (logging), errors.ts (the scripts' describeFailure). */
const ROOT_FILES = "(src root files)";

/**
 * What each folder of src/ may import besides itself, lowest layer first. src/types holds ambient .d.ts
 * files only and is imported by nobody.
 */
const ALLOWED: Record<string, readonly string[]> = {
  [ROOT_FILES]: ["domain"],
  domain: [],
  text: ["domain"],
  vocab: ["domain", "text"],
  embed: ["domain", "text", ROOT_FILES],
  store: ["domain", "text", ROOT_FILES],
  ingest: ["domain", "text", "vocab", "embed", "store", ROOT_FILES],
  retrieve: ["domain", "text", "vocab", "embed", "store", ROOT_FILES],
  answer: ["domain", "text", "vocab", "embed", "store", "retrieve", ROOT_FILES],
  server: ["domain", "text", "vocab", "embed", "store", "ingest", "retrieve", "answer", ROOT_FILES],
  eval: ["domain", "text", "vocab", "embed", "store", "ingest", "retrieve", "answer", ROOT_FILES],
  bench: ["domain", "text", "vocab", "embed", "store", "ingest", "retrieve", "answer", "eval", ROOT_FILES],
};

/**
 * Single files a folder reaches into against the layering, as the code stands (docs/architecture.md says
 * why each is a wart). A new crossing fails; removing one of these fails too, so the list stays true.
 */
const EXCEPTIONS: readonly { from: string; target: string }[] = [];

/** A relative specifier in an import or export statement, a side-effect import, or a dynamic import(). */
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

interface Edge {
  file: string;
  specifier: string;
  /** The imported file, relative to the repository ("src/text/link-studies.ts"). */
  target: string;
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The src folder a file belongs to ("answer"), ROOT_FILES for src/*.ts, or the path outside src ("../scripts/x.ts"). */
function folderOf(file: string): string {
  const relative = path.relative(SRC, file);
  if (relative.startsWith("..")) return relative;
  const parts = relative.split(path.sep);
  return parts.length === 1 ? ROOT_FILES : parts[0];
}

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(SPECIFIER)]
    .map((m) => m[1] ?? m[2])
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => {
      const target = path.resolve(path.dirname(file), specifier);
      return { file: path.relative(ROOT, file), specifier, target: path.relative(ROOT, target).split(path.sep).join("/"), from: folderOf(file), to: folderOf(target) };
    });
}

const files = sourceFiles(SRC);
const edges = files.flatMap(edgesOf);
const crossing = edges.filter((e) => e.from !== e.to);
const describeEdge = (e: Edge) => `${e.file} imports ${e.specifier} (${e.from} -> ${e.to})`;

describe("import direction (docs/architecture.md)", () => {
  it("reads the source: many files, their imports, and edges between folders", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(300);
    // Known edges, so a regex that silently stopped matching would fail here rather than pass everything.
    const has = (from: string, to: string) => crossing.some((e) => e.from === from && e.to === to);
    expect(has("answer", "retrieve")).toBe(true);
    expect(has("ingest", "domain")).toBe(true);
    expect(has("server", "answer")).toBe(true);
  });

  it("the regex sees type imports, multi-line imports, re-exports and dynamic imports", () => {
    const sample = [
      'import type { A } from "../domain/a.ts";',
      "import {\n  b,\n  type C,\n} from '../text/b.ts';",
      'export * from "./c.ts";',
      'export { d } from "../store/d.ts";',
      'import "./side-effect.ts";',
      'const e = await import("../answer/e.ts");',
    ].join("\n");
    expect([...sample.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2])).toEqual(["../domain/a.ts", "../text/b.ts", "./c.ts", "../store/d.ts", "./side-effect.ts", "../answer/e.ts"]);
  });

  it("every folder of src/ is placed in the layering", () => {
    const folders = new Set(files.map(folderOf));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it("nothing in src/ imports from outside src/ (test/, scripts/, web/, eval/)", () => {
    expect(edges.filter((e) => e.to.startsWith("..")).map(describeEdge)).toEqual([]);
  });

  const excepted = (e: Edge) => EXCEPTIONS.some((x) => x.from === e.from && x.target === e.target);

  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    it(`${folder} imports ${allowed.length > 0 ? `only ${allowed.join(", ")}` : "nothing from another folder"}`, () => {
      const wrong = crossing.filter((e) => e.from === folder && !e.to.startsWith("..") && !allowed.includes(e.to) && !excepted(e));
      expect(wrong.map(describeEdge)).toEqual([]);
    });
  }

  it("each listed exception is still in the code", () => {
    const unused = EXCEPTIONS.filter((x) => !crossing.some((e) => e.from === x.from && e.target === x.target));
    expect(unused).toEqual([]);
  });
});
