/**
 * Every phrase the answer path writes itself, per language (like zod's locale files). Everything else in
 * an answer is quoted from the review.
 */
import type { Lang } from "../ingest/types.ts";

export interface AnswerMessages {
  frame: string;
  frameList: string;
  /** An English question answered from Indonesian text: the quotes stay in the review's language. */
  frameCrossLingual: string;
  notCovered: string;
  nearest: string;
  noPassages: string;
  llmFallback: (reason: string) => string;
  llmUnsupported: string;
}

export const MESSAGES: Record<Lang, AnswerMessages> = {
  id: {
    frame: "Menurut tinjauan ini:",
    frameList: "Menurut tinjauan ini:",
    frameCrossLingual: "Menurut tinjauan ini:",
    notCovered: "Tinjauan ini tidak membahas hal tersebut.",
    nearest: "Yang paling dekat yang dibahasnya:",
    noPassages: "Tinjauan ini tidak membahas hal tersebut, dan tidak ada bagian yang dekat dengan pertanyaan ini.",
    llmFallback: (reason) => `Model bahasa tidak dapat dipakai (${reason}); jawaban ini dikutip langsung dari tinjauan.`,
    llmUnsupported: "Beberapa kalimat jawaban model dihapus karena bagian yang dikutipnya tidak mendukungnya.",
  },
  en: {
    frame: "According to the review:",
    frameList: "According to the review:",
    frameCrossLingual: "According to the review (quoted in its original Indonesian):",
    notCovered: "The review does not cover this.",
    nearest: "The closest things it does cover:",
    noPassages: "The review does not cover this, and nothing in it comes close to the question.",
    llmFallback: (reason) => `The language model could not be used (${reason}); this answer is quoted directly from the review.`,
    llmUnsupported: "Some sentences of the model's answer were removed: the passages they cite do not support them.",
  },
};

/** Frames, so that checks can tell the assistant's own words from quotes. */
export const FRAME_PHRASES: string[] = Object.values(MESSAGES).flatMap((m) => [m.frame, m.frameList, m.frameCrossLingual, m.notCovered, m.nearest, m.noPassages]);
