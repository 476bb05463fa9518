/**
 * "Apa isi pendahuluannya?", "Summarize the discussion section": a question that names a section and
 * nothing else to look for in it. Nothing in it can be weighed, so instead of abstaining the answer quotes
 * how the section opens, in document order, each sentence cited.
 */
import type { Passage } from "../domain/passage.ts";
import type { SectionId } from "../domain/sections.ts";
import type { ComposeContext, Composition } from "./compose-context.ts";
import { addGloss, documentName } from "./compose-context.ts";
import { sentencesOf } from "./evidence.ts";
import { MESSAGES } from "./messages.ts";
import { SentenceBuilder } from "./render.ts";
import type { AnswerSentence } from "./types.ts";

/** How many of the section's first sentences make its opening (a gist, not the whole section). */
export const SECTION_OPENING_SENTENCES = 3;
/** Shorter sentences are headings or labels ("Pendahuluan", "Keywords: ..."), not its opening. */
const MIN_SENTENCE_CHARS = 40;
/** The asker's language is preferred only where the section has at least this much text in it. */
const MIN_SECTION_CHARS = 200;
/** An abstract with labelled parts for at least this many of aim, method, result and conclusion is structured. */
const MIN_ABSTRACT_PARTS = 2;

/** A structured abstract's part labels, in either language ("Purpose:", "Metode:", "Simpulan:"). */
const PART_LABELS: [string, RegExp][] = [
  ["aim", /^\s*(?:purpose|aims?|objectives?|goals?|tujuan)\s*:/i],
  ["method", /^\s*(?:methods?|methodology|design|metode|metodologi|desain)\s*:/i],
  ["result", /^\s*(?:results?|findings?|hasil|temuan)\s*:/i],
  ["conclusion", /^\s*(?:conclusions?|simpulan|kesimpulan)\s*:/i],
];

/** The first sentence of each labelled part of an abstract, in its order. */
function abstractParts(sentences: ReturnType<typeof sentencesOf>): ReturnType<typeof sentencesOf> {
  const out: ReturnType<typeof sentencesOf> = [];
  for (const [, label] of PART_LABELS) {
    const first = sentences.find((s) => label.test(s.text));
    if (first) out.push(first);
  }
  return out.sort((a, b) => sentences.indexOf(a) - sentences.indexOf(b));
}

/**
 * The opening of `section` in the first document that has it, from `passages` (in document order).
 * Undefined when no prose passage of that section exists.
 */
export function composeSectionOpening(context: ComposeContext, section: SectionId, passages: Passage[]): Composition | undefined {
  const prose = passages.filter((p) => p.section === section && p.kind === "prose");
  const docId = prose[0]?.docId;
  if (!docId) return undefined;
  // A document with the section in both languages (an Indonesian and an English abstract) opens it in the asker's.
  const own = prose.filter((p) => p.docId === docId);
  // (A footnote the language detector read as the asker's language, "∗Equal contribution.", is no abstract.)
  const asked = own.filter((p) => p.lang === context.lang);
  const askedChars = asked.reduce((n, p) => n + p.text.length, 0);
  const all = sentencesOf(askedChars >= MIN_SECTION_CHARS ? asked : own).filter((s) => s.text.length >= MIN_SENTENCE_CHARS);
  // A structured abstract ("Purpose: ... Methods: ... Results: ... Conclusion: ...") is summed up by its parts:
  // how it opens, then the first sentence of each part, not its first three sentences of background.
  const parts = section === "abstract" ? abstractParts(all) : [];
  const opening = parts.length >= MIN_ABSTRACT_PARTS ? [all[0], ...parts.filter((s) => s !== all[0])] : all.slice(0, SECTION_OPENING_SENTENCES);
  if (opening.length === 0) return undefined;
  const m = MESSAGES[context.lang];
  const who = documentName(context, docId);
  const head = parts.length >= MIN_ABSTRACT_PARTS ? m.abstractParts(who) : m.sectionOpens(m.sectionName[section] ?? section, who);
  const sentences: AnswerSentence[] = [new SentenceBuilder().say(head).done("frame")];
  for (const s of opening) {
    const b = new SentenceBuilder().quote(s.text).cite(context.citations.cite(s.passage, s.start, s.end));
    addGloss(b, context, s.text, s.passage);
    sentences.push(b.done());
  }
  return { sentences, abstained: false, studies: [], reason: "", bestSupport: 0 };
}
