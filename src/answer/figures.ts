/**
 * "By how many points did it drop from baseline to 12 months?", "turun berapa kasus dibanding 2019?": the
 * reader asks for a change that the source gives only as two figures. The change is worked out from the
 * quoted sentence, so the answer says it (and the quote still shows both figures):
 *   - the question names two points (numbers such as "6" and "12", or "2019" and "2020"; or a baseline word);
 *   - in the sentence, each point is followed by its figure, before the next point is named;
 *   - both figures have the same unit (both percentages, or both plain amounts);
 *   - earlier to later is read from the points (the baseline first, then the smaller number).
 * Anything less than that and nothing is computed: a wrong subtraction is worse than none.
 */
import { hasPhrase, questionTokens, questionWords } from "../retrieve/question-words.ts";

export interface Change {
  from: Figure;
  to: Figure;
  /** to - from, rounded to the figures' precision. */
  delta: number;
  percent: boolean;
}

interface Figure {
  value: number;
  percent: boolean;
  raw: string;
}

interface NumberToken {
  value: number;
  raw: string;
  percent: boolean;
  start: number;
  end: number;
  /** Part of a p-value or a confidence bound ("p<0,001"), never a figure of its own. */
  statistic: boolean;
}

/** A point of comparison the question names: a number ("6", "2019") or the baseline. */
type Point = { kind: "number"; value: number } | { kind: "baseline" };

const NUMBER = /(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)?)(\s?%)?/gu;
/** "p<0,001", "p = .03", "CI 95%": statistics, within this many characters after the letter. */
const STATISTIC_BEFORE = /\b(?:p|ci|sd|se)\s*[<>=≤≥]?\s*$/i;

function numbersIn(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[0];
    const value = Number(m[1]!.replace(",", "."));
    if (!Number.isFinite(value)) continue;
    const before = text.slice(Math.max(0, m.index! - 6), m.index!);
    out.push({ value, raw: raw.replace(/\s%$/, "%"), percent: Boolean(m[2]), start: m.index!, end: m.index! + raw.length, statistic: STATISTIC_BEFORE.test(before) });
  }
  return out;
}

/** Does the question ask for a change ("turun berapa", "by how many ... drop", "selisih")? */
export function asksForChange(question: string): boolean {
  const tokens = questionTokens(question);
  const w = questionWords();
  return hasPhrase(tokens, w.change_words) && (hasPhrase(tokens, w.count) || hasPhrase(tokens, w.difference_words));
}

/** A word that asks for a change or a difference ("dibanding", "selisih"): once the change is said, not a topic left unanswered. */
export function isChangeWord(word: string): boolean {
  const w = questionWords();
  const tokens = questionTokens(word);
  return hasPhrase(tokens, w.change_words) || hasPhrase(tokens, w.difference_words);
}

/** The two points the question compares, in its own order; undefined unless there are exactly two. */
export function pointsOf(question: string): Point[] | undefined {
  const points: Point[] = [];
  if (hasPhrase(questionTokens(question), questionWords().baseline_words)) points.push({ kind: "baseline" });
  for (const n of numbersIn(question)) {
    if (n.percent || points.some((p) => p.kind === "number" && p.value === n.value)) continue;
    points.push({ kind: "number", value: n.value });
  }
  return points.length === 2 ? points : undefined;
}

/** Where each point is named in the sentence (the first mention). */
function mentionOf(point: Point, sentence: string, numbers: NumberToken[]): number | undefined {
  if (point.kind === "number") return numbers.find((n) => !n.percent && n.value === point.value)?.end;
  const tokens = questionTokens(sentence);
  const words = questionWords().baseline_words;
  // The baseline word's position: the first token that is one (phrases of one word are enough here).
  const lower = sentence.toLowerCase();
  for (const word of words.filter((p) => !p.includes(" ") && tokens.includes(p))) {
    const at = new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, "u").exec(lower);
    if (at) return at.index + word.length;
  }
  return undefined;
}

/**
 * The change between the question's two points as the sentence gives them, or undefined.
 *
 * @example changeIn("dari bulan ke-6 ke bulan ke-12 turun berapa?", "pada 6 bulan menjadi 24% dan pada 12 bulan menjadi 14%")
 *   // { from: 24%, to: 14%, delta: -10, percent: true }
 */
export function changeIn(question: string, sentence: string): Change | undefined {
  if (!asksForChange(question)) return undefined;
  const points = pointsOf(question);
  if (!points) return undefined;
  const numbers = numbersIn(sentence);
  const mentions = points.map((p) => mentionOf(p, sentence, numbers));
  if (mentions.some((m) => m === undefined)) return undefined;
  const pointValues = new Set(points.flatMap((p) => (p.kind === "number" ? [p.value] : [])));
  const figures = mentions.map((at, i) => {
    const next = Math.min(...mentions.filter((m, j) => j !== i && m! > at!).map((m) => m!), sentence.length);
    return numbers.find((n) => n.start >= at! && n.end <= next && !n.statistic && !(pointValues.has(n.value) && !n.percent));
  });
  if (figures.some((f) => f === undefined) || figures[0] === figures[1]) return undefined;
  const [a, b] = figures as NumberToken[];
  if (a.percent !== b.percent) return undefined;
  // Earlier to later: the baseline first, else the smaller of the two numbers named.
  const order = (p: Point) => (p.kind === "baseline" ? -Infinity : p.value);
  const [from, to] = order(points[0]!) <= order(points[1]!) ? [a, b] : [b, a];
  const decimals = Math.max(decimalsOf(from.raw), decimalsOf(to.raw));
  const delta = Number((to.value - from.value).toFixed(decimals));
  return { from: toFigure(from), to: toFigure(to), delta, percent: a.percent };
}

function decimalsOf(raw: string): number {
  return /[.,](\d+)/.exec(raw)?.[1]?.length ?? 0;
}

function toFigure(n: NumberToken): Figure {
  return { value: n.value, percent: n.percent, raw: n.raw };
}
