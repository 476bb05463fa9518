/**
 * The index on an object store (DATA_DIR=s3://…), against s3rver in this process (src/bench/s3-stand-in.ts),
 * with the real CLIs as child processes: an ingest publishes to s3://; two servers read it and answer as a
 * server on a local folder does; a second ingest publishes while both serve under load (no request fails,
 * both switch); a killed ingest leaves the served build intact and its lease refuses the next ingest
 * until it expires; a wrong credential is one line.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3StandIn, type S3StandIn } from "../../src/bench/s3-stand-in.ts";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { runIngest } from "../../src/ingest/ingest.ts";
import { IndexLockedError } from "../../src/store/lock.ts";
import { locateConfiguredIndex } from "../../src/store/index-location.ts";
import type { ObjectLocation } from "../../src/store/object-location.ts";
import { runScript, STACK_LINE, startScript, startServerProcess, type Child } from "./processes.ts";

let s3: S3StandIn;
let root: string;

/** A corpus folder: the review, and `extra` generated notes so an ingest takes a moment. */
async function makeCorpus(dir: string, extra: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  await copyFile(path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt"), path.join(dir, "review-child-trafficking-programs.txt"));
  const words = "program perlindungan anak korban perdagangan rehabilitasi mentor dukungan sosial kesehatan mental keluarga sekolah layanan konseling komunitas".split(" ");
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 1; i <= extra; i++) {
    const sentences = Array.from({ length: 30 }, () => `${Array.from({ length: 14 }, () => words[next() % words.length]).join(" ")}.`);
    await writeFile(path.join(dir, `catatan-${String(i).padStart(3, "0")}.txt`), `Catatan ${i}\n\n${sentences.join(" ")}\n`);
  }
}

const env = (prefix: string, extra: Record<string, string> = {}) => ({ DATA_DIR: `s3://idx/${prefix}`, ...s3.env, INDEX_POLL_MS: "300", RATE_LIMIT_PER_MINUTE: "1000000", ...extra });

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const buildOf = async (server: Child & { url: string }) => (await json<{ build: string }>(`${server.url}/healthz`)).build;
const chat = (url: string, question: string) =>
  fetch(`${url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ messages: [{ role: "user", content: question }] }) });

const QUESTIONS = ["Apa hasil program MLMC setelah 12 bulan?", "Which studies were done in Nigeria?", "Berapa jumlah studi dalam tinjauan ini?"];

beforeAll(async () => {
  s3 = await startS3StandIn("idx");
  root = await mkdtemp(path.join(os.tmpdir(), "object-store-"));
});
afterAll(async () => {
  await s3?.stop();
  await rm(root, { recursive: true, force: true });
});

describe("DATA_DIR=s3://… with two servers", () => {
  const servers: (Child & { url: string })[] = [];
  afterAll(async () => {
    for (const s of servers) s.kill();
    await Promise.all(servers.map((s) => s.exited));
  });

  it("an ingest publishes to the object store; two servers serve it with the same answers as a local folder; a second ingest under load loses no request and both switch", async () => {
    const corpus = path.join(root, "corpus-two");
    await makeCorpus(corpus, 0);
    const first = await runScript("ingest", { ...env("two"), CORPUS_DIR: corpus }, 60_000);
    expect(first.code, first.stderr).toBe(0);
    const firstBuild = /build:\s+(\S+) in s3:\/\/idx\/two/.exec(first.stdout)?.[1];
    expect(firstBuild, first.stdout).toBeDefined();

    const location = locateConfiguredIndex(loadConfig(env("two"))) as ObjectLocation;
    expect(await location.readCurrent()).toBe(firstBuild);
    expect(await location.verify(firstBuild!)).toMatchObject({ ok: true });
    expect(await location.store.list("index/builds/", true)).toEqual([`index/builds/${firstBuild}/`]);

    servers.push(...(await Promise.all([startServerProcess(env("two")), startServerProcess(env("two"))])));
    for (const server of servers) expect(await buildOf(server)).toBe(firstBuild);

    // The same answers as from a local folder.
    const localDir = path.join(root, "local");
    await runIngest(loadConfig({ DATA_DIR: localDir, CORPUS_DIR: corpus }));
    const local = await startServerProcess({ DATA_DIR: localDir, CORPUS_DIR: corpus });
    try {
      for (const question of QUESTIONS) {
        const expected = (await (await chat(local.url, question)).json()) as { answer: string };
        for (const server of servers) expect(((await (await chat(server.url, question)).json()) as { answer: string }).answer).toBe(expected.answer);
      }
    } finally {
      local.kill();
      await local.exited;
    }

    // Load on both servers while a second ingest (a larger corpus) publishes.
    await makeCorpus(corpus, 20);
    let stop = false;
    const outcomes = { ok: 0, failed: [] as string[] };
    const worker = async (url: string, n: number) => {
      for (let i = n; !stop; i++) {
        try {
          const response = await chat(url, QUESTIONS[i % QUESTIONS.length]);
          const body = await response.text();
          if (response.ok) outcomes.ok++;
          else outcomes.failed.push(`${response.status} ${body.slice(0, 200)}`);
        } catch (error) {
          outcomes.failed.push(String(error));
        }
      }
    };
    const workers = servers.flatMap((s) => [0, 1, 2].map((n) => worker(s.url, n)));
    const second = await runScript("ingest", { ...env("two"), CORPUS_DIR: corpus }, 90_000);
    expect(second.code, second.stderr).toBe(0);
    const secondBuild = /build:\s+(\S+) in/.exec(second.stdout)?.[1];
    expect(secondBuild).toBeDefined();
    expect(secondBuild).not.toBe(firstBuild);
    // Keep the load on until both servers serve the new build (each polls the pointer every 300 ms).
    const switched = async () => (await Promise.all(servers.map(buildOf))).every((b) => b === secondBuild);
    while (!(await switched())) await new Promise((resolve) => setTimeout(resolve, 200));
    const afterSwitch = outcomes.ok;
    while (outcomes.ok < afterSwitch + 6) await new Promise((resolve) => setTimeout(resolve, 50));
    stop = true;
    await Promise.all(workers);
    expect(outcomes.failed).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(0);
    console.log(`object store: ${outcomes.ok} answers across the publish, 0 failed; both servers on ${secondBuild}`);
    // The first build stays (readers may still be on it: builds younger than INDEX_KEEP_BUILDS_MINUTES are kept).
    expect((await location.listBuilds()).sort()).toEqual([firstBuild, secondBuild].sort());
  }, 240_000);
});

describe("an ingest on an object store killed half-way", () => {
  it("leaves the served build intact; its lease refuses the next ingest with one line until it expires; then an ingest completes and prunes what is old", async () => {
    const corpus = path.join(root, "corpus-killed");
    await makeCorpus(corpus, 0);
    const config = loadConfig({ ...env("killed", { INDEX_KEEP_BUILDS_MINUTES: "0" }), CORPUS_DIR: corpus });
    const before = await runIngest(config);
    const location = locateConfiguredIndex(config) as ObjectLocation;
    // A build some killed upload left without a manifest, long ago.
    await location.store.put("index/builds/20200101T000000-dead00/passages.lance/data/x.lance", "partial");

    await makeCorpus(corpus, 150);
    const ingest = startScript("ingest", { ...env("killed"), CORPUS_DIR: corpus });
    const half = await ingest.waitUntil(/ingest: embedded (\d+)\/(\d+)/g, (m) => Number(m[1]) * 2 >= Number(m[2]), 60_000);
    ingest.kill("SIGKILL");
    expect((await ingest.exited).signal).toBe("SIGKILL");
    expect(Number(half[1])).toBeLessThan(Number(half[2]));
    expect(await location.readCurrent()).toBe(before.manifest.buildId);
    expect(await location.verify(before.manifest.buildId)).toMatchObject({ ok: true });

    const server = await startServerProcess(env("killed"));
    try {
      expect(await buildOf(server)).toBe(before.manifest.buildId);
      expect((await chat(server.url, QUESTIONS[0])).status).toBe(200);
    } finally {
      server.kill();
      await server.exited;
    }

    // The dead ingest's lease (60 s, renewed every 20 s) is still held: the next ingest is refused in one line.
    const small = path.join(root, "corpus-killed-small");
    await makeCorpus(small, 0);
    const smallConfig = loadConfig({ ...env("killed", { INDEX_KEEP_BUILDS_MINUTES: "0" }), CORPUS_DIR: small });
    const refused = await runIngest(smallConfig).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(IndexLockedError);
    expect((refused as Error).message).toMatch(/^another ingest \(.+, pid \d+\) holds s3:\/\/idx\/killed\/index\/ingest\.lease until \S+; try again when it has finished/);
    expect(await location.readCurrent()).toBe(before.manifest.buildId);

    // Time passes (the lease rewritten as expired): the next ingest takes it over, publishes, and prunes the
    // old unfinished build.
    const lease = JSON.parse((await location.store.getText("index/ingest.lease"))!) as Record<string, unknown>;
    await location.store.put("index/ingest.lease", JSON.stringify({ ...lease, expiresAt: new Date(Date.now() - 1000).toISOString() }));
    const after = await runIngest(smallConfig);
    expect(after?.manifest.buildId).toBeDefined();
    expect(await location.readCurrent()).toBe(after!.manifest.buildId);
    const builds = await location.listBuilds();
    expect(builds).not.toContain("20200101T000000-dead00");
    expect(builds).toContain(before.manifest.buildId); // one of the two newest besides the served one
  }, 240_000);
});

describe("a wrong credential", () => {
  it("stops the server and the ingest with one line naming the URI and the variables to check", async () => {
    const corpus = path.join(root, "corpus-credential");
    await makeCorpus(corpus, 0);
    for (const script of ["serve", "ingest"] as const) {
      const { code, stdout, stderr } = await runScript(script, { ...env("credential", { AWS_ACCESS_KEY_ID: "NOT-A-KEY" }), CORPUS_DIR: corpus, PORT: "0" }, 60_000);
      expect(code).toBe(1);
      const lines = stderr.trim().split("\n").filter((l) => !l.startsWith("ingest: "));
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/refused the credentials for s3:\/\/idx\/credential \(403 InvalidAccessKeyId\); check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION/);
      expect(stderr).not.toMatch(STACK_LINE);
      expect(stdout).not.toMatch(/ready|Indexed/);
    }
  }, 120_000);
});
