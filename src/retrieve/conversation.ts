/**
 * Follow-ups: a question is read against the previous turn of the conversation.
 *  - "the second one" / "yang kedua": the second item of the latest list (the previous answer's, or the one
 *    before it when the previous answer was about one of its items);
 *  - a pronoun ("it", "itu", "-nya", "that study") or an elliptic question ("and the results?",
 *    "dan hasilnya?"): the study the previous turn was about;
 *  - a plural pronoun ("those", "mereka", "keduanya"): all the studies the previous answer named;
 *  - a change of subject ("kalau di Indonesia gimana?"): a new filter value; the old studies are dropped
 *    and the previous question's kind and fields carry over; after a list, a filter value with no subject
 *    of its own ("yang pakai wawancara yang mana?") is such a follow-up too;
 *  - a short question with no field of its own ("and study 7?") asks what the previous one asked;
 *  - "and which did not?", "yang tidak?" after a list or count by one value: that value negated.
 * The previous turn is described by its question, its plan kind and the studies its answer named
 * (answer.ts replays it: the server keeps no state between requests).
 */
import { AGGREGATABLE_FIELDS, type StudyField } from "../domain/study.ts";
import { contentStems } from "../text/analyze.ts";
import { hasPhrase, pointsBackWithNya, questionWords } from "./question-words.ts";
import { askedOfAuthors, DEFINITION_QUESTION, framingStems, saysOnlyValues, yearValues, type FilterValue, type Question, type StudyRef } from "./question.ts";

export interface ChatMessage {
  role: "user" | "assistant" | "system";
  content: string;
}

export interface PreviousTurn {
  question: Question;
  /** The previous plan's kind ("list", "lookup", ...). */
  planKind: string;
  /** The fields the previous plan was about. */
  fields: StudyField[];
  /** The filters of the previous list or count ("speak of sexual exploitation", "in Indonesia"). */
  filters?: FilterValue[];
  /** Studies the previous answer named, in the order it named them. */
  entities: StudyRef[];
  /** The studies it was about, when it named others besides (the oldest, beside the most recent). */
  focus?: StudyRef[];
  /** The studies of the latest answer that named several (this one or an earlier one), for "the second one". */
  lastList?: StudyRef[];
  /** The studies the conversation's answers named, one by one, latest last (at most a few): "compare them" after two single-study answers. */
  recentStudies?: StudyRef[];
  /** The one document the previous answer quoted, in an index of several: what "it" goes on about. */
  document?: string;
  /** The documents the previous answer listed one by one, in order: "the second one" is the second of them. */
  documents?: string[];
}

export interface ResolvedQuestion {
  question: Question;
  followUp: boolean;
  /** Where the studies came from: named in the question, an ordinal, a pronoun, or none. */
  studiesFrom: "question" | "ordinal" | "pronoun" | "none";
  /** Text to search with: the question, plus the previous question for a follow-up that says little itself. */
  searchText: string;
  /** A plan kind to keep (change of subject in a list/count/aggregate conversation). */
  carryKind?: string;
  /** "Which of those were qualitative?": the studies a list or count is to be taken from (the previous answer's). */
  within?: StudyRef[];
  /** "how many are there?" after a list: the list's filters, to count by. */
  carryFilters?: FilterValue[];
}

/** Fields that name, date or place a study: a topic asked after one of them is no part of it. */
const IDENTITY_FIELDS: ReadonlySet<StudyField> = new Set(["title", "authors", "year", "venue", "database", "country", "setting", "language"]);

/** A question with at most this many content terms says too little on its own to search with. */
export const SHORT_QUESTION_TERMS = 4;

/** Words that name the review itself, not any document ("this review", "tinjauan ini", "kajian ini"). */
const REVIEW_WORD = /\b(?:review|reviewnya|tinjauan|kajian)\b/i;
/** A follow-up that opens with a relative clause about what was listed: "yang di Indonesia ...", "the one from ...". */
const RELATIVE_START = /^\s*(?:yang|yg|the\s+ones?\s+(?:in|from|that|which|with|done|set))\b/i;

/**
 * "and which did not?", "which ones weren't?", "the others?", "yang tidak?", "sisanya?": the studies the last
 * list or count left out.
 */
const COMPLEMENT =
  /^\s*(?:(?:and|but|what about|how about|dan|terus|trus|lalu|kalau|kalo)\s+)?(?:(?:which|what)(?:\s+ones?)?\s+(?:did|do|does|were|was|are|is|have|has)(?:\s+not|n't)|(?:which|what)(?:\s+ones?)?\s+(?:didn't|don't|doesn't|weren't|wasn't|aren't|isn't|haven't|hasn't)|the\s+(?:others?|rest|other\s+ones)|(?:yang|yg)\s+(?:tidak|tdk|nggak|ngga|gak|ga|enggak|bukan|lain|lainnya)|sisanya|lainnya)\b[^?]*\??\s*$/iu;

/** A request to name what was counted: "sebutin dong", "sebutkan", "list them", "name them", "show them". */
const LIST_REQUEST = /^\s*(?:sebut(?:in|kan)|list|name|show)\b/i;

/**
 * The words of a question that say what it is about: not those that only frame it (question and field words),
 * which would make a follow-up search for them ("how well does it perform?" after "who made it?" is not about
 * making).
 */
function whatItWasAbout(question: Question, without: ReadonlySet<string> = new Set()): string {
  const framing = framingStems();
  return question.text
    .split(/\s+/)
    .filter((word) => contentStems(word).some((t) => !framing.has(t) && !without.has(t)))
    .join(" ");
}

/**
 * The stems by which a question named its subject: its studies' names and its filter values. A follow-up that
 * names a subject of its own ("and what did UNICEF do in Indonesia?" after Save the Children) searches for
 * what the previous question asked without whom it asked it of.
 */
function subjectStems(question: Question): Set<string> {
  return new Set([...question.studies.flatMap((s) => (s.by ? contentStems(s.by) : [])), ...question.values.flatMap((v) => contentStems(v.text))]);
}

/** A request for the last answer in another language and nothing else: "in English please", "pakai bahasa Indonesia dong". */
const LANGUAGE_REQUEST =
  /^\s*(?:(?:can you|could you|please|tolong|coba)\s+)?(?:(?:say|answer|write|give|translate|explain|repeat|jawab|jawabin|tulis|tulisin|jelaskan|jelasin|terjemahkan|terjemahin|ulangi)\s+(?:it|that|this|that answer|itu|ini|lagi)?\s*)?(?:in|into|pakai|pake|dalam|dengan|ke)\s+(?:bahasa\s+(inggris|indonesia)|(english|indonesian))(?:\s+(?:language|please|pls|dong|ya|aja|saja|juga))*\s*[.?!]*\s*$/i;

/** The language a follow-up asks the last answer in, if that is all it asks. */
export function languageAsked(text: string): "en" | "id" | undefined {
  // ("in Indonesia?" is a place: the language is "bahasa Indonesia" or "Indonesian".)
  const m = LANGUAGE_REQUEST.exec(text);
  if (!m) return undefined;
  return /^(?:english|inggris)$/i.test(m[1] ?? m[2]) ? "en" : "id";
}

/** "and on AutoScholarQuery?", "kalau di Jawa Barat?": a follow-up that is a preposition and what follows it. */
const PREPOSITION_FOLLOW_UP = /^\s*(?:and|but|what about|how about|kalau|terus|lalu|dan|trus)?\s*(on|in|for|at|with|from|di|pada|untuk|dengan|dalam|dari)\s+([^?]+?)\s*\??\s*$/iu;
/** A name after a preposition: a run of capitalised words or words with digits ("RealScholarQuery", "Jawa Barat", "ICLR 2023"). */
const NAME_RUN = String.raw`(?:[\p{Lu}\d][\p{L}\d@.-]*)(?:\s+[\p{Lu}\d][\p{L}\d@.-]*)*`;

/**
 * The previous question with the follow-up's name in place of the one it gave after the same preposition:
 * "What did PaSa-7b achieve on RealScholarQuery?" then "and on AutoScholarQuery?" searches for "What did PaSa-7b
 * achieve on AutoScholarQuery?", not for both datasets at once. Undefined when the follow-up is not of that
 * shape or the previous question has no name after that preposition.
 */
export function inPlaceOf(followUp: string, previous: string): string | undefined {
  const m = PREPOSITION_FOLLOW_UP.exec(followUp);
  if (!m) return undefined;
  const [, preposition, replacement] = m;
  // (Case-sensitive but for the preposition: a name is written with a capital or a digit.)
  const p = preposition.toLowerCase();
  const slot = new RegExp(String.raw`(?<![\p{L}])(?:${p}|${p[0].toUpperCase()}${p.slice(1)})\s+(?:the\s+)?${NAME_RUN}`, "u");
  // (Only a name in the previous question is replaced: "in the review" is no slot for "and in 2019?".)
  const found = slot.exec(previous);
  if (!found || !/\p{Lu}|\d/u.test(found[0].slice(preposition.length))) return undefined;
  return previous.slice(0, found.index) + `${preposition} ${replacement}` + previous.slice(found.index + found[0].length);
}

/** The one study the previous answer was about, if it was about one: what "it" refers to. */
export function studiesInFocus(previous: PreviousTurn): StudyRef[] {
  const previousStudies = previous.entities.length > 0 ? previous.entities : previous.question.studies;
  return previous.focus?.length === 1 ? previous.focus : previousStudies.length === 1 ? previousStudies : previous.question.studies.length === 1 ? previous.question.studies : [];
}

export function resolveFollowUp(question: Question, previous: PreviousTurn | undefined): ResolvedQuestion {
  const plain: ResolvedQuestion = { question, followUp: false, studiesFrom: question.studies.length > 0 ? "question" : "none", searchText: question.text };
  if (!previous) return plain;
  // "in English please", "pakai bahasa Indonesia dong": the previous question again, answered in that language.
  const inLanguage = languageAsked(question.text);
  if (inLanguage) return { question: { ...previous.question, lang: inLanguage }, followUp: true, studiesFrom: previous.question.studies.length > 0 ? "question" : "none", searchText: previous.question.text };
  // "who are the authors?", "what does this paper conclude?" after an answer from one document of several: that
  // document's ("this review", "review ini" still name the review).
  const sameDocument = question.selfReview && question.docs.length === 0 && previous.document !== undefined && !REVIEW_WORD.test(question.text);
  if (sameDocument) question = { ...question, docs: [previous.document!] };
  // "what about 2018?" after "Which studies were published in 2016?": a year alone is the list's year filter again.
  const yearList = ["list", "count"].includes(previous.planKind) && (previous.filters ?? []).some((f) => f.field === "year");
  if (yearList && question.values.length === 0 && /\b(?:19|20)\d\d\b/.test(question.text)) question = { ...question, values: yearValues(question.text) };
  const short = question.analysis.terms.length <= SHORT_QUESTION_TERMS;
  // A short question that says what it is about ("which countries do the studies come from?") stands alone.
  // ("How many countries were studied?", "Negara apa saja yang diteliti?": a field asked of what was studied,
  // with no pronoun, is asked of all the studies, not of the one just discussed.)
  const overStudies = question.pointsBack === null && question.asks.length > 0 && hasPhrase(question.tokens, questionWords().research_verbs);
  const namesSubject = question.studies.length > 0 || question.studiesNoun !== null || question.selfReview || overStudies;
  const ownSubject = namesSubject || question.values.length > 0;
  // "yang pakai wawancara yang mana?" after a list: a filter value with no subject of its own goes on listing studies.
  const listing = ["list", "count", "aggregate"].includes(previous.planKind);
  // Only when the value is all it says: "What is the capital of France?" has a subject of its own.
  const continuesList = listing && question.values.length > 0 && saysOnlyValues(question) && !namesSubject;
  // A comparison with one study named, after an answer about another: the two are compared.
  const inFocus = studiesInFocus(previous);
  const comparesWithFocus =
    question.compare && question.studies.length === 1 && inFocus.length === 1 && (inFocus[0].docId !== question.studies[0].docId || inFocus[0].number !== question.studies[0].number);
  const followUp = comparesWithFocus || question.pointsBack !== null || question.followUpStart || question.ordinal !== null || (short && !ownSubject) || continuesList;
  if (!followUp) return { ...plain, question };
  // A short follow-up asks what the previous question asked ("and study 4?"), unless it names a section of its
  // own ("Apa kesimpulan tinjauan ini?" after "When were the studies published?" asks for the conclusion).
  // ("What is PPO?" after "Who wrote the PaSa paper?" asks about PPO: a topic of its own takes no document field
  // over, while "terus solusinya apa?" after a study's findings still asks of that study.)
  const takesOver = previous.planKind !== "review-meta" || question.topic.length === 0;
  // ("studinya tentang apa?" after a study's authors: what a study is about is something new to ask of it; so
  // is a topic of its own after a name, a date or a place: "what did she say about mental health?" after
  // "Who wrote study 3?". After a free-text field, a topic may narrow it: "what techniques does it use?".)
  const previousStems = new Set(contentStems(previous.question.text));
  const afterIdentity = previous.fields.length > 0 && previous.fields.every((f) => IDENTITY_FIELDS.has(f));
  // (Nor does what a term means: "apa maksud isolasi sistemik?" after a study's findings asks for a definition.)
  const asksAnew =
    (afterIdentity && question.topic.some((t) => !previousStems.has(t))) ||
    (!question.followUpStart && hasPhrase(question.tokens, questionWords().summary_words)) ||
    (question.topic.length > 0 && DEFINITION_QUESTION.test(question.text));
  const asks = question.asks.length > 0 ? question.asks : short && question.sections.length === 0 && takesOver && !asksAnew ? previous.fields : [];
  const ownSubjectNamed = question.values.length > 0 || question.studies.length > 0;
  const carried = whatItWasAbout(previous.question, ownSubjectNamed ? subjectStems(previous.question) : undefined);
  const searchText = short ? (inPlaceOf(question.text, previous.question.text) ?? `${question.text} ${carried}`) : question.text;
  // "Who wrote the TAM review?" then "when was it published?": the follow-up stays with the document the
  // previous answer was from, unless it names one (or the review) itself.
  const docs = question.docs.length === 0 && !question.selfReview && previous.document ? [previous.document] : question.docs;
  // "where were they working?" after "Who wrote the TraceMonkey paper?": "they" are its authors.
  const ofAuthors = question.pointsBack === "plural" && previous.planKind === "review-meta" && previous.fields.includes("authors") && question.documentAsks.length === 0;
  const documentAsks = ofAuthors ? askedOfAuthors(question.text) : question.documentAsks;
  // "metodenya gimana?" after "Apa tujuan review ini?": "its" is still the review's, when nothing else is named.
  const ofReview = previous.question.selfReview && question.topic.length === 0 && previous.question.studies.length === 0 && ["explain", "review-meta"].includes(previous.planKind) && question.studies.length === 0 && question.studiesNoun === null && question.docs.length === 0 && question.values.length === 0;
  const base = { ...question, asks, docs, documentAsks, ...(ofReview ? { selfReview: true } : {}) };
  // "bedanya sama studi 1 apa?", "how does it compare with study 1?": the study in focus against the one named.
  if (comparesWithFocus) {
    const [other] = question.studies;
    return { question: { ...base, studies: [inFocus[0], other] }, followUp: true, studiesFrom: "pronoun", searchText: question.text };
  }
  if (question.studies.length > 0) return { question: base, followUp: true, studiesFrom: "question", searchText };
  const list = previous.entities.length > 1 ? previous.entities : (previous.lastList ?? []);
  // "what is the second one about?" after a list of documents: the second document listed.
  const listedDocs = previous.documents ?? [];
  if (question.ordinal !== null && listedDocs.length > 1 && previous.entities.length === 0 && question.docs.length === 0) {
    const index = question.ordinal === -1 ? listedDocs.length - 1 : question.ordinal - 1;
    const doc = listedDocs[index];
    // (The ordinal picked the document: "who wrote the first one?" asks for all its authors, not its first.)
    if (doc) return { question: { ...base, docs: [doc], ordinal: null }, followUp: true, studiesFrom: "none", searchText: question.text };
  }
  // "compare the first two", "dua terakhir gimana?": that many from the ordinal's end of the list.
  if (question.ordinal !== null && question.ordinalSpan !== null && list.length > 1) {
    const span = Math.min(question.ordinalSpan, list.length);
    const picks = question.ordinal === -1 ? list.slice(-span) : list.slice(question.ordinal - 1, question.ordinal - 1 + span);
    if (picks.length > 1) return { question: { ...base, studies: picks, ordinal: null, ordinalSpan: null }, followUp: true, studiesFrom: "ordinal", searchText: question.text };
  }
  if (question.ordinal !== null && list.length > 1) {
    const index = question.ordinal === -1 ? list.length - 1 : question.ordinal - 1;
    const pick = list[index];
    if (pick) return { question: { ...base, studies: [pick] }, followUp: true, studiesFrom: "ordinal", searchText: question.text };
  }
  const previousStudies = previous.entities.length > 0 ? previous.entities : previous.question.studies;
  // "which one has more participants?" after a comparison or a list: the studies it named, by their sample sizes.
  if (question.superlative && question.answerTypes.includes("sample") && (listing || previous.planKind === "compare") && previousStudies.length > 1 && !namesSubject) {
    return { question: base, followUp: true, studiesFrom: "pronoun", searchText, within: previousStudies };
  }
  // "yang mana yang paling baru?", "which one is the oldest?" after a list or a comparison: the extreme among
  // the studies it named.
  // (... or after any answer about several of them: "which one is older?" after "who wrote them?".)
  if (question.extreme && (listing || previous.planKind === "compare" || previous.planKind === "lookup") && previousStudies.length > 1 && !namesSubject && question.values.length === 0) {
    return { question: base, followUp: true, studiesFrom: "pronoun", searchText, carryKind: "aggregate", within: previousStudies };
  }
  // "and the newest?" after "Which study is the oldest?", "and the fewest?" after "Which study had the most
  // participants?": the other extreme, of the same studies and the same measure (the answer named only the
  // oldest, so it is no list to pick from).
  const extremeAgain = (question.extreme && previous.question.extreme) || (question.superlative && previous.question.superlative);
  if (extremeAgain && previous.planKind === "aggregate" && !namesSubject && question.values.length === 0) {
    const answerTypes = question.answerTypes.length > 0 ? question.answerTypes : previous.question.answerTypes;
    return { question: { ...base, answerTypes }, followUp: true, studiesFrom: "none", searchText, carryKind: "aggregate" };
  }
  // "Which of those were qualitative?", "berapa dari mereka yang pakai wawancara?": the value filters the
  // studies the previous answer listed.
  // ... and so does "yang di Indonesia ...?", "the one in Indonesia?": a relative clause picks among them.
  // (A list of one is still what "those" points back to; a relative clause after it is more likely a new question.)
  const picksAmong = question.pointsBack === "plural" ? previousStudies.length > 0 : RELATIVE_START.test(question.text) && previousStudies.length > 1;
  if (question.values.length > 0 && picksAmong && listing) {
    return { question: base, followUp: true, studiesFrom: "pronoun", searchText, carryKind: question.count ? "count" : "list", within: previousStudies };
  }
  // "and which did not?" after a list or count by one value: the studies without it, listed or counted alike.
  const filters = previous.filters ?? [];
  if (COMPLEMENT.test(question.text) && ["list", "count"].includes(previous.planKind) && filters.length === 1 && question.values.length === 0 && !namesSubject) {
    const [f] = filters;
    const other: FilterValue = { field: f.field, key: f.key, text: f.text, ...(f.negated ? {} : { negated: true as const }) };
    return { question: base, followUp: true, studiesFrom: "none", searchText, carryKind: previous.planKind, carryFilters: [other] };
  }
  // "how many are there?", "ada berapa?" after a list: what it listed, counted.
  // (The count asks for no value of its own: "how many is that?" wants the studies that had the topic, in the
  // list's sentences, not those of its sentences that hold a number.)
  if (question.count && previous.planKind === "list" && previous.filters && previous.filters.length > 0 && !ownSubject && short) {
    const counted = { ...base, answerTypes: previous.question.answerTypes };
    return { question: counted, followUp: true, studiesFrom: "none", searchText, carryKind: "count", carryFilters: previous.filters };
  }
  // "and resilience?", "kalau trauma?" after a list of the studies on a topic: the same list, on the new topic.
  const topicList = previous.planKind === "list" && (previous.filters ?? []).some((f) => f.field === "topic");
  if (topicList && question.followUpStart && short && question.topic.length > 0 && question.values.length === 0 && question.asks.length === 0 && !namesSubject) {
    return { question: base, followUp: true, studiesFrom: "none", searchText: question.text, carryKind: "list" };
  }
  // "sebutin dong", "which ones?", "list them" after a count: the studies it counted, listed by its filters.
  const asksToList = question.list || LIST_REQUEST.test(question.text);
  if (asksToList && previous.planKind === "count" && previous.filters && previous.filters.length > 0 && !ownSubject && short && question.topic.length === 0 && question.asks.length === 0) {
    return { question: base, followUp: true, studiesFrom: "none", searchText, carryKind: "list", carryFilters: previous.filters };
  }
  // "where in Indonesia was it?": a value beside "it" is asked of the study in focus, not a new subject.
  if (question.values.length > 0 && question.pointsBack === "single" && inFocus.length === 1 && !namesSubject) {
    return { question: { ...base, studies: inFocus }, followUp: true, studiesFrom: "pronoun", searchText };
  }
  if (question.values.length > 0) {
    // A new value ("kalau di Indonesia?"): the subject changed; keep what was asked, not who. After a field of
    // one study ("Apa temuan studi Rafferty?"), the field is asked of the studies with that value, listed.
    const afterLookup = previous.planKind === "lookup" && asks.length > 0 && saysOnlyValues(question);
    const keeps = listing ? previous.planKind : afterLookup ? "list" : undefined;
    return { question: base, followUp: true, studiesFrom: "none", searchText, carryKind: keeps };
  }
  // "what did they find?" after "Which study had the most participants?": "they" are the people of the one
  // study the answer was about, not the runners-up it named beside it.
  if (question.pointsBack === "plural" && previous.focus?.length === 1 && !question.count && question.values.length === 0) {
    return { question: { ...base, studies: previous.focus }, followUp: true, studiesFrom: "pronoun", searchText };
  }
  // "how many came from each of those?" after a distribution: the same distribution (it gives counts).
  const aggregatable = previous.fields.some((f) => AGGREGATABLE_FIELDS.includes(f));
  if (question.pointsBack === "plural" && (previous.planKind === "aggregate" || (question.count && aggregatable))) {
    return { question: { ...base, asks: previous.fields }, followUp: true, studiesFrom: "none", searchText, carryKind: "aggregate" };
  }
  // "compare them" after "What did study 6 find?" and "and study 2?": the studies of the last answers, one each.
  const recent = previous.recentStudies ?? [];
  if (question.compare && question.pointsBack === "plural" && previousStudies.length === 1 && recent.length >= 2 && !namesSubject) {
    return { question: { ...base, studies: recent.slice(-2) }, followUp: true, studiesFrom: "pronoun", searchText };
  }
  if (question.pointsBack === "plural" && previousStudies.length > 0) {
    return { question: { ...base, studies: previousStudies }, followUp: true, studiesFrom: "pronoun", searchText };
  }
  if (inFocus.length === 1 && (question.pointsBack === "single" || short || question.followUpStart)) {
    return { question: { ...base, studies: inFocus }, followUp: true, studiesFrom: "pronoun", searchText };
  }
  // "kapan terbitnya?", "and the journals?" after a list of several: a field of each study it listed. ("-nya" is
  // singular or plural; "it" is one study, which two named leave unresolved.)
  const eachListed = question.pointsBack === null ? short : question.lang === "id" && pointsBackWithNya(question.tokens);
  if (listing && previousStudies.length > 1 && question.asks.length > 0 && eachListed) {
    return { question: { ...base, studies: previousStudies }, followUp: true, studiesFrom: "pronoun", searchText };
  }
  return { question: base, followUp: true, studiesFrom: "none", searchText };
}
