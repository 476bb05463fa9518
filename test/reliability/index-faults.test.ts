/**
 * The index on disk going wrong, with the real CLIs as child processes: `scripts/serve.ts` on a missing or
 * corrupt index refuses with one line that says to run `npm run ingest` (no stack trace); an ingest killed
 * with SIGKILL half-way leaves the previous index serving and its stale lock is taken over by the next
 * ingest; two ingests at once never interleave.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile, copyFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/answer/answer.ts";
import { createAnswerContext } from "../../src/answer/context.ts";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { runIngest } from "../../src/ingest/ingest.ts";
import { buildDir, buildsDir, currentFile, indexRoot } from "../../src/store/layout.ts";
import { PassageStore } from "../../src/store/passage-store.ts";
import { runScript, STACK_LINE, startScript } from "./processes.ts";

let root: string;
/** A data folder with a served index of the review alone (built in-process). */
let source: string;
let sourceBuild: string;

async function copyIndex(name: string): Promise<{ dataDir: string; build: string }> {
  const dataDir = path.join(root, name);
  await cp(source, dataDir, { recursive: true });
  return { dataDir, build: (await readFile(currentFile(dataDir), "utf8")).trim() };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** A corpus folder: the review, and `extra` generated notes (.txt) so an ingest takes a moment. */
async function makeCorpus(dir: string, extra: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of ["review-child-trafficking-programs.txt"]) await copyFile(path.join(PROJECT_ROOT, "corpus", f), path.join(dir, f));
  const words = "program perlindungan anak korban perdagangan rehabilitasi mentor dukungan sosial kesehatan mental keluarga sekolah layanan konseling komunitas pemerintah kebijakan daerah pelatihan pendampingan".split(" ");
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 1; i <= extra; i++) {
    const paragraphs = Array.from({ length: 6 }, () =>
      Array.from({ length: 6 }, () => {
        const s = Array.from({ length: 14 }, () => words[next() % words.length]).join(" ");
        return `${s[0].toUpperCase()}${s.slice(1)}.`;
      }).join(" "),
    );
    await writeFile(path.join(dir, `catatan-lapangan-${String(i).padStart(3, "0")}.txt`), `Catatan lapangan ${i}\n\n${paragraphs.join("\n\n")}\n`);
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "reliability-index-"));
  source = path.join(root, "source");
  const summary = await runIngest(loadConfig({ DATA_DIR: source }));
  sourceBuild = summary.manifest.buildId;
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("scripts/serve.ts on a missing or corrupt index", () => {
  const cases: [string, () => Promise<string>][] = [
    ["an empty data folder", async () => mkdtemp(path.join(root, "empty-"))],
    ["a data folder that does not exist", async () => path.join(root, "never-created")],
    ["CURRENT naming a build whose folder was deleted", async () => {
      const { dataDir, build } = await copyIndex("build-deleted");
      await rm(buildDir(dataDir, build), { recursive: true });
      return dataDir;
    }],
    ["CURRENT holding garbage", async () => {
      const { dataDir } = await copyIndex("current-garbage");
      await writeFile(currentFile(dataDir), "../../../etc/passwd\n");
      return dataDir;
    }],
    ["the build's manifest deleted", async () => {
      const { dataDir, build } = await copyIndex("manifest-deleted");
      await rm(path.join(buildDir(dataDir, build), "manifest.json"));
      return dataDir;
    }],
    ["every file of the passages table overwritten with garbage", async () => {
      const { dataDir, build } = await copyIndex("lance-garbage");
      for (const file of await filesUnder(path.join(buildDir(dataDir, build), "passages.lance"))) await writeFile(file, Buffer.alloc(700, 0xa5));
      return dataDir;
    }],
    ["the passages table's data files deleted", async () => {
      const { dataDir, build } = await copyIndex("lance-data-deleted");
      await rm(path.join(buildDir(dataDir, build), "passages.lance", "data"), { recursive: true });
      return dataDir;
    }],
    ["the passages table's version manifests deleted", async () => {
      const { dataDir, build } = await copyIndex("lance-versions-deleted");
      await rm(path.join(buildDir(dataDir, build), "passages.lance", "_versions"), { recursive: true });
      return dataDir;
    }],
    ["the studies table overwritten with garbage", async () => {
      const { dataDir, build } = await copyIndex("studies-garbage");
      for (const file of await filesUnder(path.join(buildDir(dataDir, build), "studies.lance"))) await writeFile(file, "not a lance file");
      return dataDir;
    }],
  ];

  it.each(cases)("%s: one line saying to run `npm run ingest`, exit 1, no stack trace", async (_name, prepare) => {
    const dataDir = await prepare();
    const { code, stdout, stderr } = await runScript("serve", { DATA_DIR: dataDir, PORT: "0" });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: /);
    expect(lines[0]).toMatch(/run `npm run ingest`/);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it("the untouched copy serves (the corruptions above are what made them fail)", async () => {
    const { dataDir } = await copyIndex("intact");
    const child = startScript("serve", { DATA_DIR: dataDir, PORT: "0" });
    const [, url] = await child.waitFor(/Review assistant ready: (http:\/\/\S+)/);
    const health = (await (await fetch(`${url}healthz`)).json()) as { ok: boolean; build: string };
    expect(health).toMatchObject({ ok: true, build: sourceBuild });
    child.kill("SIGTERM");
    expect((await child.exited).code).toBe(0);
  });
});

describe("scripts/ingest.ts killed with SIGKILL half-way", () => {
  it("leaves the previous index serving; the next ingest takes over the stale lock and completes", async () => {
    const dataDir = path.join(root, "killed");
    const corpus = path.join(root, "corpus-killed");
    await makeCorpus(corpus, 0);
    const env = { DATA_DIR: dataDir, CORPUS_DIR: corpus };
    const before = await runIngest(loadConfig(env));
    await makeCorpus(corpus, 200);

    const ingest = startScript("ingest", env);
    // Half-way through embedding: the lock is held, the new build not yet published.
    const half = await ingest.waitUntil(/ingest: embedded (\d+)\/(\d+)/g, (m) => Number(m[1]) * 2 >= Number(m[2]));
    ingest.kill("SIGKILL");
    expect((await ingest.exited).signal).toBe("SIGKILL");
    expect(Number(half[1])).toBeLessThan(Number(half[2]));
    expect(ingest.stdout()).not.toMatch(/Indexed/);
    // The killed process held the lock: it is left behind, to go stale.
    expect((await stat(path.join(indexRoot(dataDir), "ingest.lock"))).isDirectory()).toBe(true);

    const store = await PassageStore.open(dataDir);
    expect(store.buildId).toBe(before.manifest.buildId);
    expect(store.passageCount).toBe(before.passages);
    const result = await answer(await createAnswerContext(loadConfig(env), store), [{ role: "user", content: "Apa hasil program MLMC setelah 12 bulan?" }]);
    expect(result.citations.length).toBeGreaterThan(0);

    // The next ingest waits for the lock to go stale (10 s) within its 15 s wait, then completes.
    const started = Date.now();
    const next = await runScript("ingest", env, 45_000);
    expect(next.code, next.stderr).toBe(0);
    const indexed = /Indexed 201 document\(s\) in [\d.]+ s: (\d+) passages/.exec(next.stdout);
    expect(indexed, next.stdout).not.toBeNull();
    const after = await PassageStore.open(dataDir);
    expect(after.buildId).not.toBe(before.manifest.buildId);
    expect(after.passageCount).toBe(Number(indexed![1]));
    expect(after.passageCount).toBeGreaterThan(before.passages);
    expect((await readdir(buildsDir(dataDir))).filter((e) => e.endsWith(".partial"))).toEqual([]);
    await expect(stat(path.join(indexRoot(dataDir), "ingest.lock"))).rejects.toThrow();
    console.log(`killed ingest: the next one completed in ${((Date.now() - started) / 1000).toFixed(1)} s (stale lock taken over)`);
  }, 90_000);
});

describe("two ingests at once on the same data folder", () => {
  it("one succeeds; the other waits and succeeds or refuses clearly; the index is never interleaved", async () => {
    const dataDir = path.join(root, "concurrent");
    const corpus = path.join(root, "corpus-concurrent");
    await makeCorpus(corpus, 200);
    const env = { DATA_DIR: dataDir, CORPUS_DIR: corpus };
    const [a, b] = [startScript("ingest", env), startScript("ingest", env)];
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    const outcomes = [
      { ...ea, stdout: a.stdout(), stderr: a.stderr() },
      { ...eb, stdout: b.stdout(), stderr: b.stderr() },
    ];
    const succeeded = outcomes.filter((o) => o.code === 0);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    const counts = new Set<number>();
    for (const o of outcomes) {
      if (o.code === 0) {
        const m = /Indexed 201 document\(s\) in [\d.]+ s: (\d+) passages/.exec(o.stdout);
        expect(m, o.stdout).not.toBeNull();
        counts.add(Number(m![1]));
      } else {
        expect(o.stderr).toMatch(/ingest failed: another ingest is writing .* try again/);
        expect(o.stderr).not.toMatch(STACK_LINE);
      }
    }
    // Both builds (if both ran) are the same corpus: the same count; the served one has exactly that many.
    expect(counts.size).toBe(1);
    const [count] = counts;
    const store = await PassageStore.open(dataDir);
    expect(store.passageCount).toBe(count);
    const passages = await store.listPassages(undefined, 100_000);
    expect(passages).toHaveLength(count);
    expect(new Set(passages.map((p) => p.id)).size).toBe(count);
    expect(store.manifest.documents).toHaveLength(201);
    const builds = await readdir(buildsDir(dataDir));
    expect(builds.filter((e) => e.endsWith(".partial"))).toEqual([]);
    expect(builds).toContain(store.buildId);
    await expect(stat(path.join(indexRoot(dataDir), "ingest.lock"))).rejects.toThrow();
    console.log(`two ingests at once: exit codes ${outcomes.map((o) => o.code).join(", ")}; served build ${store.buildId} with ${count} passages; builds kept: ${builds.join(", ")}`);
  }, 90_000);
});
