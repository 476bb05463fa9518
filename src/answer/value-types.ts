/**
 * What a value of each answer type looks like in text, in either language: a cost, a prevalence, a
 * breakdown, a duration, a sample size, contact details, a p-value, a funder, an amount, a limitation, a quality
 * appraisal, an opinion. A question that asks
 * for one is answered only by a sentence that carries one (abstain.ts), and such a sentence ranks higher.
 */
import type { AnswerType } from "../retrieve/question.ts";
import { contentStems, stemSpans, translateTerms, type StemSpan } from "../text/analyze.ts";
import { hasPhrase, questionWords } from "../retrieve/question-words.ts";

/** What a value of each type looks like in text, in either language. */
export const VALUE_PATTERNS: Record<AnswerType, RegExp> = {
  cost: /(?:\bRp\.?\s?\d|\$\s?\d|\b(?:USD|IDR|EUR)\b|\b\d[\d.,]*\s*(?:rupiah|dollars?|dolar|euros?|juta rupiah|miliar)\b|\bbiaya\b.{0,40}\d|\bcost.{0,40}\d)/iu,
  // A figure may be restated in words before its noun: "4.000.000 (empat juta) orang".
  prevalence: /\b\d[\d.,]*(?:\s*\([^()]{1,30}\))?\s+(?:[\p{L}-]+\s+)?(?:persen|percent|korban|kasus|anak|orang|laporan|perdagangan|victims?|cases|children|people|reports)\b|\b\d[\d.,]*\s*%/iu,
  breakdown: /(?:\b\d[\d.,]*\s*(?:%|persen)?\s*(?:laki-laki|perempuan|boys?|girls?|male|female|gadis|remaja (?:laki-laki|perempuan))\b|\b(?:laki-laki|perempuan|boys?|girls?|male|female|gadis)\b[^.]{0,40}\b\d+)/iu,
  // "12 months", "two decades", "a decade", "tiga tahun", "setahun", "45 ms", "dua menit".
  duration: /\b(?:(?:\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|beberapa)\s*(?:bulan|tahun|minggu|hari|jam|menit|detik|milidetik|dekade|abad|months?|years?|weeks?|days?|hours?|minutes?|seconds?|milliseconds?|ms|decades?|centur(?:y|ies))|se(?:bulan|tahun|minggu|hari|jam|menit|detik|dekade|abad)|(?:19|20)\d{2}\s*(?:[-–]|sampai|hingga|to|until)\s*(?:19|20)\d{2})\b/iu,
  sample: /\b(?:\d[\d.,]*(?:\s*\([^()]{1,30}\))?|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred)\s+(?:\w+\s+)?(?:peserta|responden|partisipan|participants?|respondents?|informan|subjects?|orang|penyintas|survivors?|remaja|gadis|anak|children|girls|boys|women|youth|samples?|sampel)\b|\b(?:n\s*=\s*\d+)/iu,
  contact: /(?:\+?\d[\d\s-]{7,}\d|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\bhttps?:\/\/|\bwww\.)/iu,
  current: /$^/,
  // A multiple is an amount too: "a 2x-20x speedup", "7.12×".
  amount: /(?<![\p{L}\d.,])\d+(?:[.,]\d+)*(?:e[-+]?\d+)?(?:%|[x×](?![\p{L}]))?(?![\p{L}\d])|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus|ribu|juta|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million)\b/iu,
  funder: /\b(?:didanai|dibiayai|dana dari|pendanaan dari|anggaran (?:program )?dari|funded by|funding from|financed by|sponsored by|grant from|donor)\b/iu,
  // A year or a month: "in 2016", "Sejak Januari hingga April 2021".
  date: /\b(?:1[89]\d\d|20\d\d)\b|\b(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|may|june|july|august|october|december)\b/iu,
  pvalue: /\bp\s*[<=>≤]\s*0[.,]\d+/iu,
  // What holds a work or a program back, said as such: "keterbatasan", "lemahnya koordinasi", "limited role".
  limitation: /(?<![\p{L}])(?:keterbatasan|kelemahan|lemah\p{L}*|terbatas|kendala\p{L}*|hambatan\p{L}*|limitations?|limited|weak\p{L}*|shortcomings?|drawbacks?|disadvantages?|caveats?|obstacles?|barriers?)(?![\p{L}])/iu,
  // What people think or feel about something, reported as theirs: "peserta merasa", "menurut informan",
  // "survivors said", "perceived", "satisfaction" (not "the study states that", which is a finding).
  opinion: /(?<![\p{L}])(?:berpendapat|pendapat\p{L}*|opini\p{L}*|tanggapan\p{L}*|persepsi\p{L}*|merasa\p{L}*|perasaan\p{L}*|puas|kepuasan|mengatakan|menurut (?:mereka|peserta|responden|informan|partisipan|korban|anak|pengguna)|said|says|felt|feels?|feelings?|perceiv\p{L}*|perceptions?|opinions?|views?|viewed|(?:dis)?satisfied|(?:dis)?satisfaction|attitudes?|sikap)(?![\p{L}])/iu,
  // One thing said to work better than another: "more effective than", "outperforms", "lebih efektif daripada",
  // "paling berhasil" ("Which program worked best?" is answered only by such a comparison).
  ranking: /(?<![\p{L}])(?:(?:more|most|less|least)\s+(?:effective|successful|efficient)|better\s+than|worse\s+than|outperform\p{L}*|surpass\p{L}*|superior\s+to|best[- ]performing|(?:lebih|kurang)\s+(?:efektif|berhasil|sukses|baik|unggul)\s+(?:dari|daripada|dibanding\p{L}*)|paling\s+(?:efektif|berhasil|sukses|unggul)|terbaik|mengungguli|unggul\s+(?:dari|atas))(?![\p{L}])/iu,
  // An appraisal of the included studies' quality: a named tool or the words for one.
  appraisal: /(?<![\p{L}])(?:risk of bias|risiko bias|bias|appraisal|appraised|quality assessment|assess(?:ed|ing)? (?:the )?quality|penilaian kualitas|menilai kualitas|telaah kritis|JBI|CASP|Newcastle[- ]Ottawa|AMSTAR|ROBINS(?:-I)?|RoB ?2)(?![\p{L}])/iu,
};

const GROUP = /\b(?:laki-laki|perempuan|pria|wanita|boys?|girls?|males?|females?|men|women|gadis|cis-?gender|transgender|usia \d+|aged? \d+)\b/giu;

export function carriesType(text: string, type: AnswerType): boolean {
  const pattern = VALUE_PATTERNS[type];
  // A breakdown compares groups: two different groups and numbers for them.
  if (type === "breakdown") {
    const groups = new Set([...text.matchAll(GROUP)].map((m) => m[0].toLowerCase().replace(/s$/, "")));
    return groups.size >= 2 && [...text.matchAll(/\d+/g)].filter((m) => !/^(?:19|20)\d\d$/.test(m[0])).length >= 2;
  }
  // A year is not an amount.
  if (type === "amount") return [...text.matchAll(new RegExp(pattern.source, "giu"))].some((m) => !/^(?:19|20)\d\d$/.test(m[0]));
  return pattern.test(text);
}

let rateWords: string[] | undefined;
const RATE_WORDS = () => (rateWords ??= [...questionWords().rate_words.after, ...questionWords().rate_words.before]);

/** A number in scientific notation ("1e-5", "3.5e-4") is one figure, not a number, a word "e" and another number. */
function withExponents(spans: StemSpan[], text: string): StemSpan[] {
  const out: StemSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const [a, e, b] = [spans[i], spans[i + 1], spans[i + 2]];
    if (e && b && /^\d+(?:\.\d+)?$/.test(a.stem) && e.stem === "e" && e.start === a.end && /^[-+]?$/.test(text.slice(e.end, b.start)) && /^\d+$/.test(b.stem)) {
      out.push({ stem: text.slice(a.start, b.end), start: a.start, end: b.end });
      i += 2;
    } else out.push(a);
  }
  return out;
}

/** Words either side of a number that may name what it counts ("sebanyak 32 artikel", "76 candidate papers"). */
const UNIT_WINDOW = 3;

/**
 * Whether a number in the text stands beside a word for what the question counts: "Berapa usia rata-rata
 * ...?" is not answered by "pengalaman anak usia dini" nor by "27 tema", and "berapa persen ...?" only by a
 * percentage. Stop words do not count towards the distance; "%" reads as the word "persen".
 */
export function numberNear(text: string, units: Set<string>): boolean {
  return numbersBeside(text, units).length > 0;
}

/** A translation as one unit of what is counted: its stems joined by a space ("anak laki" for "boys"). */
const translationKey = (canonical: readonly string[]): string => canonical.join(" ");

/**
 * The units a figure may stand beside for a question that counts `terms` (Question.counted): each term and its
 * translation on its own, not as part of a lexicon phrase (in "social workers" both words translate to
 * "pekerja sosial", and "sosial" beside "7 tahapan" would count social workers). A translation of several
 * words is one unit, matched whole: "boys" is "anak laki", and its "anak" alone would count the girls of
 * "300 gadis" ("anak perempuan").
 */
export function countedUnits(terms: readonly string[]): Set<string> {
  return new Set(terms.flatMap((t) => [t, translationKey(translateTerms([t]).get(t) ?? [])].filter(Boolean)));
}

/** Words the stop list drops because questions use them to frame ("according to the review"), not because a text does. */
const QUESTION_STOP_WORD = /(?<![\p{L}])(?:review|according|menurut|tinjauan|tell)(?![\p{L}])/iu;

/** A word that joins two figures of one clause ("6.24% on X and 19.96% on Y"). */
const COORDINATION = /(?<![\p{L}])(?:and|or|dan|atau|serta)(?![\p{L}])/iu;

/** A short bracketed aside right after a number ("19,812 <user query, paper> pairs", "35 (tiga puluh lima) kasus"). */
const BRACKET_AFTER_NUMBER = /(\d)(\s*)(<[^<>]{1,60}>|\([^()]{1,60}\)|\[[^[\]]{1,60}\])/g;

/** The number spans of the text within UNIT_WINDOW content words of a word for one of `units`, and whether one follows it. */
function numbersBeside(original: string, units: Set<string>, coordinated = false): (StemSpan & { unitAfter: boolean; ownNoun: boolean })[] {
  // What a bracket right after a number says stands between it and its unit, not in its place: "19,812 <user
  // query, paper> pairs" counts pairs. (Blanked out, so that every offset stays the text's.)
  const text = original.replace(BRACKET_AFTER_NUMBER, (_, number: string, space: string, bracket: string) => number + space + " ".repeat(bracket.length));
  const spans = withExponents(stemSpans(text), text);
  // Every stem of a word ("short-running": short, run, shortrun), matched in the lexicon's common form as
  // questions are ("200 million users" -> juta, guna).
  const stems = spans.map((s) => contentStems(text.slice(s.start, s.end)));
  const common = translateTerms(stems.flat());
  // (A unit of several words is there when the word's translation has all of them: "gadis" is "anak perempuan",
  // also when a corpus lexicon adds its own form to it.)
  const multiword = [...units].filter((u) => u.includes(" ")).map((u) => u.split(" "));
  const names = (i: number) =>
    stems[i].some((stem) => {
      const tr = common.get(stem) ?? [];
      return units.has(stem) || tr.some((c) => units.has(c)) || units.has(translationKey(tr)) || multiword.some((u) => u.every((w) => tr.includes(w)));
    });
  const isNumber = (i: number) => carriesType(spans[i].stem, "amount") && !/^(?:19|20)\d\d$/.test(spans[i].stem);
  // A rate word stands between a measure and its figure: "a learning rate of 1e-5", "angka kekambuhan 30%".
  const isRateWord = (i: number) => hasPhrase([text.slice(spans[i].start, spans[i].end).toLowerCase()], RATE_WORDS());
  // After a number, a clause ends at a comma, a semicolon or a full stop: "transgender 7 kali, sedangkan untuk
  // perempuan ... 300 gadis" counts times, not girls, with 7.
  // ... and a word the stop list drops only as a question's ("review", "according") is a word of the text
  // between them: "the annotators to review 76 candidate papers" gives no count of annotators.
  const wordBetween = (a: number, b: number) => QUESTION_STOP_WORD.test(text.slice(spans[a].end, spans[b].start));
  const breakBetween = (a: number, b: number) => /[,;:.!?]/.test(text.slice(spans[a].end, spans[b].start).replace(/\d[.,]\d/g, "")) || wordBetween(a, b);
  const namedAfter = (i: number) => {
    for (let j = i + 1; j <= Math.min(spans.length - 1, i + UNIT_WINDOW) && !breakBetween(j - 1, j); j++) if (names(j)) return true;
    return false;
  };
  // (Before it, a comma may set off what it counts: "Among these qualified queries, 93.7% had ...".)
  // ... but only the unit itself, or it with what sets it off: in "starting from the user query) to three" the
  // word "user" only qualifies "query", and three is no count of users.
  // "running a trace 270 times": a figure of times counts the action before it, past what it is done to.
  // ("25 times faster" is a ratio, not a count.)
  const timesAfter = (i: number) => /^\s*(?:times|kali)(?![\p{L}])(?!\s+(?:faster|slower|more|less|fewer|higher|lower|larger|smaller|bigger|better|worse|as|lebih|lipat)(?![\p{L}]))/iu.test(text.slice(spans[i].end));
  const unitBefore = (i: number): number | undefined => {
    for (let j = i - 1; j >= Math.max(0, i - UNIT_WINDOW); j--) {
      if (names(j)) return wordBetween(j, i) ? undefined : j;
      if (stems[j].length > 0 && !isNumber(j) && !isRateWord(j) && !timesAfter(i)) return undefined;
    }
    return undefined;
  };
  // With `coordinated`, a figure joined to one beside the unit in the same clause is of the same thing, unless
  // a noun of its own follows it: "enhances recall by 6.24% on AutoScholarQuery and 19.96% on RealScholarQuery"
  // (not "12 boys and 300 girls").
  let previous = -1;
  const ownNounAfter = (i: number) => {
    // (Past what is part of the figure: "19.96%", "2x".)
    const next = spans[i + 1] && spans[i + 1].start === spans[i].end && /^(?:%|[x×])$/.test(text.slice(spans[i + 1].start, spans[i + 1].end)) ? i + 2 : i + 1;
    return spans[next] !== undefined && stems[next].length > 0 && /^\s*$/.test(text.slice(spans[next - 1].end, spans[next].start));
  };
  const joinedTo = (i: number) =>
    coordinated && previous >= 0 && i - previous <= UNIT_WINDOW + 1 && !breakBetween(previous, i) && COORDINATION.test(text.slice(spans[previous].end, spans[i].start)) && !ownNounAfter(i);
  const out: (StemSpan & { unitAfter: boolean; ownNoun: boolean })[] = [];
  spans.forEach((span, i) => {
    if (!isNumber(i)) return;
    // A label's number ("line 4", "lines 4-5", "Table 8") counts nothing.
    if (LABELLED.test(text.slice(Math.max(0, span.start - 24), span.start))) return;
    // (A figure of times is followed by what it counts: "270 times" of running a trace; not of the noun right
    // before it, "runs each program 10 times" runs the programs, it does not count them.)
    const before = unitBefore(i);
    const unitAfter = namedAfter(i) || (timesAfter(i) && before !== undefined && before < i - 1);
    if (unitAfter || before !== undefined || joinedTo(i)) {
      out.push({ ...span, unitAfter, ownNoun: ownNounAfter(i) });
      previous = i;
    }
  });
  return out;
}

/** The number after these names a part of the text ("Table 8", "Section 5.1", "Gambar 2", "Tahap 3"), not a quantity. */
const LABEL_WORDS = String.raw`\b(?:tables?|tabel|lines?|baris|figures?|fig\.?|gambar|grafik|sections?|bagian|bab|chapter|appendix|lampiran|equation|eq\.?|persamaan|algorithm|algoritma|step|langkah|tahap|tahapan|pasal|page|halaman|hal\.|p\.|pp\.|ref\.?|no\.?|nomor)`;
export const LABEL_BEFORE = new RegExp(String.raw`${LABEL_WORDS}\s*$`, "iu");

/** The kind of figure a question asks for: a share ("berapa persen"), a count ("how many"), an amount ("how much"). */
export type FigureAsked = "share" | "count" | "amount";

/** A label, or a label's first number and a range or list word ("lines 4-", "Tables 2 and "), right before a number. */
const LABELLED = new RegExp(String.raw`${LABEL_WORDS}\s*(?:\d+\s*(?:[-–,]|and|dan|to|sampai)\s*)?$`, "iu");

/** A unit of measure after a figure ("2 GB", "2.2 GHz", "26 ms"). */
const MEASURE_UNIT = /^\s(?:[KMGT]i?B|[KMG]Hz|ms|µs|ns)(?![\p{L}])/u;

/**
 * The figures of the text that stand beside a word for what the question counts (see numberNear), as written
 * ("95%", "6.24%", "3.0x", "4.000.000"), in the text's order, as `asked`: a share, only shares; a count, only
 * other figures, each followed by what it counts in both languages ("35 laporan kasus", "50 real-world
 * research queries"); an amount ("How much does RL training improve recall?"), any figure beside its words
 * ("enhances recall by 6.24%"). Years, a name's digits ("PaSa-7b", "Recall@20", "Firefox 2"), citation and
 * note numbers ("[12]", "(2)") and labels ("Table 8") are no figures.
 */
export function figuresNear(text: string, units: Set<string>, asked: FigureAsked): string[] {
  const share = asked === "share";
  const found: string[] = [];
  let rangeEnd = 0;
  for (const span of numbersBeside(text, units, asked !== "count")) {
    // (The end of a range already said.)
    if (span.start < rangeEnd) continue;
    const before = text.slice(Math.max(0, span.start - 12), span.start);
    const after = text.slice(span.end, span.end + 2);
    // Part of a name or a code ("PaSa-7b", "GPT-4o", "Q1", "Recall@20"), a citation ("[12]", "12-14]"), or a label ("Table 8").
    // ... or a version after a name ("Firefox 2"; not "Sebanyak 32", which opens the sentence).
    const named = /(?:^|[^\s])\s+\p{Lu}[\p{L}\d-]*\s$/u.test(text.slice(Math.max(0, span.start - 40), span.start));
    // ... or a note's marker: "(2)" alone in brackets ("(83%)" is a share).
    const marker = /\($/.test(before) && /^\)/.test(after);
    if (named || marker || /[\p{L}][-‐@_]?$/u.test(before) || /^[\p{L}]/u.test(after.replace(/^[x×](?![\p{L}])/u, "")) || /\[[\d,\s–-]*$/.test(before) || LABEL_BEFORE.test(before)) continue;
    if (!/^\d/.test(text.slice(span.start, span.end))) continue;
    // "200 million users", "4 juta": the multiplier is part of the figure; so is a unit of measure ("2 GB", "2.2 GHz", "26 ms").
    const tail = text.slice(span.end).match(/^\s?%|^[x×](?![\p{L}])|^\s+(?:hundred|thousand|million|billion|trillion|ratus|ribu|juta|miliar|triliun)(?![\p{L}])/iu)?.[0] ?? text.slice(span.end).match(MEASURE_UNIT)?.[0] ?? "";
    // A range is one figure: "a 2x-20x speedup", "10-15%".
    const upTo = text.slice(span.end + tail.length).match(/^\s?[-–]\s?\d[\d.,]*(?:\s?%|[x×](?![\p{L}]))?/u)?.[0] ?? "";
    const percent = /^\s?%/.test(after) || /%$/.test(upTo);
    if (asked !== "amount" && percent !== share) continue;
    const figure = text.slice(span.start, span.end) + tail.replace(/^\s(?=%)/, "") + upTo;
    if (upTo) rangeEnd = span.end + tail.length + upTo.length;
    // A count is said only beside what it counts ("35 laporan kasus"); a share is of what is near it.
    // (An amount's figure followed by a noun of its own is of that noun: "12 boys and 300 girls".)
    const ofUnit = asked === "share" || span.unitAfter || (asked === "amount" && !span.ownNoun);
    if (ofUnit && !found.includes(figure)) found.push(figure);
  }
  return found;
}
