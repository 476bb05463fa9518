/**
 * A deterministic synthetic corpus shaped like the review, for scale tests: N documents with its sections
 * (ABSTRAK, ABSTRACT, Pendahuluan, Metode Penelitian, a results table, Pembahasan, Simpulan), prose in
 * Indonesian and English recombined from the review's own sentences and vocabulary, wrapped into short
 * lines with blank lines between them as the PDF extraction does, and planted facts with invented program
 * names that questions can ask about (the retrieval check at scale).
 */
import { mkdir, writeFile, copyFile } from "node:fs/promises";
import path from "node:path";
import { splitSentences } from "../text/sentences.ts";

export interface PlantedFact {
  docId: string;
  /** The invented program name only this fact uses. */
  name: string;
  lang: "id" | "en";
  question: string;
  /** A phrase the answering passage contains. */
  expect: string;
}

export interface SyntheticCorpus {
  dir: string;
  documents: number;
  facts: PlantedFact[];
  bytes: number;
}

/** Mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ka", "ri", "su", "ma", "lo", "te", "na", "bu", "si", "ra", "wa", "de", "go", "pi", "ya", "ku", "le", "mo", "ta", "ne", "ju", "ha"];

function inventName(next: () => number, used: Set<string>): string {
  for (;;) {
    const n = 3 + Math.floor(next() * 2);
    let name = "";
    for (let i = 0; i < n; i++) name += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    name = name[0].toUpperCase() + name.slice(1);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Wrap prose into short lines separated by blank lines, like the review's extracted text. */
function wrap(text: string, width = 40): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line + " ");
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line + " ");
  return lines.join("\n\n");
}

export interface GenerateOptions {
  dir: string;
  documents: number;
  /** Prose paragraphs per document (about 1.5 passages each). */
  paragraphs?: number;
  seed?: number;
  /** The review's cleaned text, the source of sentences and vocabulary. */
  sourceText: string;
}

export async function generateCorpus(options: GenerateOptions): Promise<SyntheticCorpus> {
  const next = random(options.seed ?? 42);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const sentences = splitSentences(options.sourceText)
    .map((s) => options.sourceText.slice(s.start, s.end).replace(/\s+/g, " "))
    .filter((s) => s.length > 60 && s.length < 400 && !s.includes(":"));
  const english = sentences.filter((s) => /\b(the|of|and|children)\b/.test(s));
  const indonesian = sentences.filter((s) => !english.includes(s));
  const words = [...new Set(options.sourceText.match(/\p{L}{5,}/gu) ?? [])];
  const used = new Set<string>();
  const facts: PlantedFact[] = [];
  let bytes = 0;
  await mkdir(options.dir, { recursive: true });

  // A sentence of the review with a few content words swapped for other words of the review.
  const variant = (base: string) =>
    base.replace(/\p{L}{6,}/gu, (w) => (next() < 0.25 ? pick(words).toLowerCase() : w));
  const paragraph = (pool: string[]) => Array.from({ length: 3 + Math.floor(next() * 3) }, () => variant(pick(pool))).join(" ");

  const paragraphs = options.paragraphs ?? 45;
  for (let d = 0; d < options.documents; d++) {
    const docId = `synthetic-${String(d + 1).padStart(4, "0")}.txt`;
    const nameId = inventName(next, used);
    const nameEn = inventName(next, used);
    const place = inventName(next, used);
    const before = 40 + Math.floor(next() * 40);
    const after = 5 + Math.floor(next() * 20);
    const months = 3 + Math.floor(next() * 18);
    const factId = `Program ${nameId} di Kabupaten ${place} menurunkan angka eksploitasi anak dari ${before}% menjadi ${after}% setelah ${months} bulan pendampingan.`;
    const factEn = `The ${nameEn} mentoring program reached ${100 + Math.floor(next() * 900)} adolescent survivors and reduced re-exploitation to ${after}% after ${months} months.`;
    facts.push(
      { docId, name: nameId, lang: "id", question: `Berapa angka eksploitasi anak setelah program ${nameId}?`, expect: nameId },
      { docId, name: nameEn, lang: "en", question: `What did the ${nameEn} mentoring program achieve for survivors?`, expect: nameEn },
    );
    const body: string[] = [];
    const prose = (count: number) => Array.from({ length: count }, () => wrap(paragraph(indonesian))).join("\n\n");
    body.push(" ABSTRAK \n\n" + wrap(paragraph(indonesian)));
    body.push("ABSTRACT \n\n" + wrap(paragraph(english.length > 0 ? english : indonesian)));
    body.push(" Pendahuluan \n\n" + prose(Math.floor(paragraphs * 0.3)));
    body.push("Metode Penelitian \n\n" + prose(Math.floor(paragraphs * 0.1)));
    const rows = Array.from({ length: 3 }, (_, i) => `${i + 1}. ${variant(pick(indonesian)).slice(0, 60)} \n\n${wrap(variant(pick(indonesian)))}`);
    body.push(" No. Judul Artikel Hasil \n\n" + rows.join("\n\n"));
    const discussion = Array.from({ length: Math.floor(paragraphs * 0.5) }, () => paragraph(indonesian));
    discussion.splice(Math.floor(next() * discussion.length), 0, `${variant(pick(indonesian))} ${factId}`);
    discussion.splice(Math.floor(next() * discussion.length), 0, `${factEn} ${variant(pick(english.length > 0 ? english : indonesian))}`);
    body.push(" Pembahasan  \n\n" + discussion.map((p) => wrap(p)).join("  \n\n"));
    body.push("Simpulan \n\n" + prose(Math.max(1, Math.floor(paragraphs * 0.1))));
    const text = body.join("\n\n");
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(options.dir, docId), text);
  }
  return { dir: options.dir, documents: options.documents, facts, bytes };
}
