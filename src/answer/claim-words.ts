/**
 * What the claim checker (claim-check.ts) knows about words: number words, words that make a claim strong,
 * words that only attribute it, and how English and Indonesian spell a shared loanword. Kept as data, in
 * both languages.
 */
import { contentStems } from "../text/analyze.ts";
import { loanwordSkeleton } from "../text/cognate.ts";

/** Number words of both languages, as digits (not "one"/"satu": "one of the programs" is not a count). */
export const NUMBER_WORDS: Record<string, string> = {
  two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  eleven: "11", twelve: "12", twenty: "20", hundred: "100",
  dua: "2", tiga: "3", empat: "4", lima: "5", enam: "6", tujuh: "7", delapan: "8", sembilan: "9", sepuluh: "10",
  sebelas: "11", seratus: "100",
};

/**
 * Words that make a claim strong (absolute, evaluative, final): "all", "best", "cured", "berhasil",
 * "dihapuskan". Invented claims lean on them ("the program cured every victim"); a sentence may use one only
 * when the cited text uses it or a word of the same group (English and Indonesian together).
 */
export const STRONG_WORD_GROUPS: string[][] = [
  ["all", "every", "each", "everyone", "everything", "entire", "whole", "semua", "semuanya", "seluruh", "seluruhnya", "setiap", "segala", "segenap"],
  ["always", "never", "forever", "selalu", "senantiasa", "pernah", "selamanya"],
  ["completely", "fully", "entirely", "totally", "sepenuhnya", "total", "tuntas", "sempurna"],
  ["best", "worst", "most", "least", "greatest", "largest", "highest", "lowest", "paling", "terbaik", "terburuk", "terbesar", "terkecil", "tertinggi", "terendah", "terbanyak"],
  ["most", "majority", "mostly", "mayoritas", "kebanyakan", "sebagian besar"],
  ["only", "sole", "solely", "hanya", "satu-satunya"],
  ["success", "successful", "successfully", "succeeded", "succeed", "berhasil", "keberhasilan", "sukses"],
  ["fail", "failed", "fails", "failure", "gagal", "kegagalan"],
  ["effective", "effectively", "effectiveness", "efficacy", "ineffective", "efektif", "efektivitas", "ampuh"],
  ["cure", "cured", "cures", "heal", "healed", "heals", "healing", "recover", "recovered", "recovery", "sembuh", "menyembuhkan", "penyembuhan", "disembuhkan", "pulih", "pemulihan", "memulihkan"],
  ["eradicate", "eradicated", "eliminate", "eliminated", "elimination", "abolish", "abolished", "ended", "dihapuskan", "dihapus", "penghapusan", "diberantas", "memberantas", "pemberantasan", "eliminasi"],
  ["prove", "proved", "proven", "proof", "guarantee", "guaranteed", "terbukti", "membuktikan", "dibuktikan", "bukti", "menjamin", "dijamin", "jaminan"],
  ["significant", "significantly", "dramatic", "dramatically", "signifikan", "drastis"],
];
export const STRONG_WORDS = new Map<string, number[]>();
STRONG_WORD_GROUPS.forEach((group, i) => {
  for (const word of group) STRONG_WORDS.set(word, [...(STRONG_WORDS.get(word) ?? []), i]);
});

/**
 * Words that attribute a claim rather than make it ("the review reports", "penelitian menunjukkan"): they
 * say who said it, which the citation already does, so they do not count for or against the overlap.
 */
export const ATTRIBUTION = new Set(
  contentStems(
    "review reviewed study studies article articles author authors researcher researchers paper report reports reported find found finds " +
      "show shows showed shown state states stated say says said note notes noted describe describes described mention mentions mentioned " +
      "conclude concludes concluded suggest suggests suggested indicate indicates indicated according " +
      "tinjauan studi penelitian peneliti artikel penulis melaporkan dilaporkan menemukan ditemukan menyatakan dinyatakan menyebutkan " +
      "disebutkan menjelaskan dijelaskan menunjukkan ditunjukkan menyimpulkan disimpulkan",
  ),
);

/**
 * Negations: in nearly every passage, and a bag of words cannot check which way a sentence turns, so
 * finding one is no support ("... are not passages" against "... tidak mengalami CSE").
 */
export const NEGATION = new Set(contentStems("not no never none without tidak bukan tak belum tanpa"));

const COGNATE_PREFIX = 6;

/** A long word whose first six letters, spelled alike, begin a long word of the cited texts: a shared loanword. */
export function isCognateOf(word: string, cited: ReadonlySet<string>): boolean {
  if (word.length < COGNATE_PREFIX + 1) return false;
  const prefix = loanwordSkeleton(word).slice(0, COGNATE_PREFIX);
  for (const w of cited) if (w.length > COGNATE_PREFIX && loanwordSkeleton(w).startsWith(prefix)) return true;
  return false;
}
