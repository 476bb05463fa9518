/**
 * Enumerations inside a sentence: "Aktivitas non-vokasional ... seperti: Konseling individual, Psikoedukasi,
 * Keterampilan sosial, Keterampilan hidup, Olahraga dan seni, spiritual." A word that stands only as one item of
 * such a list is named, not explained: the sentence answers "which activities are there?", not "what do the
 * life-skills sessions involve?". The sentence that opens with the item and goes on about it ("Keterampilan
 * hidup, seperti kegiatan praktis harian, kebersihan diri, merias diri.") does.
 */

/** A list item is a short phrase: a name or a noun with a word or two. */
export const ITEM_MAX_WORDS = 4;
/** Fewer items than this are a phrase with commas, not a list. */
export const MIN_ITEMS = 4;

/** "dan", "and", "serta" before the last item are not part of it. */
const JOINER = /^(?:dan|serta|atau|and|or|as well as)\s+/iu;

interface Span {
  start: number;
  end: number;
}

/**
 * The items of the enumerations in a sentence, as spans of `text`: runs of at least MIN_ITEMS short phrases
 * separated by commas, semicolons or colons. The first phrase of a run that opens the sentence is its
 * subject ("Keterampilan hidup, seperti ..."), not an item of a list.
 */
export function enumerationItems(text: string): Span[] {
  const segments: (Span & { words: number })[] = [];
  const separator = /[,;:]\s*/g;
  let from = 0;
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim().replace(/[.!?]+$/u, "");
    const joiner = body.match(JOINER)?.[0].length ?? 0;
    const words = body.slice(joiner).split(/\s+/).filter(Boolean).length;
    segments.push({ start: start + lead + joiner, end: start + lead + body.length, words });
  };
  for (const m of text.matchAll(separator)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  const items: Span[] = [];
  let run: typeof segments = [];
  const close = () => {
    if (run.length >= MIN_ITEMS) items.push(...(run[0].start === segments[0].start ? run.slice(1) : run));
    run = [];
  };
  for (const s of segments) {
    if (s.words > 0 && s.words <= ITEM_MAX_WORDS) run.push(s);
    else close();
  }
  close();
  return items.filter((s) => s.end > s.start);
}

/** The sentence with its enumeration items blanked out: what it says besides naming them. */
export function withoutItems(text: string, items: Span[]): string {
  let out = "";
  let from = 0;
  for (const s of items) {
    out += text.slice(from, s.start) + " ";
    from = s.end;
  }
  return out + text.slice(from);
}
