/**
 * The rest of a bulleted list a quote opens ("We compare PaSa-7b against the following baselines: • Google."),
 * read from its passage and the passages after it, and said after the quote.
 */
import type { Passage } from "../domain/passage.ts";
import type { ComposeContext } from "./compose-context.ts";
import type { ScoredSentence } from "./evidence.ts";
import { MESSAGES } from "./messages.ts";
import { SentenceBuilder } from "./render.ts";
import type { AnswerSentence } from "./types.ts";

/** The marks that open a list item. */
const BULLETS = "•▪●◦‣∙";
/** A sentence that opens a bulleted list: a colon, then a bullet (or a dash) or nothing ("... the following baselines: • Google."). */
const OPENS_LIST = new RegExp(`:\\s*(?:[${BULLETS}-]\\s|$)`, "u");
const BULLET = new RegExp(`[${BULLETS}]`, "gu");
const STARTS_WITH_BULLET = new RegExp(`^\\s*[${BULLETS}]`, "u");
const HAS_BULLET = new RegExp(`[${BULLETS}]`, "u");
/** An item's head: what follows its bullet up to a full stop, a colon or the next bullet, in a few words. */
const ITEM_HEAD = new RegExp(`^\\s*([^.:;${BULLETS}]{1,80}?)\\s*(?=[.:;${BULLETS}]|$)`, "u");
const ITEM_MAX_WORDS = 8;
/** An item of a list of statements ("• We validate our tracing techniques ..."): up to its full stop, in at most this many characters. */
const STATEMENT = new RegExp(`^\\s*([^${BULLETS}]{1,300}?[.!?])(?=\\s|$)`, "u");
/** At most this many items are said after the quote (a list that long is a table's work). */
const LIST_MAX_ITEMS = 12;
/** A list is followed into at most this many passages after the quote's own... */
const LIST_MAX_PASSAGES = 2;
/** ... passing over at most this many captions, footnotes or short remainders that a page break put inside it. */
const MAX_PASSED_OVER = 3;
/** What a page break puts inside a list: a caption, or the short rest of an item set apart ("Prompt GPT-o1 to process the query."). */
const CAPTION = /^\s*(?:table|figure|fig\.|tabel|gambar)\s*\d/i;
const INTERRUPTION_MAX_CHARS = 160;

interface ListItem {
  passage: Passage;
  start: number;
  end: number;
}

/**
 * The rest of the bulleted list a quote opens: the heads of the items after it in its passage ("• Google
 * Scholar. Queries are submitted ...") and in the passages after it, while they go on with bullets.
 */
export function listItemsAfter(s: Pick<ScoredSentence, "passage" | "end" | "text">, following: (p: Passage) => Passage | undefined): ListItem[] {
  if (!OPENS_LIST.test(s.text)) return [];
  // The quote's own items say what kind of list it is: names ("• Google.") or statements ("• We explain an
  // algorithm for ..."). A list of names takes the next names; a list of statements, the next statements.
  const own = [...s.text.matchAll(BULLET)].map((m) => ITEM_HEAD.exec(s.text.slice((m.index ?? 0) + m[0].length))?.[1]);
  const statements = own.length > 0 && own.every((head) => !head || head.trim().split(/\s+/).length > ITEM_MAX_WORDS);
  const items: ListItem[] = [];
  let passage: Passage | undefined = s.passage;
  let from = s.end;
  let passedOver = 0;
  for (let hop = 0; passage && hop <= LIST_MAX_PASSAGES && items.length < LIST_MAX_ITEMS; hop++) {
    const text = passage.text;
    // A passage after the quote's carries the list on only if it opens with an item; a caption, a footnote or
    // the short rest of an item that a page break set apart is passed over (a few of them).
    if (hop > 0 && !STARTS_WITH_BULLET.test(text)) {
      const interruption = passage.kind === "footnote" || CAPTION.test(text) || (text.length <= INTERRUPTION_MAX_CHARS && !HAS_BULLET.test(text));
      if (!interruption || ++passedOver > MAX_PASSED_OVER) break;
      passage = following(passage);
      hop--;
      continue;
    }
    for (const m of text.slice(from).matchAll(BULLET)) {
      const at = from + (m.index ?? 0) + m[0].length;
      const head = (statements ? STATEMENT : ITEM_HEAD).exec(text.slice(at));
      if (!head || (!statements && head[1].trim().split(/\s+/).length > ITEM_MAX_WORDS)) continue;
      const start = at + head[0].indexOf(head[1]);
      items.push({ passage, start, end: start + head[1].length });
      if (items.length >= LIST_MAX_ITEMS) break;
    }
    passage = following(passage);
    from = 0;
  }
  return items;
}

/** "The list goes on: «Google Scholar», «ChatGPT» [2]": the items, cited to the span of each passage's items. */
export function listSentence(context: ComposeContext, items: ListItem[]): AnswerSentence {
  const b = new SentenceBuilder().say(`${MESSAGES[context.lang].listGoesOn} `);
  const groups = new Map<Passage, ListItem[]>();
  for (const item of items) {
    const group = groups.get(item.passage);
    if (group) group.push(item);
    else groups.set(item.passage, [item]);
  }
  let first = true;
  for (const [passage, group] of groups) {
    for (const item of group) {
      if (!first) b.say(", ");
      first = false;
      b.quote(passage.text.slice(item.start, item.end));
    }
    b.cite(context.citations.cite(passage, group[0].start, group.at(-1)!.end));
  }
  return b.done();
}
