/** How answers name a document ("the review" only for the one review in scope), and gloss a quote. */
import { describe, expect, it } from "vitest";
import type { DocumentInfo } from "../domain/document.ts";
import type { TermStats } from "../store/layout.ts";
import { addGloss, documentName, type ComposeContext } from "./compose-context.ts";
import { SentenceBuilder } from "./render.ts";
import { analyzeQuestion } from "../retrieve/question.ts";

const doc = (id: string, kind: DocumentInfo["kind"], short: string) => ({ id, kind, short }) as DocumentInfo;
const context = (lang: "en" | "id", documents: DocumentInfo[]) => ({ lang, documents }) as unknown as ComposeContext;
const review = doc("review.txt", "review", "Buletin Kesehatan (2022)");
const paper = doc("pasa.pdf", "paper", "He et al. (2025)");

describe("documentName", () => {
  it("calls the only document in scope 'the review' when it is one, in the asker's language", () => {
    expect(documentName(context("en", [review]), "review.txt")).toBe("the review");
    expect(documentName(context("id", [review]), "review.txt")).toBe("tinjauan ini");
  });
  it("names a paper by its short form, even alone in scope, and every document when several are", () => {
    expect(documentName(context("en", [paper]), "pasa.pdf")).toBe("He et al. (2025)");
    expect(documentName(context("en", [review, paper]), "review.txt")).toBe("Buletin Kesehatan (2022)");
  });
});

describe("addGloss", () => {
  const quote = "Kebutuhan kesehatan mental korban anak dalam program aftercare residensial.";
  const question = (text: string) => analyzeQuestion(text, { documents: [], studies: [] });
  const gloss = (termStats: TermStats, quoted = quote, asked = "What is it?") =>
    addGloss(new SentenceBuilder(), { lang: "en", termStats, question: question(asked) } as unknown as ComposeContext, quoted, { lang: "id", docId: "review.txt" }).done().text;

  it("leaves out a concept common in the quote's own document, however rare across the index", () => {
    // "korban" (victim) is in half the review's passages; an English paper of 900 passages makes it rare overall.
    const review = { documents: 100, df: { korban: 50 } };
    const index: TermStats = { documents: 1000, df: { korban: 50 }, byDoc: { "review.txt": review } };
    expect(gloss(index)).not.toMatch(/victim/);
    expect(gloss(index)).toMatch(/mental health/);
    expect(gloss({ documents: 1000, df: { korban: 50 } })).toMatch(/victim/);
  });

  it("glosses a phrase as common as its rarest word: 'kerja sama' though 'kerja' and 'sama' are everywhere apart", () => {
    const stats = { documents: 100, df: { kerja: 50, sama: 10, perintah: 10 } };
    expect(gloss(stats, "Adanya kerja sama antara lembaga dengan pemerintah.")).toMatch(/cooperation/);
  });

  it("gives the room of a concept the reader asked about to one they did not, when the quote has more than a gloss holds", () => {
    const long = "Rehabilitasi fisik, bimbingan mental, pelatihan keterampilan, pendidikan, kesehatan mental, pemberdayaan, reintegrasi, advokasi, konseling, perlindungan, pencegahan, penegakan hukum, dan repatriasi korban.";
    const stats = { documents: 100, df: {} };
    const plain = gloss(stats, long);
    const asked = gloss(stats, long, "What about counseling and advocacy?");
    expect(plain).toMatch(/counseling/);
    expect(asked).not.toMatch(/counseling/);
    expect(asked.split(",").length).toBe(plain.split(",").length);
  });
});

