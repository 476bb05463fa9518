import { describe, expect, it } from "vitest";
import { createLocalEmbedder, embedText } from "../embed/local.ts";

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe("local embedder", () => {
  it("is deterministic, of the stated dimension, and unit length", async () => {
    const embedder = createLocalEmbedder(256);
    const [a, b] = (await embedder.embed(["Rumah Faye memiliki 7 tahapan", "Rumah Faye memiliki 7 tahapan"])).vectors;
    expect(embedder.dimension).toBe(256);
    expect(a.length).toBe(256);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(dot(a, a)).toBeCloseTo(1, 5);
    expect(embedder.id).toBe("local-hash-v2/256");
  });

  it("puts an English question nearer the Indonesian passage that answers it than an unrelated one", () => {
    const question = embedText("What happened after 12 months of survivor mentoring?", 512);
    const answer = embedText("Setelah 12 bulan menerima layanan pendamping penyintas, remaja cenderung tidak mengalami CSE.", 512);
    const unrelated = embedText("Pencarian artikel menggunakan beberapa data base meliputi Google Scholar.", 512);
    expect(dot(question, answer)).toBeGreaterThan(dot(question, unrelated) + 0.1);
  });

  it("copes with Indonesian affixes: different forms of one word meet", () => {
    const a = embedText("perlindungan anak korban perdagangan", 512);
    const b = embedText("melindungi anak-anak yang diperdagangkan", 512);
    const c = embedText("kriteria inklusi artikel scopus", 512);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.2);
  });
});
