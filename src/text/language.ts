/**
 * Language of a text, Indonesian or English, by counting each language's function words (the stopword
 * package's lists). Reliable on passages and on questions of a few words, where letter-statistics
 * detectors are not; ties go to Indonesian, the review's language.
 */
import { eng, ind } from "stopword";
import { tokenize } from "./tokenize.ts";
import type { Lang } from "../domain/lang.ts";

const ENGLISH = new Set(eng);
const INDONESIAN = new Set(ind);
// Words both lists claim, or that are common in this corpus's English terms, decide nothing.
const SHARED = new Set(["program", "data", "media", "me", "a", "i", "di"]);
const ENGLISH_EXTRA = new Set(["what", "which", "who", "whom", "how", "why", "when", "where", "does", "did", "were", "the", "of", "and"]);
const INDONESIAN_EXTRA = new Set(["apa", "siapa", "berapa", "bagaimana", "mengapa", "kenapa", "kapan", "dimana", "apakah", "yang", "dan", "dengan", "untuk", "dari", "gimana", "aja", "sih", "dong", "nggak", "gak"]);

export function detectLanguage(text: string): Lang {
  let en = 0;
  let id = 0;
  for (const token of tokenize(text)) {
    if (SHARED.has(token)) continue;
    if (ENGLISH.has(token) || ENGLISH_EXTRA.has(token)) en++;
    if (INDONESIAN.has(token) || INDONESIAN_EXTRA.has(token)) id++;
  }
  return en > id ? "en" : "id";
}
