/**
 * Prose chunking: paragraphs -> sentences -> passages. Never cuts a sentence. A passage closes
 *  - before it would pass `maxChars` (a sentence longer than that is a passage of its own),
 *  - at a paragraph end once it holds at least a third of `maxChars`,
 *  - where the text moves from one study to another (so a passage, and a citation of it, is about
 *    one study when the review's prose allows),
 *  - where a sentence starts on a new page (so a passage's page is the page of every sentence in it),
 *  - between a footnote or caption and the text around it (a copyright line never opens a paragraph's passage).
 * Sentences that name no study stay with the passage they continue, except after an in-text citation,
 * whose study covers only the sentence it closes.
 */
export interface SentenceUnit {
  text: string;
  studies: number[];
  page: number | null;
  /** The sentence starts a paragraph. */
  paragraphStart: boolean;
  /** The sentence ends with an in-text citation, "(Nawar et al., 2021)." : the cited study's scope ends. */
  endsWithCitation?: boolean;
  /** The sentence is a footnote's or a caption's (a PDF's small print set apart from the text). */
  aside?: "footnote" | "caption";
}

export interface Chunk {
  sentences: SentenceUnit[];
  studies: number[];
  page: number | null;
}

export interface ChunkOptions {
  maxChars: number;
}

const sameStudies = (a: number[], b: number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

export function chunkSentences(units: SentenceUnit[], { maxChars }: ChunkOptions): Chunk[] {
  const chunks: Chunk[] = [];
  let current: SentenceUnit[] = [];
  let length = 0;
  let studies: number[] = [];
  const close = () => {
    if (current.length === 0) return;
    const all = [...new Set(current.flatMap((u) => u.studies))].sort((a, b) => a - b);
    chunks.push({ sentences: current, studies: all, page: current[0].page });
    current = [];
    length = 0;
    studies = [];
  };
  for (const unit of units) {
    const size = unit.text.length + 1;
    const tooLong = length > 0 && length + size > maxChars;
    const paragraphBreak = unit.paragraphStart && length >= maxChars / 3;
    const newStudy = unit.studies.length > 0 && length > 0 && !sameStudies(unit.studies, studies) && (studies.length > 0 || length >= maxChars / 4);
    const citationEnded = unit.studies.length === 0 && studies.length > 0 && current.at(-1)?.endsWithCitation === true;
    const newPage = length > 0 && unit.page !== current[0].page;
    const asideChange = length > 0 && unit.aside !== current[0].aside;
    if (tooLong || paragraphBreak || newStudy || citationEnded || newPage || asideChange) close();
    current.push(unit);
    length += size;
    if (unit.studies.length > 0 && studies.length === 0) studies = unit.studies;
  }
  close();
  return chunks;
}
