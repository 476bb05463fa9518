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
/** An item's head: what follows its bullet up to a full stop, a colon or the next bullet, in a few words. */
const ITEM_HEAD = new RegExp(`^\\s*([^.:;${BULLETS}]{1,80}?)\\s*(?=[.:;${BULLETS}]|$)`, "u");
const ITEM_MAX_WORDS = 8;
/** At most this many items are said after the quote (a list that long is a table's work). */
const LIST_MAX_ITEMS = 12;
/** A list is followed into at most this many passages after the quote's own. */
const LIST_MAX_PASSAGES = 2;

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
  const items: ListItem[] = [];
  let passage: Passage | undefined = s.passage;
  let from = s.end;
  for (let hop = 0; passage && hop <= LIST_MAX_PASSAGES && items.length < LIST_MAX_ITEMS; hop++) {
    const text = passage.text;
    // A passage after the quote's carries the list on only if it opens with an item.
    if (hop > 0 && !STARTS_WITH_BULLET.test(text)) break;
    for (const m of text.slice(from).matchAll(BULLET)) {
      const at = from + (m.index ?? 0) + m[0].length;
      const head = ITEM_HEAD.exec(text.slice(at));
      if (!head || head[1].trim().split(/\s+/).length > ITEM_MAX_WORDS) continue;
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
