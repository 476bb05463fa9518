/** How answers name a document: "the review" only for the one review in scope. */
import { describe, expect, it } from "vitest";
import type { DocumentInfo } from "../domain/document.ts";
import { documentName, type ComposeContext } from "./compose-context.ts";

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
