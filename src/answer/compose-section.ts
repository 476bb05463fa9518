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
  const opening = sentencesOf(askedChars >= MIN_SECTION_CHARS ? asked : own)
    .filter((s) => s.text.length >= MIN_SENTENCE_CHARS)
    .slice(0, SECTION_OPENING_SENTENCES);
  if (opening.length === 0) return undefined;
  const m = MESSAGES[context.lang];
  const who = documentName(context, docId);
  const sentences: AnswerSentence[] = [new SentenceBuilder().say(m.sectionOpens(m.sectionName[section] ?? section, who)).done("frame")];
  for (const s of opening) {
    const b = new SentenceBuilder().quote(s.text).cite(context.citations.cite(s.passage, s.start, s.end));
    addGloss(b, context, s.text, s.passage);
    sentences.push(b.done());
  }
  return { sentences, abstained: false, studies: [], reason: "", bestSupport: 0 };
}
