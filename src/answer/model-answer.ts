/**
 * A model's streamed text becomes checked sentences: the text is cut into sentences as it arrives, each
 * finished sentence is checked against the passages it cites (claim-check.ts), and only sentences that pass
 * are let through. So no unsupported sentence is ever shown, not even while the answer streams.
 *
 * An answer that abstains ("The review does not cover this.") carries no claims: everything else the model
 * wrote is listed as unsupported, and sentences already let through are taken back (`reset`).
 */
import { contentStems } from "../text/analyze.ts";
import { splitSentences } from "../text/sentences.ts";
import { ANY_MARKER, checkClaim, normalizeForQuote, type ClaimVerdict } from "./claim-check.ts";
import { makeCitation, markersIn } from "./citations.ts";
import type { Citation } from "../domain/citation.ts";
import type { LlmComposeInput } from "./llm.ts";
import { MESSAGES } from "./messages.ts";
import type { AnswerSentence } from "./types.ts";
import type { LlmComposition } from "./llm.ts";

export interface ModelSentence {
  /** The sentence as written, with its citation markers (markers that opened the next sentence moved here). */
  raw: string;
  /** What separated it from the sentence before: "\n" when it starts a new line, else " ". */
  separator: string;
}

const LEADING_MARKERS = /^(?:\s*\[\d+(?:\s*,\s*\d+)*\])+/;

const DOUBLE_QUOTES = /["“”„‟«»]/g;

/**
 * A full stop inside a quotation does not end the sentence: join spans while a quotation is open (up to 1,000
 * characters; a quotation left open is an unterminated quote, which the claim check refuses).
 */
function joinOpenQuotes(text: string, spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    const open = last && ((text.slice(last.start, last.end).match(DOUBLE_QUOTES) ?? []).length % 2 === 1) && !text.slice(last.end, span.start).includes("\n");
    if (last && open && span.end - last.start <= 1000) last.end = span.end;
    else out.push({ ...span });
  }
  return out;
}

/**
 * Cuts streamed text into sentences. A sentence is given out once the next one has begun (so that markers
 * written after its full stop, "... 14%. [1] Next", still belong to it); the last one comes out at flush().
 */
export function sentenceSplitter(): { push(text: string): ModelSentence[]; flush(): ModelSentence[] } {
  let buffer = "";
  let started = false;
  const take = (final: boolean): ModelSentence[] => {
    const out: ModelSentence[] = [];
    const spans = joinOpenQuotes(buffer, splitSentences(buffer));
    let consumed = 0;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      const next = spans[i + 1];
      if (!next && !final) break;
      let raw = buffer.slice(span.start, span.end);
      let end = span.end;
      if (next) {
        const tail = buffer.slice(next.start, next.end);
        const markers = LEADING_MARKERS.exec(tail)?.[0] ?? "";
        // The next sentence holds only markers so far (or the start of one): more may follow; wait for real text.
        if (!final && i + 2 === spans.length && /^\s*(?:\[[\d,\s]*)?$/.test(tail.slice(markers.length))) break;
        if (markers) {
          raw = `${raw} ${markers.trim()}`;
          end = next.start + markers.length;
          spans[i + 1] = { start: end, end: next.end };
        }
      }
      const gap = buffer.slice(consumed, span.start);
      consumed = end;
      if (!raw.trim()) continue;
      out.push({ raw: raw.trim(), separator: !started ? "" : /\n/.test(gap) ? "\n" : " " });
      started = true;
    }
    buffer = buffer.slice(consumed);
    return out;
  };
  return {
    push(text: string) {
      buffer += text;
      return take(false);
    },
    flush() {
      const out = take(true);
      buffer = "";
      return out;
    },
  };
}

export interface CheckedSentence {
  sentence: ModelSentence;
  /** The sentence without markers, as listed in `unsupported` or `sentences`. */
  plain: string;
  citations: number[];
  verdict: ClaimVerdict;
}

/** What the stream lets through for one sentence: text to append, or `reset` (take back what was shown) then text. */
export interface GateOutput {
  text: string;
  reset?: boolean;
}

const ABSTENTIONS = new Set(Object.values(MESSAGES).map((m) => normalizeForQuote(m.notCovered).replace(/\.$/, "")));

function isAbstention(plain: string): boolean {
  return ABSTENTIONS.has(normalizeForQuote(plain).replace(/[.!]$/, ""));
}

/** The sentence of a passage that best matches the model's words (the citation's exact quote). */
function bestQuote(passageText: string, claim: string): { start: number; end: number } {
  const claimStems = new Set(contentStems(claim));
  let best = { start: 0, end: passageText.length, score: -1 };
  for (const span of splitSentences(passageText)) {
    const stems = contentStems(passageText.slice(span.start, span.end));
    const score = stems.filter((s) => claimStems.has(s)).length / Math.sqrt(stems.length + 1);
    if (score > best.score) best = { ...span, score };
  }
  return best;
}

/** What the model was told about passage n besides its text: "(results, p. 5, study 9)". */
export function passageLabel(input: Pick<LlmComposeInput, "hits">, n: number): string {
  const p = input.hits[n - 1].passage;
  return [p.section, p.page ? `p. ${p.page}` : "", p.studies.length ? `study ${p.studies.join(", ")}` : "review"].filter(Boolean).join(", ");
}

export type CheckedComposition = LlmComposition;

/** Checks sentences one by one against the passages of `input`; `result()` gives the checked answer. */
export function answerGate(input: LlmComposeInput, options: { minOverlap?: number } = {}) {
  const max = input.hits.length;
  const kept: CheckedSentence[] = [];
  const unsupported: string[] = [];
  let abstention: CheckedSentence | undefined;
  let shown = false;

  const check = (sentence: ModelSentence): CheckedSentence | undefined => {
    const plain = sentence.raw.replace(ANY_MARKER, "").replace(/\s+([.,;:!?])/g, "$1").replace(/\s+/g, " ").trim();
    if (!plain || /^[-–•*\d.)\s]*$/.test(plain)) return undefined;
    const citations = [...new Set(markersIn(sentence.raw))].filter((n) => n >= 1 && n <= max);
    const passages = citations.map((n) => input.hits[n - 1].passage);
    const verdict = checkClaim(
      {
        text: plain,
        cited: passages.length > 0 ? [...passages.map((p) => p.text), ...citations.map((n) => passageLabel(input, n))] : [],
        citedStudies: [...new Set(passages.flatMap((p) => p.studies))],
      },
      options,
    );
    return { sentence, plain, citations, verdict };
  };

  return {
    /** Check one finished sentence: what to show now, if anything. */
    accept(sentence: ModelSentence): GateOutput | undefined {
      const checked = check(sentence);
      if (!checked) return undefined;
      if (isAbstention(checked.plain)) {
        if (abstention) return undefined;
        // An abstaining answer carries no claims: whatever was shown before it is taken back.
        for (const k of kept) if (!k.verdict.frame) unsupported.push(k.plain);
        kept.length = 0;
        abstention = checked;
        const reset = shown;
        shown = true;
        return reset ? { text: checked.plain, reset: true } : { text: checked.plain };
      }
      if (abstention || !checked.verdict.supported) {
        unsupported.push(checked.plain);
        return undefined;
      }
      kept.push(checked);
      const text = `${shown ? checked.sentence.separator : ""}${checked.sentence.raw}`;
      shown = true;
      return { text };
    },
    /** Whether any sentence that makes a claim passed (frames alone are not an answer). */
    hasClaims(): boolean {
      return kept.some((k) => !k.verdict.frame);
    },
    result(): CheckedComposition {
      if (abstention) {
        return {
          answer: abstention.plain,
          citations: [],
          sentences: [],
          abstained: true,
          unsupported: [...unsupported],
        };
      }
      const claimsByPassage = new Map<number, string[]>();
      const sentences: AnswerSentence[] = [];
      let answer = "";
      for (const k of kept) {
        answer += `${answer ? k.sentence.separator : ""}${k.sentence.raw}`;
        sentences.push({ text: k.plain, citations: k.citations, kind: "composed" });
        for (const n of k.citations) claimsByPassage.set(n, [...(claimsByPassage.get(n) ?? []), k.plain]);
      }
      const citations: Citation[] = [...claimsByPassage.keys()].sort((a, b) => a - b).map((n) => {
        const passage = input.hits[n - 1].passage;
        const quote = bestQuote(passage.text, claimsByPassage.get(n)!.join(" "));
        return makeCitation(n, passage, quote.start, quote.end, input.book);
      });
      return { answer: answer.trim(), citations, sentences, abstained: false, unsupported: [...unsupported] };
    },
  };
}
