/**
 * Loanwords spelled the English and the Indonesian way: "coordination" ~ "koordinasi", "query" ~ "kueri",
 * "psychoeducation" ~ "psikoedukasi". Their skeletons (the spelling differences made alike) match.
 */
import { foldCase } from "./tokenize.ts";

/** The word with the spellings English and Indonesian write differently made alike (ph/f, th/t, ch/k, soft c/s, c/q/k, x/ks, y/i, doubled letters). */
export function loanwordSkeleton(word: string): string {
  return foldCase(word)
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/ch/g, "k")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/[cq]/g, "k")
    .replace(/x/g, "ks")
    .replace(/y/g, "i")
    .replace(/(.)\1+/g, "$1");
}

/** Stems shorter than this are not matched as loanwords: short stems of the two languages meet by chance. */
const MIN_COGNATE_STEM = 5;
/**
 * Two skeletons of a loanword's stems match whole, or the longer is the shorter (at least this long) with an
 * ending Indonesian gives loanwords: "kompil" + "asi" (compilation), "rekurs" + "i" (recursion), "sistemat" +
 * "is" (systematic), "akadem" + "ik" (academic). Not any longer word: "systemat" is no "sistem" + "at".
 */
const MIN_COGNATE_PREFIX = 6;
const LOANWORD_ENDINGS = new Set(["a", "i", "si", "asi", "isasi", "is", "ik", "al", "ial", "if"]);

/**
 * The terms, and for each one the vocabulary does not have, the loanwords it spells the other language's way
 * ("kueri" -> "queri" of an English paper).
 */
export function withCognates(terms: readonly string[], vocabulary: Record<string, number>): string[] {
  return terms.flatMap((t) => ((vocabulary[t] ?? 0) > 0 ? [t] : [t, ...cognatesIn(t, vocabulary)]));
}

const indexes = new WeakMap<object, Map<string, string[]>>();

/**
 * The terms of a vocabulary (an index's document frequencies) that are the same loanword as `term`, e.g. the
 * English stem "queri" for the Indonesian "kueri". [] for a short term or one with digits.
 *
 * @example cognatesIn("kueri", { queri: 3, quest: 1 }) // ["queri"]
 */
export function cognatesIn(term: string, vocabulary: Record<string, number>): string[] {
  if (term.length < MIN_COGNATE_STEM || /\d/.test(term)) return [];
  let index = indexes.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const t of Object.keys(vocabulary)) {
      if (t.length < MIN_COGNATE_STEM || /\d/.test(t) || !/^\p{L}+$/u.test(t)) continue;
      const key = loanwordSkeleton(t).slice(0, MIN_COGNATE_STEM);
      const bucket = index.get(key);
      if (bucket) bucket.push(t);
      else index.set(key, [t]);
    }
    indexes.set(vocabulary, index);
  }
  const own = loanwordSkeleton(term);
  return (index.get(own.slice(0, MIN_COGNATE_STEM)) ?? []).filter((t) => {
    if (t === term) return false;
    const other = loanwordSkeleton(t);
    const [shorter, longer] = own.length <= other.length ? [own, other] : [other, own];
    return shorter === longer || (shorter.length >= MIN_COGNATE_PREFIX && longer.startsWith(shorter) && LOANWORD_ENDINGS.has(longer.slice(shorter.length)));
  });
}
