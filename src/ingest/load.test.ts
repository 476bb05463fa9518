import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCorpusFiles, loadDocument } from "../ingest/load.ts";
import { IngestError } from "../domain/errors.ts";
import { makePdf } from "../../test/helpers/pdf.ts";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "load-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("loading", () => {
  it("reads a multi-page PDF page by page, keeping page numbers", async () => {
    const file = path.join(dir, "three.pdf");
    await writeFile(file, await makePdf([["Halaman pertama tentang MLMC."], ["Halaman kedua: Rumah Faye."], ["Third page about Arpan."]]));
    const doc = await loadDocument(file, dir);
    expect(doc.format).toBe("pdf");
    expect(doc.id).toBe("three.pdf");
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(doc.pages[1].text).toContain("Rumah Faye");
  });

  it.each([
    ["corrupt.pdf", "%PDF-1.4 this is not really a pdf", /not a readable PDF/],
    ["empty.txt", "", /file is empty/],
    ["notes.docx", "PK...", /unsupported file type "\.docx"/],
  ])("refuses %s with a one-line error naming the file", async (name, content, message) => {
    const file = path.join(dir, name);
    await writeFile(file, content);
    const error = await loadDocument(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).not.toContain("\n");
  });

  it("refuses a missing path", async () => {
    await expect(loadDocument(path.join(dir, "nope.txt"))).rejects.toThrow(/nope\.txt: file not found/);
    await expect(listCorpusFiles(dir, [path.join(dir, "missing-folder")])).rejects.toThrow(/path not found/);
  });

  it("lists only documents in the corpus folder, sorted", async () => {
    const sub = await mkdtemp(path.join(dir, "corpus-"));
    await writeFile(path.join(sub, "b.md"), "# B");
    await writeFile(path.join(sub, "a.txt"), "A");
    await writeFile(path.join(sub, "studies.json"), "[]");
    expect((await listCorpusFiles(sub)).map((f) => path.basename(f))).toEqual(["a.txt", "b.md"]);
  });
});
