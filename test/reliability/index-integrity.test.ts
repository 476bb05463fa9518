/**
 * Index integrity (issue 14): each build records checksums of its files; `scripts/serve.ts` checks them
 * at start and refuses a build whose files changed, serving the previous good one with one line that says
 * so and how to fix it; `scripts/verify.ts` (npm run verify) checks them on demand; a running server does
 * not switch to a newly published build that fails them; and every start-up failure of the index ends in
 * one line that says to re-ingest. The real CLIs as child processes, run as a careless operator would
 * (no LANCEDB_LOG in their environment), on real LanceDB indexes in temp folders.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/answer/answer.ts";
import { createAnswerContext } from "../../src/answer/context.ts";
import { loadConfig } from "../../src/config.ts";
import { runIngest } from "../../src/ingest/ingest.ts";
import { checksumFiles, verifyBuild } from "../../src/store/checksums.ts";
import { buildDir, currentFile, MANIFEST_FILE, readManifest } from "../../src/store/layout.ts";
import { PassageStore } from "../../src/store/passage-store.ts";
import { runScript, STACK_LINE, startServerProcess } from "./processes.ts";

let root: string;
/** A data folder with two finished builds of the review: `older`, and `current` (served). */
let source: string;
let older: string;
let current: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "index-integrity-"));
  source = path.join(root, "source");
  older = (await runIngest(loadConfig({ DATA_DIR: source }))).manifest.buildId;
  current = (await runIngest(loadConfig({ DATA_DIR: source }))).manifest.buildId;
  expect(current).not.toBe(older);
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

async function copyIndex(name: string): Promise<string> {
  const dataDir = path.join(root, name);
  await cp(source, dataDir, { recursive: true });
  return dataDir;
}

async function dataFile(dataDir: string, build: string): Promise<string> {
  const dir = path.join(buildDir(dataDir, build), "passages.lance", "data");
  return path.join(dir, (await readdir(dir)).find((f) => f.endsWith(".lance"))!);
}

/** The corruption: 256 bytes overwritten in the middle of a .lance data file (same size, still "valid"). */
async function overwrite256(file: string): Promise<void> {
  const bytes = await readFile(file);
  const at = Math.floor(bytes.length / 2);
  for (let i = 0; i < 256; i++) bytes[at + i] = bytes[at + i] ^ 0x5a;
  await writeFile(file, bytes);
}

/** Lines of a child's stderr that are not our JSON log lines. */
const plainLines = (stderr: string) => stderr.split("\n").filter((l) => l.trim() && !l.startsWith('{"t":'));

describe("checksums recorded in each build", () => {
  it("cover every file but the manifest, and still match after the build has been served", async () => {
    const dataDir = await copyIndex("fresh");
    const manifest = await readManifest(buildDir(dataDir, current));
    expect(Object.keys(manifest.files ?? {}).sort()).toEqual(Object.keys(await checksumFiles(buildDir(dataDir, current))).sort());
    expect(Object.keys(manifest.files!)).not.toContain(MANIFEST_FILE);
    expect(Object.keys(manifest.files!).some((f) => f.startsWith("passages.lance/data/"))).toBe(true);
    // Reading does not write: after answering, the files still match.
    const context = await createAnswerContext(loadConfig({ DATA_DIR: dataDir }), await PassageStore.open(dataDir));
    for (const q of ["Apa hasil program MLMC setelah 12 bulan?", "What activities does Rumah Faye offer?"]) expect((await answer(context, [{ role: "user", content: q }])).citations.length).toBeGreaterThan(0);
    expect(await verifyBuild(dataDir, current)).toMatchObject({ ok: true, files: Object.keys(manifest.files!).length });
    const verify = await runScript("verify", { DATA_DIR: dataDir });
    expect(verify.code).toBe(0);
    expect(verify.stdout.trim()).toBe(`Index build ${current}: all ${Object.keys(manifest.files!).length} files match their checksums.`);
  });
});

describe("256 overwritten bytes in a .lance data file (issue 14: served silently, with changed scores)", () => {
  it("scripts/serve.ts refuses that build and serves the previous good one, saying so in one line with the fix", async () => {
    const dataDir = await copyIndex("overwritten");
    const file = await dataFile(dataDir, current);
    await overwrite256(file);
    const server = await startServerProcess({ DATA_DIR: dataDir }, { bare: true });
    try {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { build: string };
      expect(health.build).toBe(older);
      const answered = await fetch(`${server.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ messages: [{ role: "user", content: "Apa hasil program MLMC setelah 12 bulan?" }] }) });
      expect(((await answered.json()) as { citations: unknown[] }).citations.length).toBeGreaterThan(0);
    } finally {
      server.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);
    }
    const lines = plainLines(server.stderr());
    expect(lines, server.stderr()).toEqual([
      `Index build ${current} failed its checksum check (1 file changed: passages.lance/data/${path.basename(file)}); serving the previous build ${older} instead. Run \`npm run ingest\` to rebuild the index.`,
    ]);
    expect(server.stderr()).not.toMatch(STACK_LINE);
    expect(server.stderr()).not.toMatch(/panicked|RUST_BACKTRACE|\.rs:\d+/);

    const verify = await runScript("verify", { DATA_DIR: dataDir }, 30_000, { bare: true });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toBe("");
    expect(plainLines(verify.stderr)).toEqual([
      `Index build ${current} failed its checksum check (1 file changed: passages.lance/data/${path.basename(file)}); the server would serve the previous build ${older} instead. Run \`npm run ingest\` to rebuild the index.`,
    ]);
  });

  it("with no earlier good build, scripts/serve.ts exits 1 with one line that says to re-ingest", async () => {
    const dataDir = await copyIndex("overwritten-alone");
    await rm(buildDir(dataDir, older), { recursive: true });
    await overwrite256(await dataFile(dataDir, current));
    const { code, stdout, stderr } = await runScript("serve", { DATA_DIR: dataDir, PORT: "0" }, 30_000, { bare: true });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Cannot start: the index build \S+ failed its checksum check \(1 file changed: passages\.lance\/data\/\S+\) and no earlier build passes it — run `npm run ingest` to rebuild it$/)]);
  });

  it("a running server does not switch to a newly published build that fails its check", async () => {
    const dataDir = await copyIndex("published-corrupt");
    const server = await startServerProcess({ DATA_DIR: dataDir }, { bare: true });
    try {
      expect(((await (await fetch(`${server.url}/healthz`)).json()) as { build: string }).build).toBe(current);
      // An ingest "publishes" a build whose data file is damaged.
      const bad = `${current}-bad`;
      await cp(buildDir(dataDir, current), buildDir(dataDir, bad), { recursive: true });
      await overwrite256(await dataFile(dataDir, bad));
      await writeFile(currentFile(dataDir), `${bad}\n`);
      await new Promise((r) => setTimeout(r, 2200)); // past the store's 2 s refresh interval
      for (let i = 0; i < 3; i++) expect(((await (await fetch(`${server.url}/healthz`)).json()) as { build: string }).build).toBe(current);
    } finally {
      server.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);
    }
  });
});

describe("every start-up failure of the index ends in one line that says to re-ingest (builds without checksums too)", () => {
  /** A build as written before checksums were recorded: the manifest without `files`. */
  async function withoutChecksums(name: string): Promise<string> {
    const dataDir = await copyIndex(name);
    await rm(buildDir(dataDir, older), { recursive: true });
    const file = path.join(buildDir(dataDir, current), MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    delete manifest.files;
    await writeFile(file, JSON.stringify(manifest));
    return dataDir;
  }

  const cases: [string, (build: string) => Promise<void>][] = [
    ["term-stats.json holding {} (was: TypeError: … reading 'program')", (build) => writeFile(path.join(build, "term-stats.json"), "{}")],
    ["term-stats.json not JSON", (build) => writeFile(path.join(build, "term-stats.json"), "{not json")],
    ["the full-text index files truncated (was: 'Cannot start: Error: Failed to get next batch …', no advice)", async (build) => {
      const indices = path.join(build, "passages.lance", "_indices");
      for (const dir of await readdir(indices)) for (const f of await readdir(path.join(indices, dir))) await writeFile(path.join(indices, dir, f), Buffer.alloc(100, 7));
    }],
    ["the passages data file truncated", async (build) => {
      const dir = path.join(build, "passages.lance", "data");
      for (const f of await readdir(dir)) await writeFile(path.join(dir, f), (await readFile(path.join(dir, f))).subarray(0, 1000));
    }],
  ];

  it.each(cases)("%s", async (name, corrupt) => {
    const dataDir = await withoutChecksums(name.replace(/\W+/g, "-").slice(0, 40));
    await corrupt(buildDir(dataDir, current));
    const { code, stdout, stderr } = await runScript("serve", { DATA_DIR: dataDir, PORT: "0" }, 30_000, { bare: true });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: .* — run `npm run ingest` to rebuild it$/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toMatch(/panicked|RUST_BACKTRACE|\.rs:\d+/);
  });
});
