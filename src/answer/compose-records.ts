/**
 * Answers from study records: lookup, list, count, compare, aggregate, and the document's own identity.
 * Every value the answer states is cited to the cell it was read from; categorical values are written in
 * the asker's language; free text is quoted, the sentences chosen for what the question asks.
 */
import type { DocumentInfo } from "../domain/document.ts";
import type { Passage } from "../domain/passage.ts";
import type { FieldValue, StudyField, StudyRecord } from "../domain/study.ts";
import { ownValuesOf, valuesOf } from "../domain/study.ts";
import { framingStems, namesWritten, studyWordStems, type FilterValue, type StudyRef } from "../retrieve/question.ts";
import { addGloss, citeValue, documentName, labelOf, type ComposeContext, type Composition } from "./compose-context.ts";
import { continuesBack } from "./compose-explain.ts";
import { coverage, hasTerm, matchable, scoreSentences, sentencesOf, weighQuestion, overlap, type ScoredSentence } from "./evidence.ts";
import { NUMBER_WORDS } from "./claim-words.ts";
import { carriesType, VALUE_PATTERNS } from "./value-types.ts";
import { fieldName, joinList, MESSAGES, studiesNoun, theCountry, type AnswerMessages } from "./messages.ts";
import { namesFieldInPlural, topicWords, type DocumentField, type DocumentOrder, type Plan } from "./plan.ts";
import { keyLabel, SentenceBuilder, studyLabel, writeValue } from "./render.ts";
import { continentOf } from "../vocab/places.ts";
import { hasPhrase, questionWords } from "../retrieve/question-words.ts";
import { loadVocabulary, type VocabularyName } from "../vocab/vocabulary.ts";
import { escapeRegExp } from "../text/tokenize.ts";
import { analyze, contentStems, translateTerms } from "../text/analyze.ts";
import type { AnswerSentence } from "./types.ts";

/** Free-text fields: the answer quotes the sentences of their cells that fit the question. */
const FREE_TEXT: ReadonlySet<StudyField> = new Set(["intervention", "outcomes", "recommendations", "theory", "aim"]);
/** A sentence is labelled with the item a list question asks about when its opening words hold this share of the question's topic. */
const TOPIC_SHARE = 0.5;
/** A cell's list is given whole to a list question, up to this many sentences (a long cell is not read out whole). */
const LIST_ITEMS_MAX = 10;
/** How many words open a sentence that is one labelled item of a list ("Saving Newborn Live: ..."). */
const LABEL_WORDS = 4;

/** The terms of a sentence's first words. */
const openingOf = (text: string) => matchable(text.split(/\s+/).slice(0, LABEL_WORDS).join(" "));
/** At most this many quoted sentences per field and study in a lookup; one in a comparison. */
const SENTENCES_PER_FIELD = 2;

const recordOf = (context: ComposeContext, ref: StudyRef) => context.records.find((r) => r.docId === ref.docId && r.number === ref.number);

/** The sentences of a free-text field's values that best fit the question (document order kept). */
function bestSentences(context: ComposeContext, record: StudyRecord, field: StudyField, limit: number): FieldValue[] {
  const values = valuesOf(record, field);
  if (values.length <= 1 && (values[0]?.text.length ?? 0) < 200) return values.map((v) => continued(context, v));
  // The words the question named the study by ("rumah faye", "Save the Children"), as stems; not every alias of
  // it: "ECCE" is one of Study 5's, and in "Apa isi program ECCE dari Save the Children?" it is the item asked.
  const ref = context.question.studies.find((s) => s.docId === record.docId && s.number === record.number);
  // (Nor do the words of a value the studies were picked by: "the studies done in the US" are the US studies,
  // and "US" says nothing about which of their sentences is a finding.)
  // (Nor does a name the question writes that the study's title has: "UNICEF" of "Kegiatan apa saja yang
  // dilakukan UNICEF di Pantai Gading?" is who ran the program, not an item of it.)
  const title = matchable(record.fields.title?.[0]?.text ?? "").terms;
  const namedInTitle = namesWritten(context.question.text).filter((t) => title.has(t));
  const identity = new Set([...(ref?.by ? contentStems(ref.by) : []), ...context.question.values.flatMap((v) => contentStems(v.text)), ...namedInTitle]);
  // Within a study's own field, the words for the study ("What did the study find?") say nothing about which
  // of its sentences answers: "penelitian" is in its aim and its method alike.
  // Nor do the words it sets aside ("besides counselling"), but a sentence opening on them is no answer.
  const excluded = context.question.excludedTopic;
  const weights = weighQuestion(context.question.text, context.termStats, { identity, filler: studyWordStems() }).filter((w) => !excluded.includes(w.term));
  const pieces = values.flatMap((v) => {
    const passage = context.passage(v.passageId);
    if (!passage) return [];
    return sentencesOf([passage]).filter((s) => s.start >= v.start && s.end <= v.end);
  });
  const setAside = weighQuestion(excluded.join(" "), context.termStats).filter((w) => excluded.includes(w.term));
  // (An item's label ends at its first comma or colon: "Keterampilan sosial, berupa konseling kelompok" is no counselling item.)
  let ranked = scoreSentences(pieces, weights, context.question, 1).filter((s) => setAside.length === 0 || coverage(openingOf(s.text.split(/[,:;]/)[0]), setAside) < TOPIC_SHARE);
  // A list asked of one item of the field ("Kegiatan spiritual di Rumah Faye isinya apa aja?", "What's Saving
  // Newborn Live?") is that item's sentence, which opens with its label ("Spiritual, meliputi ...", "Saving
  // Newborn Live: program ini ..."), not the field's every sentence. (The item is named by the question's words
  // beyond the field and the study.)
  if (limit > SENTENCES_PER_FIELD) {
    const framing = framingStems();
    const topic = weights.filter((w) => !w.identity && !framing.has(w.term) && w.alternatives.every((a) => !framing.has(a)));
    const labelled = topic.length > 0 ? ranked.filter((s) => coverage(openingOf(s.text), topic) >= TOPIC_SHARE) : [];
    if (labelled.length > 0) ranked = labelled;
  }
  const chosen: typeof ranked = [];
  for (const s of ranked) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => overlap(c.terms, s.terms) >= 0.6)) continue;
    chosen.push(s);
  }
  // In the order the text gives them; a list across passages too (its first item is not said last).
  const inTextOrder = limit > SENTENCES_PER_FIELD;
  chosen.sort((a, b) => (a.passage.id === b.passage.id ? a.start - b.start : inTextOrder && a.passage.docId === b.passage.docId ? a.passage.start - b.passage.start : 0));
  const said = chosen.map((s) => ({ text: s.text, keys: [], passageId: s.passage.id, start: s.start, end: s.end, source: "table" as const }));
  // Two chosen sentences in a row stay two; one the next completes keeps it.
  return said.map((v) => (said.some((o) => o !== v && o.passageId === v.passageId && o.start >= v.end && /^\s*$/.test((context.passage(v.passageId)?.text ?? "").slice(v.end, o.start))) ? v : continued(context, v)));
}

/**
 * A value with the sentence after it in its passage when that sentence points back to it and goes on
 * ("... pemilihan media sosial." + "Langkah awal untuk merealisasikan ini semua adalah ..."), though the
 * record's value ends before it.
 */
function continued(context: ComposeContext, v: FieldValue): FieldValue {
  const passage = context.passage(v.passageId);
  if (!passage || passage.text.slice(v.start, v.end) !== v.text) return v;
  const next = sentencesOf([passage]).find((s) => s.start >= v.end && /^\s*$/.test(passage.text.slice(v.end, s.start)));
  if (!next || !continuesBack(next.text)) return v;
  return { ...v, end: next.end, text: passage.text.slice(v.start, next.end) };
}

const SLOT = "\u0000";

/** " (the review is inconsistent about the year: 2016 [3])": the other values the review gives, each cited. */
function sayConflict(b: SentenceBuilder, context: ComposeContext, field: StudyField, others: FieldValue[]): void {
  b.say(` (${MESSAGES[context.lang].conflict(field)}: `);
  others.forEach((v, i) => {
    if (i > 0) b.say(", ");
    b.say(v.text);
    const n = citeValue(context, v);
    if (n) b.cite(n);
  });
  b.say(")");
}

/**
 * A phrase about one field of one study, with its citations; conflicting values say so. `framed: false`
 * gives the values alone, for a line that already names the study and the field.
 */
function fieldPhrase(context: ComposeContext, record: StudyRecord, field: StudyField, limit = SENTENCES_PER_FIELD, framed = true, labels = false): SentenceBuilder | undefined {
  const m = MESSAGES[context.lang];
  const values = FREE_TEXT.has(field) ? bestSentences(context, record, field, limit).map((v) => (labels ? asItemLabel(v) : v)) : valuesOf(record, field);
  const main = values.filter((v) => v.source !== "citation");
  const cited = values.filter((v) => v.source === "citation");
  const shown = (main.length > 0 ? main : cited).slice(0, FREE_TEXT.has(field) ? limit : field === "title" ? 1 : 3);
  if (shown.length === 0) return undefined;
  const parts = new SentenceBuilder();
  // Where a study took place is said down to its setting where the record has one: "in Jepara, Indonesia".
  const settings = field === "country" && shown.length === 1 ? valuesOf(record, "setting").filter((v) => v.source !== "citation").slice(0, 1) : [];
  const settingCited = new Set<number>();
  for (const v of settings) {
    writeValue(parts, "setting", v, context.lang);
    const n = citeValue(context, v);
    if (n) {
      parts.cite(n);
      settingCited.add(n);
    }
    parts.say(", ");
  }
  shown.forEach((v, i) => {
    if (i > 0) parts.say(i === shown.length - 1 ? ` ${m.and} ` : ", ");
    writeValue(parts, field, v, context.lang);
    const n = citeValue(context, v);
    // (Once per cell: "Jepara [1], Indonesia" when the one cell gave both.)
    if (n && !settingCited.has(n)) parts.cite(n);
  });
  const [before, after] = framed ? m.fieldIs[field](labelOf(context, record), SLOT).split(SLOT) : ["", ""];
  const b = new SentenceBuilder().say(before).append(parts).say(after);
  if (record.conflicts.includes(field) && main.length > 0 && cited.length > 0) sayConflict(b, context, field, cited);
  if (FREE_TEXT.has(field) || field === "title") {
    const passage = context.passage(shown[0].passageId);
    if (passage) addGloss(b, context, shown.map((v) => v.text).join(". "), passage);
  }
  return b;
}

function lookup(context: ComposeContext, studies: StudyRef[], fields: StudyField[], overview = false): Composition {
  const sentences: AnswerSentence[] = [];
  const named: number[] = [];
  // A list question gets the whole list a cell holds, not the best two sentences; so does a field asked
  // in the plural ("What activities does Rumah Faye offer?").
  const several = context.question.several || fields.some((f) => namesFieldInPlural(context.question.tokens, f, true));
  const limit = several ? Math.max(context.maxSentences, LIST_ITEMS_MAX) : SENTENCES_PER_FIELD;
  for (const ref of studies) {
    const record = recordOf(context, ref);
    if (!record) continue;
    named.push(record.number);
    if (studies.length > 1 && !fields.includes("title")) {
      const title = fieldPhrase(context, record, "title");
      if (title) sentences.push(title.done());
    }
    for (const field of fields) {
      const s = fieldPhrase(context, record, field, limit);
      // An overview says what the record holds; a field asked for and missing is said to be missing.
      if (s) sentences.push(s.done());
      else if (!overview) sentences.push(new SentenceBuilder().say(MESSAGES[context.lang].fieldMissing(labelOf(context, record), field)).done("frame"));
    }
  }
  // Nothing found for what was asked: the answer says so, and that is an abstention.
  const abstained = sentences.every((s) => s.citations.length === 0);
  return { sentences, abstained, studies: named, reason: abstained ? "the records hold no such field" : "", bestSupport: abstained ? 0 : 1 };
}

/** Of the fields a comparison could show, those whose values speak to the question's topic (at most two). */
function relevantFields(context: ComposeContext, records: StudyRecord[], fields: StudyField[]): StudyField[] {
  const weights = weighQuestion(context.question.text, context.termStats, { identity: new Set(records.flatMap((r) => r.aliases.flatMap((a) => contentStems(a)))) });
  const topic = new Set(context.question.topic);
  const scored = fields.map((field) => {
    const text = records.flatMap((r) => valuesOf(r, field).map((v) => v.text)).join(" ");
    const terms = new Set(sentencesOf([{ id: "", docId: "", text, section: "other", heading: "", page: null, studies: [], lang: context.lang, kind: "prose", start: 0, end: text.length, cells: [], context: "" }]).flatMap((s) => [...s.terms]));
    const score = weights.filter((w) => topic.has(w.term)).reduce((sum, w) => sum + (hasTerm(w, terms) ? w.weight : 0), 0);
    return { field, score };
  });
  const best = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score).slice(0, 2).map((s) => s.field);
  // Nothing asked about: how each was done, where, and what it found (the place only where a record has one).
  const placed = records.some((r) => valuesOf(r, "country").length > 0);
  return best.length > 0 ? fields.filter((f) => best.includes(f)) : fields.filter((f) => f === "design" || f === "outcomes" || (f === "country" && placed));
}

function compare(context: ComposeContext, studies: StudyRef[], asked: StudyField[], chooseFields: boolean): Composition {
  const sentences: AnswerSentence[] = [];
  const named: number[] = [];
  const records = studies.map((ref) => recordOf(context, ref)).filter((r): r is StudyRecord => r !== undefined);
  const fields = chooseFields ? relevantFields(context, records, asked) : asked;
  const generalComparison = chooseFields && fields.every((f) => f === "design" || f === "outcomes" || f === "country");
  // "What do the Jepara and Rumah Faye programs have in common?": what every one of them shares, first.
  if (context.question.similarity && records.length > 1) sentences.push(sharedValues(context, records));
  for (const ref of studies) {
    const record = recordOf(context, ref);
    if (!record) continue;
    named.push(record.number);
    // Compared on nothing in particular: what each study is about (its title) before how and where it was done.
    if (generalComparison) {
      const title = fieldPhrase(context, record, "title");
      if (title) sentences.push(title.done());
    }
    for (const field of fields) {
      // A field compared in the plural ("How do the activities at X differ from the ones at Y?") is compared
      // item by item: each study's list, by its items' labels where they have one.
      // (Only a list of labelled items: a study whose cell is a run of sentences is compared by its best one.)
      // (Indonesian marks no plural: "Apa beda kegiatan Rumah Faye dan Save the Children?" asks the field.)
      const plural = namesFieldInPlural(context.question.tokens, field, true) || (context.question.lang === "id" && context.question.asks.includes(field));
      const several = FREE_TEXT.has(field) && plural && labelledItems(context, record, field);
      const s = several ? fieldPhrase(context, record, field, LIST_ITEMS_MAX, true, true) : fieldPhrase(context, record, field, 1);
      if (s) sentences.push(s.done());
    }
  }
  return { sentences, abstained: sentences.length === 0, studies: named, reason: "", bestSupport: 1 };
}

/** An item's label: the few words before its first comma or colon ("Konseling individual, konseling ini ..."). */
const ITEM_LABEL = /^([^,:;.()]{2,60}?)\s*[,:;]/u;
const MAX_LABEL_WORDS = 4;

/** Whether most of a field's sentences open with an item's label ("Konseling individual, ...", "Enable: ..."). */
function labelledItems(context: ComposeContext, record: StudyRecord, field: StudyField): boolean {
  const values = bestSentences(context, record, field, LIST_ITEMS_MAX);
  return values.length >= MIN_LABELLED_ITEMS && values.filter((v) => asItemLabel(v) !== v).length * 2 > values.length;
}
const MIN_LABELLED_ITEMS = 3;

/** The value cut to its item's label, when it opens with one; else the value whole. */
function asItemLabel(v: FieldValue): FieldValue {
  // (Past a lead-in that ends in a colon: "Adapun program-programnya: Enable: program yang pertama ...".)
  const leadIn = /^[^,:;.]{2,60}:\s*(?=[^,:;.]{2,60}:)/u.exec(v.text)?.[0] ?? "";
  const label = ITEM_LABEL.exec(v.text.slice(leadIn.length))?.[1];
  if (!label || label.split(/\s+/).length > MAX_LABEL_WORDS) return v;
  const start = v.start + leadIn.length;
  return { ...v, text: label, start, end: start + label.length };
}

/** The categorical fields a comparison can find shared values in. */
const SHARED_FIELDS: StudyField[] = ["design", "country", "population"];

/**
 * The values every compared study has, field by field, each cited to every study's cell ("design: qualitative
 * [1, 3]"); or that they share none.
 */
function sharedValues(context: ComposeContext, records: StudyRecord[]): AnswerSentence {
  const m = MESSAGES[context.lang];
  const who = joinList(records.map((r) => labelOf(context, r)), context.lang);
  const parts = new SentenceBuilder();
  let shared = 0;
  for (const field of SHARED_FIELDS) {
    const keysOf = (r: StudyRecord) => new Set(valuesOf(r, field).filter((v) => v.source !== "citation").flatMap((v) => v.keys));
    const common = [...keysOf(records[0])].filter((key) => records.every((r) => keysOf(r).has(key)));
    if (common.length === 0) continue;
    parts.say(shared === 0 ? " " : "; ").say(`${fieldName(field, context.lang)}: `);
    common.forEach((key, i) => {
      parts.say(i === 0 ? "" : ", ").say(keyLabel(field, key, context.lang));
      for (const r of records) {
        const v = valuesOf(r, field).find((x) => x.source !== "citation" && x.keys.includes(key));
        const n = v ? citeValue(context, v) : undefined;
        if (n) parts.cite(n);
      }
    });
    shared++;
  }
  if (shared === 0) return new SentenceBuilder().say(m.nothingInCommon(who)).done("frame");
  return new SentenceBuilder().say(m.inCommon(who)).append(parts).say(".").done();
}

/** The value of a record that matches a filter (for its citation), if any. `tableOnly`: only what its table cells say. */
function matching(context: ComposeContext, record: StudyRecord, filter: FilterValue, tableOnly: boolean): FieldValue | undefined {
  const source = (v: FieldValue) => !tableOnly || v.source === "table";
  switch (filter.field) {
    case "venue":
      return valuesOf(record, "venue").find((v) => source(v) && v.text.toLowerCase().includes(filter.key));
    case "year": {
      const bound = /^([<>]=?)(\d{4})$/.exec(filter.key);
      const range = /^(\d{4})\.\.(\d{4})$/.exec(filter.key);
      const fits = (key: string) => {
        if (range) return Number(key) >= Number(range[1]) && Number(key) <= Number(range[2]);
        if (!bound) return key === filter.key;
        const [year, limit] = [Number(key), Number(bound[2])];
        return bound[1] === ">" ? year > limit : bound[1] === ">=" ? year >= limit : bound[1] === "<" ? year < limit : year <= limit;
      };
      // A study is published in the year its table or text gives; a year the review cites it with elsewhere
      // (Study 6's venue cell cites "Wallace et al., 2016") is a contradiction to report, not its year.
      return ownValuesOf(record, "year").find((v) => source(v) && v.keys.some(fits));
    }
    case "topic":
      return topicSentence(context, record, filter);
    case "country":
      return placeValues(record).find((v) => source(v) && v.keys.some((key) => placeFits(key, filter.key)));
    default:
      return valuesOf(record, filter.field).find((v) => source(v) && v.keys.includes(filter.key));
  }
}

/**
 * Fields a study has one value of: two values of one of them ("from Neliti and from ScienceDirect", "in
 * Indonesia and the United States") ask for the studies with either, since none can have both. A study may
 * use several designs or study several groups, so those values must all hold ("both interviews and observation").
 */
const ONE_VALUE_FIELDS = new Set<FilterValue["field"]>(["country", "database", "language", "venue", "year"]);

/** Filters grouped by field and polarity, in the question's order. */
function filterGroups(filters: FilterValue[]): FilterValue[][] {
  const groups: FilterValue[][] = [];
  for (const f of filters) {
    const same = groups.find((g) => g[0].field === f.field && Boolean(g[0].negated) === Boolean(f.negated));
    if (same) same.push(f);
    else groups.push([f]);
  }
  return groups;
}

/** A group of plain values of a one-value field, or joined by "or": a study passes with any of them. */
const eitherOf = (group: FilterValue[]) => group.length > 1 && !group[0].negated && (ONE_VALUE_FIELDS.has(group[0].field) || group.every((f) => f.either));

/** Whether a record passes every group of filters (any value of an either-group, every value of the others), given its outcome for each filter. */
function passesAll(filters: FilterValue[], outcome: (f: FilterValue) => Outcome): boolean {
  return filterGroups(filters).every((g) => (eitherOf(g) ? g.some((f) => outcome(f).pass) : g.every((f) => outcome(f).pass)));
}

type Outcome = { pass: boolean; values: FieldValue[]; unknown?: true };

/** The field a filter reads (a venue, year, country... of the record). */
const filterField = (filter: FilterValue): StudyField => (filter.field === "topic" ? "outcomes" : filter.field);

/**
 * Whether a record passes a filter, and the values that show it: for a plain filter the matching value; for a
 * negated one ("not in Indonesia") the record's own values for the field when none matches. A record that
 * states nothing for a negated filter's field is neither in nor out: `unknown`.
 */
function passes(context: ComposeContext, record: StudyRecord, filter: FilterValue, tableOnly: boolean): Outcome {
  const match = matching(context, record, filter, tableOnly);
  if (!filter.negated) return { pass: Boolean(match), values: match ? [match] : [] };
  if (match) return { pass: false, values: [] };
  // (A study whose text does not speak of a topic has nothing to show for it: listed by its title alone.)
  if (filter.field === "topic") return { pass: true, values: [] };
  const own = valuesOf(record, filterField(filter)).filter((v) => !tableOnly || v.source === "table");
  return own.length > 0 ? { pass: true, values: own } : { pass: false, values: [], unknown: true };
}

/** How much of a topic a study's own text must cover to be listed as about it. */
const TOPIC_MIN_COVERAGE = 0.5;

/**
 * The best sentence of some passages on the question's topic (stems), if it covers enough of it. `words`: the
 * topic in the asker's words, when a follow-up carries it ("how many are there?" after a list of studies on it).
 */
function topicSentenceIn(context: ComposeContext, passages: Passage[], topic: string[], words = ""): ScoredSentence | undefined {
  const wanted = new Set(topic);
  // A word the corpus never uses counts against the topic here ("Did any study measure depression with a
  // standard scale?": no study speaks of depression, whatever it says of measures); no abstention weighs it later.
  const weights = weighQuestion(`${context.question.text} ${words}`, context.termStats)
    .filter((w) => wanted.has(w.term))
    .map((w) => (w.salient ? { ...w, salient: false } : w));
  // "Which study was funded by the government?": a study speaks of it only in a sentence that gives the kind
  // of value asked (a funder), not in any sentence on the government.
  const types = context.question.answerTypes;
  const best = scoreSentences(sentencesOf(passages), weights, context.question, 1).find((s) => types.every((t) => carriesType(s.text, t)));
  return best && best.coverage >= TOPIC_MIN_COVERAGE ? best : undefined;
}

/** A topic word that nearly every study's text uses does not tell the studies apart. */
const UBIQUITOUS_SHARE = 0.8;
/** With fewer studies than this, "nearly every one" says nothing: every topic word counts. */
const MIN_STUDIES_FOR_UBIQUITY = 3;
const discriminating = new WeakMap<ComposeContext, Map<string, string[]>>();

/**
 * The topic's stems that tell the studies apart: "pendidikan anak korban" in a review whose every study is about
 * child victims ("anak", "korban") is about education. All of them when every one is that common.
 */
function topicStems(context: ComposeContext, key: string): string[] {
  let known = discriminating.get(context);
  if (!known) discriminating.set(context, (known = new Map()));
  const cached = known.get(key);
  if (cached) return cached;
  const topic = key.split(" ");
  const records = context.records;
  // (In any of its forms: the English "children" of a question is the review's "anak".)
  const translations = translateTerms(topic);
  const uses = (record: StudyRecord, t: string) =>
    context.passagesOf(record).some((p) => {
      const a = analyze(p.text);
      return [t, ...(translations.get(t) ?? [])].some((f) => a.terms.includes(f) || a.canonical.includes(f) || a.expansions.includes(f));
    });
  const rare = records.length < MIN_STUDIES_FOR_UBIQUITY ? topic : topic.filter((t) => records.filter((r) => uses(r, t)).length < UBIQUITOUS_SHARE * records.length);
  const out = rare.length > 0 ? rare : topic;
  known.set(key, out);
  return out;
}

/** The sentence of a study's own passages that best covers the question's topic, if it covers enough. */
function topicSentence(context: ComposeContext, record: StudyRecord, filter: FilterValue): FieldValue | undefined {
  const best = topicSentenceIn(context, context.passagesOf(record), topicStems(context, filter.key), filter.text);
  return best && { text: best.text, keys: [], passageId: best.passage.id, start: best.start, end: best.end, source: "text" };
}

function predicateOf(context: ComposeContext, filters: FilterValue[], one: boolean): string {
  const m = MESSAGES[context.lang];
  const label = (f: FilterValue) => (f.field === "country" && f.key.startsWith("region:") ? loadVocabulary("regions").label(f.key.slice(7), context.lang) : f.field === "venue" || f.field === "year" || f.field === "topic" ? f.text : keyLabel(f.field, f.key, context.lang));
  // Values of one field are said once: "mention interviews and observation in their method", "were found
  // through Neliti or ScienceDirect" (a field a study has one value of is asked as either).
  const said = filterGroups(filters).map((g) => {
    // "the Indonesia or United States" would put the article on the list: each country gets its own.
    const labels = g.map((f) => (f.field === "country" && context.lang === "en" ? theCountry(label(f)) : label(f)));
    const values = joinList(labels, context.lang, eitherOf(g) ? "or" : "and");
    return (g[0].negated ? m.negatedPredicate : m.predicate)[g[0].field](values, one);
  });
  return joinList(said, context.lang);
}

/** A sentence's words are (nearly) all in another's: quoting it after that one adds nothing. */
const NOTHING_MORE_SHARE = 0.8;
function saysNothingMore(sentence: string, other: string): boolean {
  const words = new Set(contentStems(sentence));
  const there = new Set(contentStems(other));
  return words.size > 0 && [...words].filter((t) => there.has(t)).length >= NOTHING_MORE_SHARE * words.size;
}

/** The vocabularies a title is read with for a categorical filter value. */
const TITLE_VOCABULARIES: Partial<Record<FilterValue["field"], VocabularyName>> = { design: "design", population: "population" };

/** The studies whose title names a (not negated) categorical value that no field of theirs has: one line each, the title quoted. */
function titlesNaming(context: ComposeContext, records: StudyRecord[], filters: FilterValue[]): { record: StudyRecord; sentence: AnswerSentence }[] {
  const m = MESSAGES[context.lang];
  const out: { record: StudyRecord; sentence: AnswerSentence }[] = [];
  for (const record of records) {
    const title = valuesOf(record, "title")[0];
    if (!title) continue;
    const named = filters.some((f) => {
      const vocabulary = TITLE_VOCABULARIES[f.field];
      if (f.negated || vocabulary === undefined) return false;
      // (By the vocabulary, or by the question's own word for it: "longitudinal" in "A longitudinal evaluation ...",
      // which the vocabulary reads whole as an evaluation.)
      const asked = new RegExp(`(?<![\\p{L}])${escapeRegExp(f.text)}(?![\\p{L}])`, "iu");
      return loadVocabulary(vocabulary).match(title.text).some((v) => v.key === f.key) || asked.test(title.text);
    });
    if (!named) continue;
    const b = new SentenceBuilder().say(`${m.onlyTitleNames(labelOf(context, record))} `).quote(title.text);
    const n = citeValue(context, title);
    if (n) b.cite(n);
    out.push({ record, sentence: b.done("composed") });
  }
  return out;
}

/** One line per study: its label and the cited value(s) that put it on the list. */
function itemSentence(context: ComposeContext, record: StudyRecord, values: FieldValue[], field: StudyField | undefined, extra: StudyField[], withTitle = true): AnswerSentence {
  const b = new SentenceBuilder().say(labelOf(context, record));
  // The title says which study it is. A value read from the title itself ("... in the United States")
  // is cited once, by the title.
  const title = valuesOf(record, "title")[0];
  const insideTitle = (v: FieldValue) => Boolean(title) && v.passageId === title.passageId && v.start >= title.start && v.end <= title.end;
  // (A count names the studies it counts by their labels, each with the value it is counted by: their titles
  // are no part of the answer, unless the value is read from one, or there is no value to show.)
  // Nor are they beside a name, date or place the question asks for ("Who are the authors of the included
  // studies?"): the label says which study it is, and the answer is that field. (Beside a finding quoted, the
  // title still says what the study is about: "Studi 10 ... Kabupaten Cianjur".)
  const answersOther = extra.some((f) => f !== "title" && !FREE_TEXT.has(f) && valuesOf(record, f).length > 0);
  const showTitle = (withTitle && !answersOther) || values.some(insideTitle) || (values.filter(Boolean).length === 0 && !answersOther) || extra.includes("title");
  if (title && showTitle) {
    b.say(", ").quote(title.text);
    const n = citeValue(context, title);
    if (n) b.cite(n);
    // The title asked for ("What are the titles of the studies?") is this quote, glossed for a reader of the
    // other language; it is not said again as a field.
    const passage = extra.includes("title") ? context.passage(title.passageId) : undefined;
    if (passage) addGloss(b, context, title.text, passage);
  }
  // A topic's best sentence may be the title itself: it is quoted once, above, not again as the value.
  const isTitle = (v: FieldValue) => Boolean(title) && v.text.trim() === title.text.trim();
  const shown = values.filter(Boolean).filter((v) => !isTitle(v));
  let said = false;
  if (shown.length > 0 && field) {
    b.say(": ");
    said = true;
    shown.forEach((v, i) => {
      if (i > 0) b.say(", ");
      writeValue(b, field, v, context.lang);
      const n = insideTitle(v) ? undefined : citeValue(context, v);
      if (n) b.cite(n);
    });
    // A sentence quoted for the topic (written as an outcome) is glossed for a reader of the other language, as a
    // free-text field is.
    const passage = FREE_TEXT.has(field) ? context.passage(shown[0].passageId) : undefined;
    if (passage) addGloss(b, context, shown.map((v) => v.text).join(". "), passage);
  }
  // The other fields the question asks for, each named by its field ("results: «...»", "authors: Emily F.
  // Rothman, et al."): the line already says which study it is.
  for (const f of extra.filter((f) => f !== "title")) {
    // A topic's sentence that says all the field's best one does is quoted once, not again under the field's name.
    const sameQuote = FREE_TEXT.has(f) && bestSentences(context, record, f, 1).every((v) => shown.some((w) => saysNothingMore(v.text, w.text)));
    if (sameQuote) continue;
    const s = fieldPhrase(context, record, f, 1, false);
    if (!s) continue;
    b.say(said ? "; " : ": ");
    b.say(`${fieldName(f, context.lang)}: `);
    if (FREE_TEXT.has(f)) b.appendWithin(s);
    else b.append(s);
    said = true;
  }
  return b.done("composed", true);
}

/** "What did each study recommend?": every study that states the field, in its own words. */
function fieldList(context: ComposeContext, fields: StudyField[]): Composition {
  const m = MESSAGES[context.lang];
  const hits = context.records.filter((r) => fields.some((f) => valuesOf(r, f).length > 0));
  const noun = studiesNoun(context.question.studiesNoun, context.lang);
  const predicate = m.statesField(joinList(fields.map((f) => fieldName(f, context.lang)), context.lang));
  const sentences: AnswerSentence[] = [new SentenceBuilder().say(m.listHead(hits.length, context.records.length, predicate, noun)).done("composed")];
  for (const record of hits) {
    // "- Study 3 (Rafferty, 2018): «...» [2]"; with several fields, each named: "theory: «...» [2]; aim: ...".
    const b = new SentenceBuilder().say(labelOf(context, record)).say(": ");
    let first = true;
    for (const field of fields) {
      const phrase = fieldPhrase(context, record, field, 1, false);
      if (!phrase) continue;
      if (!first) b.say("; ");
      if (fields.length > 1) b.say(`${fieldName(field, context.lang)}: `);
      b.append(phrase);
      first = false;
    }
    sentences.push(b.done("composed", true));
  }
  return { sentences, abstained: false, studies: hits.map((r) => r.number), reason: "", bestSupport: 1 };
}

const isOneOf = (refs: StudyRef[]) => (r: StudyRecord) => refs.some((e) => e.docId === r.docId && e.number === r.number);

function list(context: ComposeContext, filters: FilterValue[], fields: StudyField[], count: boolean, exclude: StudyRef[] = [], within?: StudyRef[]): Composition {
  if (!count && filters.length === 0 && fields.length > 0 && fields.every((f) => FREE_TEXT.has(f))) return fieldList(context, fields);
  const m = MESSAGES[context.lang];
  // "Which of those ...?": the studies of the previous answer, not all of them.
  const candidates = within ? context.records.filter(isOneOf(within)) : context.records;
  const total = candidates.length;
  const tableOnly = context.question.tableOnly;
  const excluded = isOneOf(exclude);
  // Each record's outcome for each filter, worked out once (a topic filter scores the study's sentences).
  const outcomes = new Map(candidates.filter((r) => !excluded(r)).map((r) => [r, new Map(filters.map((f) => [f, passes(context, r, f, tableOnly)]))]));
  const outcome = (r: StudyRecord) => (f: FilterValue) => outcomes.get(r)!.get(f)!;
  const hits = [...outcomes.keys()].filter((r) => passesAll(filters, outcome(r)));
  // "Not in Indonesia": a study that states no country is neither, and is named as such after the list.
  const unknown = [...outcomes.keys()].filter((r) => !hits.includes(r) && filters.some((f) => outcome(r)(f).unknown));
  const predicate = predicateOf(context, filters, hits.length === 1);
  const noun = studiesNoun(context.question.studiesNoun, context.lang);
  const sentences: AnswerSentence[] = [];
  if (hits.length === 0 && filters.length > 0) {
    const others = exclude.length > 0 ? m.noneOther(joinList(exclude.map((e) => context.records.find((r) => r.docId === e.docId && r.number === e.number)).filter((r): r is StudyRecord => r !== undefined).map((r) => labelOf(context, r)), context.lang)) : "";
    sentences.push(new SentenceBuilder().say(m.noneHead(total, predicate + others, noun)).done());
    // Show what the studies are instead, so the negative can be checked.
    const field = filters[0].field;
    // "Which study used a longitudinal design?": none by its method, but a title may say it ("A longitudinal evaluation ...").
    const byTitle = titlesNaming(context, candidates, filters);
    sentences.push(...byTitle.map((t) => t.sentence));
    if (field !== "topic") sentences.push(...distribution(context, field === "venue" ? "venue" : field).sentences);
    // "Which paper is about technology acceptance?": none of the review's studies, but a paper of the library may be.
    else if (!within && exclude.length === 0) sentences.push(...otherDocumentsAbout(context, filters.flatMap((f) => f.key.split(" "))));
    return { sentences, abstained: false, studies: byTitle.map((t) => t.record.number), reason: "", bestSupport: 1 };
  }
  const of = within ? m.those(total) : total;
  const head = count ? m.countHead(hits.length, of, predicate, noun) : m.listHead(hits.length, of, predicate, noun);
  // Nothing filtered: every study of the review ("The review includes 10 studies:"), when they are one document's.
  const docIds = new Set(candidates.map((r) => r.docId));
  const all = within || docIds.size !== 1 ? m.countHead(total, total, "", noun).replace(/\s+:$/, ":") : m.allHead(documentName(context, [...docIds][0]), total, noun);
  sentences.push(new SentenceBuilder().say(filters.length > 0 ? head : all).done("composed"));
  for (const record of hits) {
    // (One value that passes several filters, "in Africa", "outside Asia", "not Indonesia", is said once.)
    const values = filters.flatMap((f) => outcome(record)(f).values).filter((v, i, all) => all.findIndex((o) => o.passageId === v.passageId && o.start === v.start && o.end === v.end) === i);
    const field = filters[0]?.field;
    // A topic list asking for a field shows that field ("UNICEF study ... which country?"), else the topic's sentence.
    const shown = field === "topic" ? fields.find((f) => !FREE_TEXT.has(f) && valuesOf(record, f).length > 0) : undefined;
    if (shown) sentences.push(itemSentence(context, record, valuesOf(record, shown).slice(0, 1), shown, [], !count));
    else sentences.push(itemSentence(context, record, values, field === "topic" ? "outcomes" : field, fields.filter((f) => f !== field), !count));
  }
  if (unknown.length > 0) {
    const which = joinList(unknown.map((r) => labelOf(context, r)), context.lang);
    sentences.push(new SentenceBuilder().say(m.fieldMissing(which, filterField(filters.find((f) => f.negated)!))).done("composed"));
  }
  // "Apa rekomendasi studi-studi di Indonesia?": the listed studies whose records lack an asked field are named.
  if (!count) {
    for (const f of fields.filter((f) => f !== filters[0]?.field)) {
      const lacking = hits.filter((r) => valuesOf(r, f).length === 0);
      if (lacking.length > 0) sentences.push(new SentenceBuilder().say(m.fieldMissing(joinList(lacking.map((r) => labelOf(context, r)), context.lang), f)).done("composed"));
    }
  }
  return { sentences, abstained: false, studies: hits.map((r) => r.number), reason: "", bestSupport: 1 };
}

/** The distribution of a field over the studies, largest group first; `leadWithMost`: said first, "The most common design is ...". */
function distribution(context: ComposeContext, field: StudyField, leadWithMost = false, repeatedOnly = false): Composition {
  const m = MESSAGES[context.lang];
  const groups = new Map<string, { records: StudyRecord[]; values: FieldValue[] }>();
  const unknown: StudyRecord[] = [];
  // A study has one year (country, venue...): where the review gives two, the study is counted under its table's
  // value and the other is said beside it, as a lookup says it, not counted a second time.
  const otherValues = new Map<StudyRecord, FieldValue[]>();
  for (const record of context.records) {
    const all = valuesOf(record, field);
    const values = ONE_VALUE_FIELDS.has(field as FilterValue["field"]) && record.conflicts.includes(field) ? ownValuesOf(record, field) : all;
    if (values.length < all.length) otherValues.set(record, all.filter((v) => !values.includes(v)));
    const keys = [...new Set(values.flatMap((v) => (v.keys.length > 0 ? v.keys : [v.text])))];
    if (keys.length === 0) unknown.push(record);
    for (const key of keys) {
      const g = groups.get(key) ?? { records: [], values: [] };
      g.records.push(record);
      const v = values.find((x) => x.keys.includes(key) || x.text === key);
      if (v) g.values.push(v);
      groups.set(key, g);
    }
  }
  const noun = studiesNoun(context.question.studiesNoun, context.lang);
  // Years read in order; other values from the largest group down.
  const all = [...groups].sort((a, b) => (field === "year" ? Number(a[0]) - Number(b[0]) : b[1].records.length - a[1].records.length));
  // "more than one study": only the values several studies share, said to be those; with none, said so, and all.
  const shared = all.filter(([, g]) => g.records.length > 1);
  const ordered = repeatedOnly && shared.length > 0 ? shared : all;
  const label = (key: string) => (field === "year" || field === "venue" ? key : keyLabel(field, key, context.lang));
  const sentences: AnswerSentence[] = [];
  if (field === "year" && !leadWithMost && !repeatedOnly && ordered.length > 1) {
    // "Between which years?": the span first, cited to the first and the last year.
    const [first, last] = [ordered[0], ordered[ordered.length - 1]];
    const b = new SentenceBuilder().say(m.yearSpan(context.records.length - unknown.length, studiesNoun(context.question.studiesNoun, context.lang), first[0], last[0]));
    for (const v of [first[1].values[0], last[1].values[0]]) {
      const n = v ? citeValue(context, v) : undefined;
      if (n) b.cite(n);
    }
    sentences.push(b.say(".").done("composed"));
  }
  if (leadWithMost && ordered.length > 0) {
    // Ties are named together: "interviews and literature review, 3 of the 10 studies each".
    const largest = ordered[0][1].records.length;
    const top = ordered.filter(([, g]) => g.records.length === largest);
    const b = new SentenceBuilder().say(m.mostCommon(fieldName(field, context.lang), joinList(top.map(([key]) => label(key)), context.lang), top.length, largest, context.records.length, noun));
    for (const n of new Set(top.flatMap(([, g]) => g.values.map((v) => citeValue(context, v))))) if (n) b.cite(n);
    sentences.push(b.say(".").done("composed"));
  }
  // "How many countries were studied?": how many different values, first, cited to one cell of each.
  if (context.question.count && !context.question.studiesNoun && ordered.length > 0) {
    const b = new SentenceBuilder().say(m.distinctValues(ordered.length, field, context.records.length - unknown.length, noun));
    for (const n of new Set(ordered.map(([, g]) => (g.values[0] ? citeValue(context, g.values[0]) : undefined)))) if (n) b.cite(n);
    sentences.push(b.say(".").done("composed"));
  }
  if (repeatedOnly) sentences.push(new SentenceBuilder().say(shared.length > 0 ? m.repeatedHead(shared.length, field, noun) : m.repeatedNone(field, noun)).done("composed"));
  if (!repeatedOnly || shared.length === 0) sentences.push(new SentenceBuilder().say(m.distributionHead(context.records.length, field, noun)).done("composed"));
  for (const [key, g] of ordered) {
    // Each group with how many it holds ("Google Scholar (7): ...").
    const b = new SentenceBuilder().say(`${label(key)}: ${m.groupSize(g.records.length, noun)} — `);
    g.records.forEach((r, i) => {
      if (i > 0) b.say(", ");
      b.say(labelOf(context, r));
      const v = g.values[i];
      const n = v ? citeValue(context, v) : undefined;
      if (n) b.cite(n);
      const others = otherValues.get(r) ?? [];
      if (others.length > 0) sayConflict(b, context, field, others);
    });
    sentences.push(b.done("composed", true));
  }
  if (unknown.length > 0 && !(repeatedOnly && shared.length > 0)) sentences.push(new SentenceBuilder().say(m.notStated(joinList(unknown.map((r) => labelOf(context, r)), context.lang))).done("composed", true));
  return { sentences, abstained: false, studies: ordered.flatMap(([, g]) => g.records.map((r) => r.number)), reason: "", bestSupport: 1 };
}

/** Number words a count of people may start with: claim-words' list, and the ones it leaves out as too vague for a claim. */
const COUNT_WORDS: Record<string, string> = { ...NUMBER_WORDS, one: "1", satu: "1", dozen: "12" };
/** Every sample-size phrase of a sentence (VALUE_PATTERNS.sample, all matches). */
const SAMPLE_PHRASES = new RegExp(VALUE_PATTERNS.sample.source, "giu");
/** Indonesian number words that scale the one before ("dua puluh", "tiga ratus", "lima belas"). */
const SCALES: Record<string, (n: number) => number> = { belas: (n) => n + 10, puluh: (n) => n * 10, ratus: (n) => n * 100, hundred: (n) => n * 100 };

/** The number of people a sample-size phrase gives ("300 gadis", "enam penyintas", "n = 41", "1.200 responden"). */
export function sampleNumber(phrase: string): number | undefined {
  const n = /\bn\s*=\s*(\d+)/i.exec(phrase);
  if (n) return Number(n[1]);
  const [first, second] = phrase.toLowerCase().split(/\s+/);
  // "1.200" and "1,200" group thousands; "2.5" is no count of people.
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(first)) return Number(first.replace(/[.,]/g, ""));
  if (/^\d+$/.test(first)) return Number(first);
  const word = COUNT_WORDS[first];
  if (word === undefined) return undefined;
  return SCALES[second]?.(Number(word)) ?? Number(word);
}

/**
 * "Which study had the most participants?": the people each study's own passages count (the largest
 * sample-size phrase of each; VALUE_PATTERNS.sample), ranked, each quoted so that the reader sees what was
 * counted; the studies that give no number are named, so the ranking is never read as covering them.
 */
function bySampleSize(context: ComposeContext, largest: boolean): Composition {
  const m = MESSAGES[context.lang];
  const noun = studiesNoun(context.question.studiesNoun, context.lang);
  const found: { record: StudyRecord; count: number; sentence: ReturnType<typeof sentencesOf>[number] }[] = [];
  const none: StudyRecord[] = [];
  for (const record of context.records) {
    let best: (typeof found)[number] | undefined;
    for (const sentence of sentencesOf(context.passagesOf(record))) {
      for (const match of sentence.text.matchAll(SAMPLE_PHRASES)) {
        const count = sampleNumber(match[0]);
        if (count !== undefined && (!best || count > best.count)) best = { record, count, sentence };
      }
    }
    if (best) found.push(best);
    else none.push(record);
  }
  if (found.length === 0) return { sentences: [new SentenceBuilder().say(m.sampleNone(context.records.length, noun)).done("frame")], abstained: false, studies: [], reason: "", bestSupport: 0 };
  found.sort((a, b) => (largest ? b.count - a.count : a.count - b.count));
  const sentences: AnswerSentence[] = [new SentenceBuilder().say(m.sampleLead(found.length, context.records.length, noun, largest)).done()];
  for (const f of found) {
    const b = new SentenceBuilder().say(`${labelOf(context, f.record)}: `);
    b.quote(f.sentence.text).cite(context.citations.cite(f.sentence.passage, f.sentence.start, f.sentence.end));
    addGloss(b, context, f.sentence.text, f.sentence.passage);
    sentences.push(b.done("composed", true));
  }
  if (none.length > 0) sentences.push(new SentenceBuilder().say(m.sampleOthers(none.length, joinList(none.map((r) => labelOf(context, r)), context.lang))).done());
  // (What the question asked for is the first: "what did they find?" goes on about it, not the runners-up.)
  const focus = found.filter((f) => f.count === found[0].count).map((f) => f.record.number);
  return { sentences, abstained: false, studies: found.map((f) => f.record.number), focus, reason: "", bestSupport: 1 };
}

/**
 * "Were only English-language articles included?": no, only 4 of the 10 are; or yes, every one that states it
 * is. Said first, then every study by that field, so the answer can be checked.
 */
function onlyAnswer(context: ComposeContext, value: FilterValue, field: StudyField): Composition {
  const m = MESSAGES[context.lang];
  const outcomes = context.records.map((r) => ({ r, o: passes(context, r, value, false) }));
  const hits = outcomes.filter((x) => x.o.pass).length;
  const others = outcomes.filter((x) => !x.o.pass && valuesOf(x.r, field).length > 0).length;
  const noun = studiesNoun(context.question.studiesNoun, context.lang);
  const predicate = predicateOf(context, [value], hits === 1);
  const lead = others === 0 && hits > 0 ? m.onlyYes(hits, context.records.length, predicate, noun) : m.onlyNo(hits, context.records.length, predicate, noun);
  const rest = distribution(context, field);
  return { ...rest, sentences: [new SentenceBuilder().say(lead).done("composed"), ...rest.sentences] };
}

/** The earliest or latest studies by year; with `also`, those fields of the study asked for ("... and what did it find?"). */
function extreme(context: ComposeContext, op: "earliest" | "latest", also: StudyField[] = []): Composition {
  const m = MESSAGES[context.lang];
  const dated = context.records
    .map((r) => ({ r, v: valuesOf(r, "year").find((x) => x.source === "table") ?? valuesOf(r, "year")[0] }))
    .filter((x): x is { r: StudyRecord; v: FieldValue } => Boolean(x.v));
  if (dated.length === 0) return { sentences: [], abstained: true, studies: [], reason: "no years", bestSupport: 0 };
  const years = dated.map((x) => Number(x.v.keys[0]));
  const pick = (target: number) => dated.filter((x) => Number(x.v.keys[0]) === target);
  const sentences: AnswerSentence[] = [];
  const named: number[] = [];
  // The end asked for (the first said) is what the answer is about ("what did it find?" after "Which study is the oldest?").
  let focusRefs: StudyRef[] = [];
  // The other end too only when asked for ("Which study is the oldest and which is the most recent?").
  const w = questionWords();
  const both = hasPhrase(context.question.tokens, w.extreme_early) && hasPhrase(context.question.tokens, w.extreme_late);
  const ends = both ? (op === "earliest" ? (["earliest", "latest"] as const) : (["latest", "earliest"] as const)) : ([op] as const);
  for (const which of ends) {
    const target = which === "earliest" ? Math.min(...years) : Math.max(...years);
    const items = pick(target);
    if (which === op) focusRefs = items.map((x) => ({ docId: x.r.docId, number: x.r.number }));
    const b = new SentenceBuilder().say(m[which](joinList(items.map((x) => labelOf(context, x.r)), context.lang), String(target)));
    for (const x of items) {
      const n = citeValue(context, x.v);
      if (n) b.cite(n);
      named.push(x.r.number);
    }
    sentences.push(b.done());
  }
  if (also.length > 0) sentences.push(...lookup(context, focusRefs, also).sentences);
  return { sentences, abstained: false, studies: named, focus: focusRefs.map((r) => r.number), reason: "", bestSupport: 1 };
}

/** `needle` anywhere in `text`, case and spacing aside; a footnote mark or affiliation number may follow ("He∗1"). */
function spansOf(text: string, needle: string): { start: number; end: number }[] {
  const words = needle.trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return [];
  return [...text.matchAll(new RegExp(`(?<!\\p{L})${words.join("\\s+")}(?!\\p{L})`, "giu"))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A quote of a front-matter value reaches at most this far either side of it, to the line or sentence around it. */
const IDENTITY_CONTEXT_CHARS = 100;

/** The span widened to the sentence or line it sits in (a year alone says nothing: "17 Jan 2025" does). */
function widen(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && start - from < IDENTITY_CONTEXT_CHARS && !/[.!?\n]\s$/.test(text.slice(from - 2, from)) && text[from - 1] !== "\n") from--;
  let to = end;
  while (to < text.length && to - end < IDENTITY_CONTEXT_CHARS && !/[.!?\n]/.test(text[to])) to++;
  while (from < start && /\s/.test(text[from])) from++;
  return { start: from, end: to };
}

/**
 * Where a document prints its identity: the front-matter passage holding the most of `needles` (the authors'
 * names, the year, the venue, the title's opening words), and the line or sentence from the first to the last.
 */
export function identitySpan(passages: Passage[], needles: string[][], wide: boolean): { passage: Passage; start: number; end: number } | undefined {
  let best: { passage: Passage; start: number; end: number; found: number } | undefined;
  for (const passage of passages) {
    // Each needle's first spelling that is there ("Mohammad Chuttur", else "Chuttur").
    const hits = needles.map((spellings) => spellings.map((n) => spansOf(passage.text, n)[0]).find(Boolean)).filter((h): h is { start: number; end: number } => Boolean(h));
    if (hits.length > 0 && (!best || hits.length > best.found)) {
      const start = Math.min(...hits.map((h) => h.start));
      const end = Math.max(...hits.map((h) => h.end));
      best = { passage, ...(wide ? widen(passage.text, start, end) : { start, end }), found: hits.length };
    }
  }
  return best && { passage: best.passage, start: best.start, end: best.end };
}

/** What to look for in a document's front matter to cite the field the answer states, each in its spellings. */
export function identityNeedles(doc: DocumentInfo, field: DocumentField): string[][] {
  if (field === "authors") return doc.authors.map((a) => [a, a.trim().split(/\s+/).at(-1)!].filter((n) => n.length > 1));
  if (field === "year") return doc.year ? [[String(doc.year)]] : [];
  if (field === "venue") return doc.venue ? [[doc.venue]] : [];
  if (field === "affiliations") return (doc.affiliations ?? []).map((a) => [a, a.split(",")[0]]);
  if (field === "corresponding") return doc.correspondingAuthor ? [[doc.correspondingAuthor]] : [];
  if (field === "doi") return doc.doi ? [[doc.doi]] : [];
  return [[doc.title, doc.title.split(/\s+/).slice(0, 4).join(" ")]];
}

/** What the answer says of one document's field, and whether the document gives it. */
function identitySentence(context: ComposeContext, doc: DocumentInfo, plan: { field: DocumentField; count?: true; nth?: number }): { text: string; known: boolean } {
  const m = MESSAGES[context.lang];
  const authors = joinList(doc.authors, context.lang);
  switch (plan.field) {
    case "authors": {
      if (doc.authors.length === 0) return { text: m.documentNoAuthors(doc.short, [doc.venue, doc.year].filter(Boolean).join(", ") || "?"), known: false };
      if (plan.nth !== undefined) {
        const author = plan.nth === -1 ? doc.authors.at(-1) : doc.authors[plan.nth - 1];
        return { text: author ? m.documentNthAuthor(`«${doc.title}»`, plan.nth, author) : m.documentFewerAuthors(`«${doc.title}»`, doc.authors.length, authors), known: true };
      }
      return { text: plan.count ? m.documentAuthorCount(`«${doc.title}»`, doc.authors.length, authors) : m.documentAuthors(doc.title, authors), known: true };
    }
    case "year":
      return doc.year ? { text: m.documentYear(doc.short, String(doc.year)), known: true } : { text: m.documentLacks.year(doc.short), known: false };
    case "venue":
      return doc.venue ? { text: m.documentVenue(doc.short, doc.venue), known: true } : { text: m.documentLacks.venue(doc.short), known: false };
    case "affiliations":
      return doc.affiliations?.length ? { text: m.documentAffiliations(doc.short, joinList(doc.affiliations, context.lang)), known: true } : { text: m.documentLacks.affiliations(doc.short), known: false };
    case "corresponding":
      return doc.correspondingAuthor ? { text: m.documentCorresponding(doc.short, doc.correspondingAuthor), known: true } : { text: m.documentLacks.corresponding(doc.short), known: false };
    case "doi":
      return doc.doi ? { text: m.documentDoi(doc.short, doc.doi), known: true } : { text: m.documentLacks.doi(doc.short), known: false };
    default:
      return { text: m.documentTitle(doc.short, `«${doc.title}»`), known: true };
  }
}

/** The orders a review-meta plan puts documents in: by what, which way, the field cited, and what is said of the first. */
const DOCUMENT_ORDERS: Record<DocumentOrder, { key: (d: DocumentInfo) => number | undefined; descending: boolean; field: "year" | "authors"; say: (m: AnswerMessages, first: DocumentInfo, among: number) => string }> = {
  earliest: { key: (d) => d.year ?? undefined, descending: false, field: "year", say: (m, d, among) => m.documentExtreme(true, d.short, among) },
  latest: { key: (d) => d.year ?? undefined, descending: true, field: "year", say: (m, d, among) => m.documentExtreme(false, d.short, among) },
  "most-authors": { key: (d) => d.authors.length || undefined, descending: true, field: "authors", say: (m, d, among) => m.documentMostAuthors(true, d.short, d.authors.length, among) },
  "fewest-authors": { key: (d) => d.authors.length || undefined, descending: false, field: "authors", say: (m, d, among) => m.documentMostAuthors(false, d.short, d.authors.length, among) },
};

function reviewMeta(context: ComposeContext, plan: { docs: string[]; field: DocumentField; also?: DocumentField[]; count?: true; nth?: number; order?: DocumentOrder }): Composition {
  const m = MESSAGES[context.lang];
  const { docs, field } = plan;
  const fields = [field, ...(plan.also ?? [])];
  const sentences: AnswerSentence[] = [];
  // "Which paper is older, PaSa or TraceMonkey?", "Which paper has the most authors?": the one asked for, said
  // first, then each one's year (or authors) in that order.
  let inScope = context.documents.filter((d) => docs.length === 0 || docs.includes(d.id));
  const order = plan.order ? DOCUMENT_ORDERS[plan.order] : undefined;
  if (order && inScope.every((d) => order.key(d) !== undefined)) {
    const key = (d: DocumentInfo) => order.key(d)!;
    inScope = [...inScope].sort((a, b) => (order.descending ? key(b) - key(a) : key(a) - key(b)));
    const first = inScope[0];
    if (inScope.length > 1 && key(inScope[1]) !== key(first)) {
      const span = identitySpan(context.opening?.(first.id) ?? [], identityNeedles(first, order.field), order.field === "year");
      const b = new SentenceBuilder().say(order.say(m, first, inScope.length));
      if (span) b.cite(context.citations.cite(span.passage, span.start, span.end));
      sentences.push(b.done());
    }
  }
  // Every document's title: the collection, listed.
  const listed = field === "title" && docs.length === 0 && context.documents.length > 1;
  if (listed) sentences.push(new SentenceBuilder().say(m.documentsHead(context.documents.length)).done("composed"));
  let missing = 0;
  for (const doc of inScope) {
    // "Where and when?": a venue line that gives the year ("PLDI’09, June 15–20, 2009, Dublin") says both.
    const yearInVenue = fields.includes("venue") && doc.year !== null && (doc.venue ?? "").includes(String(doc.year));
    for (const asked of fields.filter((f) => !(f === "year" && yearInVenue))) {
      const b = new SentenceBuilder();
      const { text, known } = identitySentence(context, doc, { ...plan, field: asked });
      b.say(text);
      if (!known) missing++;
      const span = known ? identitySpan(context.opening?.(doc.id) ?? [], identityNeedles(doc, asked), asked === "year") : undefined;
      if (span) b.cite(context.citations.cite(span.passage, span.start, span.end));
      // A value no front-matter passage holds (a PDF's info dictionary, a margin stamp, studies.json) cannot be cited: say so.
      else if (known) b.say(` ${m.fromMetadata}`);
      sentences.push(listed ? b.done("composed", true) : b.done());
    }
  }
  // "Who wrote it?" when the document does not say is a correct abstention, not an answer.
  const abstained = sentences.length === 0 || missing === sentences.length;
  return { sentences, abstained, studies: [], ...(inScope.length > 1 ? { documents: inScope.map((d) => d.id) } : {}), reason: abstained ? "the document does not give it" : "", bestSupport: abstained ? 0 : 1 };
}

/**
 * "Which documents are about JavaScript?": the documents whose front matter (title, abstract, keywords) covers
 * the topic, each with the sentence that shows it; then those that only mention it further in, among the
 * passages the search found. None is an answer too ("None of the 3 documents is about ...").
 */
function documentsAbout(context: ComposeContext, topic: string[]): Composition {
  const m = MESSAGES[context.lang];
  const words = topicWords(context.question.text, topic);
  const item = (doc: DocumentInfo, s: ScoredSentence) => documentItem(context, doc, s);
  const about = aboutInOpenings(context, context.documents, topic);
  const mentions = context.documents
    .filter((doc) => !about.some((a) => a.doc === doc))
    .flatMap((doc) => {
      const s = topicSentenceIn(context, (context.retrieved ?? []).filter((p) => p.docId === doc.id && p.kind !== "reference"), topic);
      return s ? [{ doc, s }] : [];
    });
  const sentences: AnswerSentence[] = [];
  const total = context.documents.length;
  if (about.length === 0) sentences.push(new SentenceBuilder().say(m.noDocumentAbout(total, words)).done("composed"));
  else sentences.push(new SentenceBuilder().say(m.documentsAbout(about.length, total, words)).done("composed"), ...about.map((a) => item(a.doc, a.s)));
  if (mentions.length > 0) sentences.push(new SentenceBuilder().say(m.mentionedIn(words)).done("composed"), ...mentions.map((a) => item(a.doc, a.s)));
  const listed = [...about, ...mentions].map((a) => a.doc.id);
  return { sentences, abstained: false, studies: [], ...(listed.length > 1 ? { documents: listed } : {}), reason: "", bestSupport: about.length > 0 ? 1 : 0 };
}

/** The library's documents without studies of their own whose front matter covers a topic, each with the sentence that shows it. */
function otherDocumentsAbout(context: ComposeContext, topic: string[]): AnswerSentence[] {
  const others = context.documents.filter((doc) => !context.records.some((r) => r.docId === doc.id));
  const about = aboutInOpenings(context, others, topic);
  if (about.length === 0) return [];
  const m = MESSAGES[context.lang];
  const head = new SentenceBuilder().say(m.otherDocumentsAbout(about.length, topicWords(context.question.text, topic))).done("composed");
  return [head, ...about.map((a) => documentItem(context, a.doc, a.s))];
}

/** The documents whose front matter covers a topic, each with the sentence that shows it. */
function aboutInOpenings(context: ComposeContext, documents: DocumentInfo[], topic: string[]): { doc: DocumentInfo; s: ScoredSentence }[] {
  return documents.flatMap((doc) => {
    const s = topicSentenceIn(context, context.opening?.(doc.id) ?? [], topic);
    return s ? [{ doc, s }] : [];
  });
}

/** A document named by its short form and title, with the sentence of it that shows what was asked. */
function documentItem(context: ComposeContext, doc: DocumentInfo, s: ScoredSentence): AnswerSentence {
  const b = new SentenceBuilder().say(`${doc.short}, «${doc.title}»: `).quote(s.text).cite(context.citations.cite(s.passage, s.start, s.end));
  return addGloss(b, context, s.text, s.passage).done("composed", true);
}

export function composeFromRecords(context: ComposeContext, plan: Plan): Composition | undefined {
  switch (plan.kind) {
    case "lookup":
      return lookup(context, plan.studies, plan.fields, plan.overview ?? false);
    case "compare":
      return compare(context, plan.studies, plan.fields, context.question.asks.length === 0);
    case "list":
      return list(context, plan.filters, plan.fields, false, plan.exclude, plan.within);
    case "count":
      return list(context, plan.filters, [], true, [], plan.within);
    case "aggregate": {
      // "Which of those ...?": the studies the conversation narrowed to.
      const scoped = plan.within ? { ...context, records: context.records.filter(isOneOf(plan.within)) } : context;
      if (plan.op === "largest-sample" || plan.op === "smallest-sample") return bySampleSize(scoped, plan.op === "largest-sample");
      if (plan.only) return onlyAnswer(context, plan.only, plan.field);
      if (plan.op === "repeated") return distribution(context, plan.field, false, true);
      return plan.op === "distribution" || plan.op === "most-common" ? distribution(context, plan.field, plan.op === "most-common") : extreme(scoped, plan.op, plan.also);
    }
    case "review-meta":
      return plan.topic ? documentsAbout(context, plan.topic) : reviewMeta(context, plan);
    case "out-of-scope":
      return plan.noSuchStudy ? noSuchStudy(context, plan.noSuchStudy) : undefined;
    default:
      return undefined;
  }
}

/** "What did study 11 find?" of a review of ten: says so, and how its studies are numbered. Nothing is cited. */
function noSuchStudy(context: ComposeContext, numbers: number[]): Composition {
  const studies = context.records.filter((r) => r.kind === "study");
  const last = Math.max(0, ...studies.map((r) => r.number));
  const text = MESSAGES[context.lang].noSuchStudy(joinList(numbers.map(String), context.lang), numbers.length > 1, studies.length, last);
  return { sentences: [new SentenceBuilder().say(text).done("frame")], abstained: true, studies: [], reason: `no study ${numbers.join(", ")}`, bestSupport: 0 };
}

/** Whether a country key is the place asked for: that country, or a country of the region ("region:AF"). */
const placeFits = (key: string, asked: string) => (asked.startsWith("region:") ? continentOf(key) === asked.slice(7) : key === asked);
const placeValues = (record: StudyRecord) => [...valuesOf(record, "country"), ...valuesOf(record, "setting")];

/**
 * Whether a study was done in one of the places asked for (country keys, or "region:AF"): true or false when
 * its record says where it was done, undefined when it does not.
 */
export function studyIsIn(record: StudyRecord, places: readonly string[]): boolean | undefined {
  const keys = placeValues(record).flatMap((v) => v.keys);
  if (keys.length === 0) return undefined;
  return keys.some((key) => places.some((asked) => placeFits(key, asked)));
}
