import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makePdf } from "../../test/helpers/pdf.ts";
import { loadDocument } from "./load.ts";
import { clearReadMemory, pruneReadCache } from "./read-cache.ts";

let dir: string;
let cacheDir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "read-cache-"));
  cacheDir = path.join(dir, "cache");
  file = path.join(dir, "two.pdf");
  await writeFile(file, await makePdf([["Halaman pertama tentang MLMC."], ["Second page about Arpan."]]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(async () => {
  clearReadMemory();
  await rm(cacheDir, { recursive: true, force: true });
});

const cached = async () => (await readdir(cacheDir).catch(() => [] as string[])).filter((f) => f.endsWith(".json"));

describe("reads of PDFs kept by content", () => {
  it("keeps a read in a second folder that lacks it, though this process still holds it in memory", async () => {
    await loadDocument(file, dir, { cacheDir });
    const other = path.join(dir, "other-cache");
    await rm(other, { recursive: true, force: true });
    await loadDocument(file, dir, { cacheDir: other });
    expect((await readdir(other)).filter((f) => f.endsWith(".json"))).toHaveLength(1);
  });

  it("keeps a PDF's read in the folder and gives the same document from it", async () => {
    const fresh = await loadDocument(file, dir, { cacheDir });
    expect(await cached()).toHaveLength(1);
    clearReadMemory();
    const again = await loadDocument(file, dir, { cacheDir });
    expect(again).toEqual(fresh);
  });

  it("serves the kept read instead of parsing again, from the folder and from memory", async () => {
    await loadDocument(file, dir, { cacheDir });
    const [name] = await cached();
    const kept = JSON.parse(await readFile(path.join(cacheDir, name), "utf8"));
    kept.pages[1].text = "Read from the cache.";
    await writeFile(path.join(cacheDir, name), JSON.stringify(kept));
    clearReadMemory();
    expect((await loadDocument(file, dir, { cacheDir })).pages[1].text).toBe("Read from the cache.");
    // Now in memory too: the folder is not read again.
    await rm(path.join(cacheDir, name));
    expect((await loadDocument(file, dir, { cacheDir })).pages[1].text).toBe("Read from the cache.");
  });

  it("hands each caller its own copy", async () => {
    const first = await loadDocument(file, dir);
    first.pages[0].text = "changed by the pipeline";
    expect((await loadDocument(file, dir)).pages[0].text).toContain("Halaman pertama");
  });

  it("reads the file again when the kept read is unreadable, and a changed file is a new read", async () => {
    await loadDocument(file, dir, { cacheDir });
    const [name] = await cached();
    await writeFile(path.join(cacheDir, name), "{ not json");
    clearReadMemory();
    expect((await loadDocument(file, dir, { cacheDir })).pages[0].text).toContain("Halaman pertama");

    const changed = path.join(dir, "changed.pdf");
    await writeFile(changed, await makePdf([["Halaman pertama tentang MLMC."], ["A different second page."]]));
    expect((await loadDocument(changed, dir, { cacheDir })).pages[1].text).toContain("different second page");
    await rm(changed);
  });

  it("prunes the reads not used since a given time", async () => {
    await loadDocument(file, dir, { cacheDir });
    const [name] = await cached();
    const old = new Date(Date.now() - 60_000);
    await writeFile(path.join(cacheDir, "stale.json"), "{}");
    await utimes(path.join(cacheDir, "stale.json"), old, old);
    await pruneReadCache(cacheDir, Date.now() - 1_000);
    expect(await cached()).toEqual([name]);
  });

  it("keeps a read used in the very millisecond the ingest started (its time reads back a hair earlier)", async () => {
    const kept = path.join(cacheDir, "used-at-start.json");
    await mkdir(cacheDir, { recursive: true });
    await writeFile(kept, "{}");
    for (let i = 0; i < 200; i++) {
      const since = Date.now() + i;
      await utimes(kept, new Date(since), new Date(since));
      await pruneReadCache(cacheDir, since);
      expect(await cached(), `touched at ${since}`).toContain("used-at-start.json");
    }
    await rm(kept);
  });
});
