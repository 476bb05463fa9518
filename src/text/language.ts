/**
 * Language of a text, Indonesian or English, by counting each language's function words (the stopword
 * package's lists). Reliable on passages and on questions of a few words, where letter-statistics
 * detectors are not; ties go to Indonesian, the review's language.
 */
import { eng, ind } from "stopword";
import { isEnglishWord } from "./english-words.ts";
import { isIndonesianWord } from "./stem.ts";
import { tokenize } from "./tokenize.ts";
import type { Lang } from "../domain/lang.ts";

const ENGLISH = new Set(eng);
const INDONESIAN = new Set(ind);
// Words both lists claim, or that are common in this corpus's English terms, decide nothing.
const SHARED = new Set(["program", "data", "media", "me", "a", "i", "di"]);
const ENGLISH_EXTRA = new Set(["what", "which", "who", "whom", "how", "why", "when", "where", "does", "did", "were", "the", "of", "and"]);
const INDONESIAN_EXTRA = new Set(["apa", "siapa", "berapa", "bagaimana", "mengapa", "kenapa", "kapan", "dimana", "apakah", "yang", "dan", "dengan", "untuk", "dari", "gimana", "aja", "sih", "dong", "nggak", "gak"]);

/**
 * The language of a short text with few function words, such as a title ("Featured counter-trafficking
 * program: Arpan"): function words first, then, on a tie, the words only one language's dictionary knows.
 */
export function detectTitleLanguage(text: string): Lang {
  const { en, id } = functionWordCounts(text);
  if (en !== id) return en > id ? "en" : "id";
  return dictionaryLanguage(text);
}

/** The language whose dictionary alone knows more of the text's words; Indonesian on a tie. */
function dictionaryLanguage(text: string): Lang {
  let enOnly = 0;
  let idOnly = 0;
  for (const token of tokenize(text)) {
    if (token.length < 3 || SHARED.has(token)) continue;
    const english = isEnglishWord(token);
    const indonesian = isIndonesianWord(token);
    if (english && !indonesian) enOnly++;
    if (indonesian && !english) idOnly++;
  }
  return enOnly > idOnly ? "en" : "id";
}

function functionWordCounts(text: string): { en: number; id: number } {
  let en = 0;
  let id = 0;
  for (const token of tokenize(text)) {
    if (SHARED.has(token)) continue;
    if (ENGLISH.has(token) || ENGLISH_EXTRA.has(token)) en++;
    if (INDONESIAN.has(token) || INDONESIAN_EXTRA.has(token)) id++;
  }
  return { en, id };
}

/**
 * The language of a text by its function words: Indonesian unless English ones are more. A text with none
 * of either (a table row of figures, a heading) is in `otherwise`, its document's language when known.
 */
export function detectLanguage(text: string, otherwise: Lang = "id"): Lang {
  const { en, id } = functionWordCounts(text);
  if (en === 0 && id === 0) return otherwise;
  return en > id ? "en" : "id";
}

/**
 * The language of a question: its function words ("what", "yang"), and when they tie (none at all in
 * "Summarize study 5"), the words only one language's dictionary knows, as for a title.
 */
export function detectQuestionLanguage(text: string): Lang {
  const withoutNames = text.replace(NAME_RUN, " ");
  const { en, id } = functionWordCounts(withoutNames);
  // Only names and words no dictionary knows left: the whole question decides.
  const known = tokenize(withoutNames).some((t) => t.length >= 3 && !SHARED.has(t) && (isEnglishWord(t) || isIndonesianWord(t)));
  return en + id > 0 || known ? detectTitleLanguage(withoutNames) : detectTitleLanguage(text);
}

/**
 * A name of several capitalised words, with the small words inside it ("Save the Children", "Child and Family
 * Support", "My Life My Choice"): its words are the name's language, not the asker's ("Bandingkan program Save
 * the Children dan UNICEF" is Indonesian). Not at the start of the question, where any word is capitalised.
 */
const NAME_RUN = /(?<=\S\s+)\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:the|of|and|for|dan|untuk)\s+)?\p{Lu}[\p{L}'’-]*)+/gu;
