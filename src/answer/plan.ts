/**
 * The question planner: a resolved question becomes a typed plan, returned with every answer as `plan`.
 *   lookup      fields of named studies            "Who wrote study 9?"
 *   list        studies whose field matches         "Which studies used interviews?"
 *   count       how many studies match              "How many studies were qualitative?"
 *   compare     two or more studies, field by field "Compare study 7 and study 9"
 *   aggregate   a distribution, earliest or latest, "Which countries were studied?", "the oldest study",
 *               sample sizes ranked                 "Which study had the most participants?"
 *   explain     why/how/what, answered from prose   "Why does P2TP2A struggle?"
 *   review-meta the document itself                 "Who wrote this review?"
 *   out-of-scope a greeting, thanks or goodbye ("hello", "terima kasih"), answered in kind; a question the
 *               documents do not cover is decided after the evidence is weighed (abstain.ts)
 */
import { AGGREGATABLE_FIELDS, type StudyField } from "../domain/study.ts";
import { conceptCount, contentStems } from "../text/analyze.ts";
import { escapeRegExp } from "../text/tokenize.ts";
import type { ResolvedQuestion } from "../retrieve/conversation.ts";
import { asksHowOrWhy, hasPhrase, phrasesIn, questionTokens, questionWords } from "../retrieve/question-words.ts";
import { ENGLISH_PLURAL, EXISTENTIAL, saysOnlyValues, type AnswerType, type DocumentAsk, type FilterValue, type Question, type StudyRef } from "../retrieve/question.ts";
import { asksExpansion, definiendum, wantedCues } from "./evidence.ts";

/** What a review-meta plan states of a document: its identity, read from its first page. */
export type DocumentField = "authors" | "year" | "venue" | "title" | DocumentAsk;

export type Plan =
  | { kind: "lookup"; studies: StudyRef[]; fields: StudyField[]; overview?: true }
  | { kind: "list"; filters: FilterValue[]; fields: StudyField[]; existence: boolean; exclude?: StudyRef[]; within?: StudyRef[] }
  | { kind: "count"; filters: FilterValue[]; within?: StudyRef[] }
  | { kind: "compare"; studies: StudyRef[]; fields: StudyField[] }
  | { kind: "aggregate"; field: StudyField; op: "distribution" | "most-common" | "repeated" | "earliest" | "latest" | "largest-sample" | "smallest-sample"; within?: StudyRef[]; only?: FilterValue; also?: StudyField[] }
  | { kind: "explain"; studies: StudyRef[]; docs: string[]; sections: string[]; answerTypes: AnswerType[]; ownVoice?: true; eachDoc?: true }
  | { kind: "review-meta"; docs: string[]; field: DocumentField; also?: DocumentField[]; topic?: string[]; count?: true; nth?: number; order?: DocumentOrder }
  | { kind: "out-of-scope"; reason: string; smallTalk?: SmallTalk; noSuchStudy?: number[] };

/** How a review-meta plan orders the documents: by year, or by how many authors each has. */
export type DocumentOrder = "earliest" | "latest" | "most-authors" | "fewest-authors";

/** A message that only greets, thanks or says goodbye. */
export type SmallTalk = "greeting" | "thanks" | "farewell";

export type PlanKind = Plan["kind"];

/** Fields a comparison shows when the question names none. */
export const COMPARE_FIELDS: StudyField[] = ["design", "country", "intervention", "outcomes"];
/** Fields a review states for itself in its conclusion and discussion ("what does the review recommend?"). */
const OWN_CONCLUSIONS: StudyField[] = ["recommendations", "outcomes"];
/** Fields held as the study's own sentences: a question about every study's one quotes each. */
const PER_STUDY_TEXT: StudyField[] = ["intervention", "outcomes", "recommendations", "theory", "aim"];
/** "How many articles were reviewed?" counts with no filter; a question with more to it is about something else. */
const MAX_COUNT_TOPIC = 1;
/** A question about the document's identity says little else ("who wrote this review?"). */
const MAX_IDENTITY_TOPIC = 1;
/** Identity fields of the document itself. */
const IDENTITY: ("authors" | "year" | "venue" | "title")[] = ["authors", "year", "venue", "title"];

export interface PlanContext {
  /** The corpus has study records (an included-studies table) in the documents in scope. */
  hasStudies: boolean;
  /** Documents in scope. */
  docs: string[];
  /** The reviews among the documents the question may be about (all of them, when it names none). */
  reviews?: string[];
  /** Every document in scope: "each document" is answered by each of them. */
  library?: string[];
}

/** What an overview of one study says: what it is, how and where it was done, its program and results. */
const OVERVIEW_FIELDS: StudyField[] = ["title", "design", "country", "intervention", "outcomes"];

let compareStems: Set<string> | undefined;

/** "Compare the PaSa paper and the TraceMonkey paper", "Bandingkan paper PaSa dan TraceMonkey": two or more documents named, and nothing else asked. */
export function comparesDocumentsOnly(q: Question): boolean {
  compareStems ??= new Set(questionWords().compare.flatMap((p) => contentStems(p.replace(/\*$/, ""))));
  return q.docs.length > 1 && hasPhrase(q.tokens, questionWords().compare) && q.topic.every((t) => compareStems!.has(t)) && q.studies.length === 0;
}

let inclusionWordStems: Set<string> | undefined;
/** Stems of the words that say the studies are the review's ("included", "direview"). */
const inclusionStems = () => (inclusionWordStems ??= new Set(questionWords().inclusion_words.flatMap((p) => contentStems(p))));

let fieldStems: Set<string> | undefined;
/** Stems of the words that ask for a document's institutions or corresponding author. */
const documentFieldStems = () => {
  const w = questionWords();
  return (fieldStems ??= new Set([...Object.values(w.document_fields).flat(), ...w.institution_words].flatMap((p) => contentStems(p.replace(/\*$/, "")))));
};

/** "What is the aim of this review?", "What problem does PaSa try to solve?": its aim and nothing else. */
export const asksOnlyAim = (q: Question) => q.topic.length === 0 && q.asks.length > 0 && q.asks.every((f) => f === "aim");

let selfAppraisalStems: Map<AnswerType, Set<string>> | undefined;

/**
 * The question asks the document itself (named: "this review", "the PaSa paper") for its aim, its limitations or
 * its appraisal of the studies, and about nothing else: "keterbatasan peran P2TP2A" is a study's, and "the aim
 * of the studies" or "the limitations of the studies" are the studies' own (their appraisal, though, is the
 * review's).
 */
function asksOfItself(q: Question): boolean {
  if (!(q.selfReview || q.docs.length > 0) || q.studies.length > 0 || q.values.length > 0) return false;
  // "artikel ini", "this paper" name the document: their noun does not make the question about studies.
  const w = questionWords();
  const naming = phrasesIn(q.tokens, [...w.self_review, ...w.self_document]);
  // So does a singular noun beside a document's name ("the TraceMonkey paper"); "the studies in it" do not.
  const namedByNoun = q.docs.length > 0 && !PLURAL_STUDIES.test(q.text);
  const studiesNoun = !namedByNoun && phrasesIn(q.tokens, w.studies_noun).some((m) => !naming.some((d) => d.start <= m.start && m.end <= d.end));
  if (!studiesNoun && asksOnlyAim(q)) return true;
  selfAppraisalStems ??= new Map(
    (["limitation", "appraisal"] as const).map((t) => [t, new Set((w.answer_types[t] ?? []).flatMap((p) => contentStems(p)))]),
  );
  return [...selfAppraisalStems].some(([type, stems]) => q.answerTypes.includes(type) && (type === "appraisal" || !studiesNoun) && q.topic.every((t) => stems.has(t)));
}

export function planQuestion(resolved: ResolvedQuestion, context: PlanContext): Plan {
  const plan = planOf(resolved, context);
  // "How many papers were collected from ICLR 2023?" answered from the text, not by counting studies: a count
  // asked of the prose wants a number.
  if (plan.kind === "explain" && resolved.question.count && plan.answerTypes.length === 0) return { ...plan, answerTypes: ["amount"] };
  return plan;
}

/**
 * Whether a message only greets, thanks or says goodbye: every word is small talk or a filler beside it
 * ("hello", "terima kasih ya kak", "ok thanks so much"). Anything else in it is a question.
 */
export function smallTalkOf(tokens: string[]): SmallTalk | undefined {
  const w = questionWords();
  if (tokens.length === 0) return undefined;
  const all = Object.values(w.small_talk).flat();
  for (const kind of ["thanks", "farewell", "greeting"] as const) {
    const found = phrasesIn(tokens, w.small_talk[kind]);
    if (found.length === 0) continue;
    const covered = new Set(found.flatMap((m) => Array.from({ length: m.end - m.start }, (_, i) => m.start + i)));
    const rest = tokens.filter((t, i) => !covered.has(i) && !hasPhrase([t], w.small_talk_fillers) && !hasPhrase([t], all));
    if (rest.length === 0) return kind;
  }
  return undefined;
}

function planOf(resolved: ResolvedQuestion, context: PlanContext): Plan {
  const q = resolved.question;
  const w = questionWords();
  const talk = smallTalkOf(q.tokens);
  if (talk) return { kind: "out-of-scope", reason: `small talk: ${talk}`, smallTalk: talk };
  // "What did study 11 find?" of a review of ten: there is no such study, and that is the answer.
  if (q.unknownStudies.length > 0) return { kind: "out-of-scope", reason: `no study ${q.unknownStudies.join(", ")}`, noSuchStudy: q.unknownStudies };
  const studiesNoun = hasPhrase(q.tokens, w.studies_noun);
  const docs = q.docs.length > 0 ? q.docs : context.docs;

  // ("yg paling lama terbit yg mana?": what was published is a study, named or not.)
  const aboutPublished = studiesNoun || resolved.within !== undefined || resolved.carryKind === "aggregate" || hasPhrase(q.tokens, w.publication_words);
  // ("Which is the most recent study and what did it find?": what else is asked, of that study.)
  const alsoAsked = q.asks.filter((f) => f !== "year");
  if (q.extreme && context.hasStudies && q.studies.length === 0 && aboutPublished) return { kind: "aggregate", field: "year", op: q.extreme, ...within(resolved), ...(alsoAsked.length > 0 ? { also: alsoAsked } : {}) };
  // "Which study had the most participants?", "Studi mana yang pesertanya paling sedikit?": the studies by the
  // number of people their own text gives.
  // "Which of studies 8 and 9 had more participants?": the same, between the studies named.
  const among = q.studies.length >= 2 ? q.studies : q.studies.length === 0 && (studiesNoun || q.list || resolved.within || resolved.carryKind === "aggregate") ? (resolved.within ?? []) : undefined;
  if (q.superlative && q.answerTypes.includes("sample") && context.hasStudies && among) {
    return { kind: "aggregate", field: "population", op: q.superlative === "max" ? "largest-sample" : "smallest-sample", ...(among.length > 0 ? { within: among } : {}) };
  }
  // "Which study had the highest dropout rate?": the highest of a figure no record holds is read from the text,
  // which must give such figures; not a list of the studies that use the words.
  // So is "Which study had the longest follow-up?": the longest duration the text gives.
  if (q.superlative && (q.answerTypes.includes("amount") || q.answerTypes.includes("duration")) && q.studies.length === 0 && !resolved.within) {
    return { kind: "explain", studies: [], docs: q.docs.length > 0 ? q.docs : context.docs, sections: [], answerTypes: q.answerTypes };
  }
  // Questions about the documents as a set. With no included-studies table in scope, "these papers", "each
  // paper", "artikel-artikel ini" are the documents too (but "papers" alone may be what a paper is about:
  // "Which conferences' papers were collected?").
  const library = context.library ?? [];
  const each = hasPhrase(q.tokens, w.each_words);
  // "What is each document about?", "Apa isi masing-masing dokumen?": each one's gist, from its abstract.
  const eachGist = each && hasPhrase(q.tokens, w.summary_words) && q.topic.length === 0 && q.asks.length === 0;
  // The collection itself: "Which documents are in the library?", "Dokumen apa saja yang ada?" lists each
  // document by its title.
  if (hasPhrase(q.tokens, w.corpus_words) && q.topic.length === 0 && q.studies.length === 0 && q.docs.length === 0 && q.asks.length === 0 && q.values.length === 0 && !(eachGist && library.length > 1)) {
    return { kind: "review-meta", docs, field: "title" };
  }
  const documentsNoun = hasPhrase(q.tokens, [...w.corpus_words, "document"]) || (!context.hasStudies && studiesNoun && (each || hasPhrase(q.tokens, w.library_refs)));
  if (documentsNoun && library.length > 1 && q.studies.length === 0 && q.docs.length === 0) {
    // "Which documents are about JavaScript?", "Dokumen mana yang membahas penerimaan teknologi?": the documents
    // whose front matter covers the topic.
    // ("Do any of these papers discuss X?" is answered from where X is discussed, as any question is.)
    if (q.topic.length > 0 && q.asks.length === 0 && q.answerTypes.length === 0 && !q.existence && (q.list || hasPhrase(q.tokens, w.which_words))) {
      return { kind: "review-meta", docs: [], field: "title", topic: q.topic };
    }
    // "What are the main findings of each document?", "Ringkas temuan masing-masing paper": each one answers in
    // turn, its findings from where a document states its own (its abstract and conclusion).
    if (eachGist) return { kind: "explain", studies: [], docs: library, sections: ["abstract"], answerTypes: [], eachDoc: true };
    // ("Who wrote each document?" asks each one's identity: the document itself answers it, below.)
    const asksIdentity = q.asks.length > 0 && q.asks.every((f) => (IDENTITY as string[]).includes(f)) && q.topic.length === 0;
    if (each && !asksIdentity) {
      const ownFindings = q.asks.length > 0 && q.asks.every((f) => OWN_CONCLUSIONS.includes(f));
      // ... or its aim, where it introduces itself.
      return { kind: "explain", studies: [], docs: library, sections: ownFindings ? ["abstract", "conclusion"] : asksOnlyAim(q) ? ["abstract", "introduction"] : sectionsOf(q.sections), answerTypes: q.answerTypes, eachDoc: true };
    }
  }
  // "Which is older, study 8 or study 9?": the earlier of the studies named.
  if (q.extreme && q.studies.length >= 2 && context.hasStudies) return { kind: "aggregate", field: "year", op: q.extreme, within: q.studies };
  // "Which paper is older, PaSa or TraceMonkey?": the documents named, by their years, the one asked for first.
  if (q.extreme && q.docs.length >= 2 && q.studies.length === 0) return { kind: "review-meta", docs: q.docs, field: "year", order: q.extreme };
  // "Which paper has the most authors?": the documents (those named, or the library's) by how many authors each has.
  const documentsAsked = q.docs.length >= 2 || (q.docs.length === 0 && (context.library?.length ?? 0) > 1 && (hasPhrase(q.tokens, [...w.corpus_words, "document"]) || (!context.hasStudies && studiesNoun)));
  // ("Which has more authors, PaSa or TraceMonkey?": of two named, "more" asks the same.)
  const comparative = q.docs.length >= 2 ? (hasPhrase(q.tokens, w.comparative_words.min) ? "min" : hasPhrase(q.tokens, w.comparative_words.max) ? "max" : null) : null;
  const mostOrFewest = q.superlative ?? comparative;
  if (mostOrFewest && q.asks.includes("authors") && q.studies.length === 0 && documentsAsked) {
    return { kind: "review-meta", docs: q.docs.length >= 2 ? q.docs : [], field: "authors", count: true, order: mostOrFewest === "max" ? "most-authors" : "fewest-authors" };
  }
  // "Which institutions are the PaSa authors from?", "Siapa penulis korespondensinya?": only a document has
  // these (no study record does), so they need no document named; each document in scope answers.
  // Their words ("institutions", "universitas") are the question's topic everywhere else ("What role do
  // institutions play?"), so they leave the topic only here.
  const documentAsk = q.documentAsks[0];
  if (documentAsk && q.studies.length === 0 && !q.allStudies && q.topic.filter((t) => !documentFieldStems().has(t)).length <= MAX_IDENTITY_TOPIC) {
    // "Who are the authors of the PaSa paper and where do they work?": who they are, then where.
    // ("Who is the corresponding author?" asks for one of them, not for all of them.)
    const who = q.asks.includes("authors") && /\b(?:who|siapa)\b/i.test(q.text) && !q.documentAsks.includes("corresponding");
    return who ? { kind: "review-meta", docs, field: "authors", also: q.documentAsks } : { kind: "review-meta", docs, field: documentAsk };
  }
  // The document itself: "who wrote this review?", "when was this paper published?", "who wrote the PaSa
  // paper?" (and nothing more).
  const identity = IDENTITY.find((f) => q.asks.includes(f));
  // "How many authors does it have?" counts the author list; a count with more to it asks for a number of
  // something else ("Nomor telepon penulisnya berapa?").
  // What is counted is the authors: no other noun after "how many" ("How many studies ..., and who wrote
  // them?" counts studies), or one led by an author word ("Berapa penulis paper PaSa?").
  const countedFirst = questionTokens(q.countedPhrase)[0];
  const countsWriters = q.counted.length === 0 || (countedFirst !== undefined && hasPhrase([countedFirst], w.fields.authors ?? []));
  const countsAuthors = q.count && identity === "authors" && countsWriters && q.topic.length === 0 && q.answerTypes.every((t) => t === "amount");
  // A kind of value asked ("What is the opinion of researchers about TAM?") is not the document's identity.
  const asksValue = q.answerTypes.some((t) => t !== "amount" && t !== "date");
  // "Who wrote it?" with no document named and nothing else asked: the document in scope, or each of them.
  // ("What journals published the included studies?" asks of the review's studies, not of the review.)
  // (So does "Which journals published more than one study?": a value several studies share.)
  const ofStudies = context.hasStudies && !q.selfReview && q.docs.length === 0 && (PLURAL_STUDIES.test(q.text) || q.repeated);
  const ofDocument = !ofStudies && (q.selfReview || q.docs.length > 0 || q.topic.length === 0);
  // ("What GPU did the TraceMonkey authors use?" asks for a GPU, which "what" names: not who the authors are.)
  if (ofDocument && identity && q.studies.length === 0 && (!q.allStudies || documentsNoun) && !q.list && (!q.count || countsAuthors) && !asksValue && q.topic.length <= MAX_IDENTITY_TOPIC && !whatNamesTopic(q)) {
    // "Siapa penulis pertama ...?": one place in the author list.
    const authors = identity === "authors" ? { ...(countsAuthors ? { count: true as const } : {}), ...(q.ordinal !== null ? { nth: q.ordinal } : {}) } : {};
    // "Where and when was it published?": each identity field asked, in turn.
    const also = IDENTITY.filter((f) => f !== identity && q.asks.includes(f));
    return { kind: "review-meta", docs, field: identity, ...authors, ...(also.length > 0 ? { also } : {}) };
  }
  // "What is this review about?", "Summarize the review", "Review ini membahas apa?": the gist of the document
  // itself and nothing to look for in it; its abstract opens the answer (compose-section.ts), not an abstention.
  // Only a request for its gist ("about", "summarize", "ringkasan"): "How did the review search for articles?" asks about its method.
  // "Compare the PaSa paper and the TraceMonkey paper": two documents and nothing to compare them on but
  // themselves: each one's gist, side by side.
  // ("What does the review explore?", "What does the PaSa paper look at?": what it studies is what it is about.)
  const gist = hasPhrase(q.tokens, w.summary_words) || q.asksHowItWorks || comparesDocumentsOnly(q) || (hasPhrase(q.tokens, w.research_verbs) && q.topic.length === 0 && !studiesNoun);
  if (gist && (q.selfReview || q.docs.length > 0) && q.studies.length === 0 && (q.topic.length === 0 || comparesDocumentsOnly(q)) && q.asks.length === 0 && q.answerTypes.length === 0 && !q.count && !q.allStudies) {
    return { kind: "explain", studies: [], docs, sections: q.sections.length > 0 ? sectionsOf(q.sections) : ["abstract"], answerTypes: [] };
  }
  // "What does the review recommend?", "What are the main findings?": the review's own conclusions (not the
  // studies', which "what did the studies find?" asks for). With papers beside the reviews and no document
  // named, the library's reviews are what such a question is about, as for a review's method.
  // ("the TraceMonkey paper": a document named by its noun, not studies.)
  if ((q.selfReview || q.docs.length > 0 || (!studiesNoun && !q.list)) && q.studies.length === 0 && q.topic.length === 0 && q.sections.length === 0 && q.asks.length > 0 && q.asks.every((f) => OWN_CONCLUSIONS.includes(f)) && !q.allStudies) {
    const reviewsOnly = q.docs.length === 0 && (context.reviews?.length ?? 0) > 0;
    // A library of papers and no review: which one's findings is not said, so each one answers in turn, as
    // "the main findings of each document" does.
    const library = context.library ?? [];
    if (q.docs.length === 0 && !q.selfReview && !context.hasStudies && library.length > 1) {
      return { kind: "explain", studies: [], docs: library, sections: ["abstract", "conclusion"], answerTypes: q.answerTypes, eachDoc: true };
    }
    // ("What did the review conclude?": asked of the document by name, it answers in its own voice, not by a
    // study it discusses.)
    const itself = q.selfReview || q.docs.length > 0;
    return { kind: "explain", studies: [], docs: reviewsOnly ? context.reviews! : docs, sections: ["conclusion", "discussion", "abstract"], answerTypes: q.answerTypes, ...(itself ? { ownVoice: true as const } : {}) };
  }
  // "What method did the review use?", "Does the review include a meta-analysis?": the review's own design.
  const designOnly = q.values.length > 0 && q.values.every((v) => v.field === "design");
  if (q.selfReview && q.studies.length === 0 && (q.asks.includes("design") || (designOnly && !studiesNoun)) && !q.allStudies && !q.list) {
    return { kind: "explain", studies: [], docs, sections: ["methods", "abstract"], answerTypes: q.answerTypes };
  }
  // "What is the aim of this review?", "What are its limitations?", "Did the review assess risk of bias?": what
  // the document says of itself, answered only from its own passages, never by an included study's aim or
  // "limited role".
  if (asksOfItself(q)) {
    // Its aim and nothing else: a document states it where it introduces itself, its abstract and then its
    // introduction ("We present an alternative compilation technique ..."), not wherever "aim" or "goal" is used.
    return { kind: "explain", studies: [], docs, sections: asksOnlyAim(q) ? ["abstract", "introduction"] : [], answerTypes: q.answerTypes, ownVoice: true };
  }
  // "Kriteria inklusinya apa aja?", "what search terms were used?": the review's own method, from its text. So
  // is what a study had to meet to be in it ("Apa saja syarat artikel yang dipakai di review ini?"), or how
  // they were chosen ("How did the review decide which articles to include?"), when no study is named and no
  // value filters them ("Which studies included interviews?" lists studies).
  if ((hasPhrase(q.tokens, w.review_method_words) || q.aboutSelection) && q.studies.length === 0) {
    // A search strategy or inclusion criteria are a review's: among papers, the question is about the review(s).
    const reviewOnly = q.docs.length === 0 && (context.reviews?.length ?? 0) > 0 && hasPhrase(q.tokens, w.review_only_method_words);
    return { kind: "explain", studies: [], docs: reviewOnly ? context.reviews! : docs, sections: q.sections.length > 0 ? sectionsOf(q.sections) : ["methods", "abstract"], answerTypes: q.answerTypes };
  }
  const sections = sectionsOf(q.sections);
  if (!context.hasStudies) return { kind: "explain", studies: q.studies, docs, sections, answerTypes: q.answerTypes };

  // "Selain Pantai Gading, ada studi lain di Afrika?": the named studies are excluded from a list, not looked up.
  if (q.studies.length > 0 && q.excludesNamed && q.values.length > 0) {
    // The value that named the excluded study ("Pantai Gading") is not a filter.
    const filters = q.values.filter((v) => !q.studies.some((s) => s.by && s.by.toLowerCase() === v.text.toLowerCase()));
    if (filters.length > 0) return { kind: "list", filters, fields: [], existence: true, exclude: q.studies };
  }
  if (q.studies.length > 0) {
    const fields = q.asks;
    if (q.studies.length >= 2 && (q.compare || fields.length === 0)) return { kind: "compare", studies: q.studies, fields: fields.length > 0 ? fields : COMPARE_FIELDS };
    if (fields.length > 0 && q.answerTypes.length === 0) return { kind: "lookup", studies: q.studies, fields };
    // "Apa itu P2TP2A?", "What is MLMC?": a name a study is known by, asked to be defined, is explained from
    // the text that defines it; "what is study 9?" still gets the overview.
    if (q.studies.length === 1 && q.asks.length === 0 && q.studies[0].by && (wantedCues(q).has("definition") || definiendum(q).length > 0 || asksExpansion(q.text))) {
      return { kind: "explain", studies: q.studies, docs, sections, answerTypes: q.answerTypes };
    }
    // "Tell me about study 9", "and the second one?": nothing asked but the study itself, an overview.
    if (q.studies.length === 1 && q.answerTypes.length === 0 && q.topic.length === 0) return { kind: "lookup", studies: q.studies, fields: OVERVIEW_FIELDS, overview: true };
    return { kind: "explain", studies: q.studies, docs, sections, answerTypes: q.answerTypes };
  }
  // "How many countries were studied?", "Berapa negara yang diteliti?": how many different values a field has,
  // with the studies under each.
  const countsValues = q.count && !studiesNoun && context.hasStudies && q.studies.length === 0 && q.values.length === 0 && q.topic.length === 0;
  const countedField = countsValues ? q.asks.find((f) => AGGREGATABLE_FIELDS.includes(f)) : undefined;
  if (countedField && !resolved.carryKind) return { kind: "aggregate", field: countedField, op: "distribution" };
  // "How many were from Indonesia?", "dapet berapa dari Google Scholar?": a count of nothing but a value of the
  // studies' records counts the studies with it, study noun or not.
  // ("How many survivors were interviewed?" counts the survivors the count word names, not studies.)
  const countsNamed = q.countedPhrase !== "" && new RegExp(`(?:how\\s+many|berapa(?:\\s+(?:banyak|jumlah))?)\\s+${escapeRegExp(q.countedPhrase)}`, "i").test(q.text);
  const countsByValues = q.count && !countsNamed && context.hasStudies && q.values.length > 0 && saysOnlyValues(q) && q.studies.length === 0 && q.answerTypes.every((t) => t === "amount");
  // "Berapa dari mereka ...?" after a list counts those studies; otherwise "berapa" asks for an amount in the text.
  if (q.answerTypes.length > 0 && !q.list && !resolved.within && resolved.carryKind !== "count" && !countsByValues) return { kind: "explain", studies: [], docs, sections, answerTypes: q.answerTypes };
  const filterFields = new Set<string>(q.values.map((v) => v.field));
  const otherAsks = q.asks.filter((f) => !filterFields.has(f));
  // "How many studies were qualitative?" counts; "how many articles were in the end not used?" asks about something else.
  // ... nor does "how many articles were excluded?": how the review sifted its articles is its method's.
  // ("How many studies were about mental health?": one concept, though two words.)
  // ("How many studies discuss government policy?": a topic verb says the rest is a topic, however many concepts.)
  const topicCounted = conceptCount(q.topic) <= MAX_COUNT_TOPIC || hasPhrase(q.tokens, w.topic_verbs);
  const countable = otherAsks.length === 0 && (q.values.length > 0 || topicCounted) && !hasPhrase(q.tokens, w.review_process_words);
  // "sebutin dong" after "Berapa studi yang pakai metode kualitatif?": the studies counted, listed.
  if (resolved.carryKind === "list" && resolved.carryFilters) return { kind: "list", filters: resolved.carryFilters, fields: [], existence: false };
  // "and resilience?" after a list of the studies on a topic: the studies on this one.
  if (resolved.carryKind === "list" && q.values.length === 0 && q.topic.length > 0 && q.studies.length === 0) return { kind: "list", filters: [topicFilterOf(q.text, q.topic)], fields: [], existence: false, ...within(resolved) };
  if (resolved.carryKind === "count" || (q.count && studiesNoun && countable) || countsByValues) {
    // "How many studies discuss trauma?" counts the studies whose own text covers the topic, not all of them.
    // ... and "Berapa artikel yang ditelaah?" all of them: being reviewed is no topic.
    const topic = q.topic.filter((t) => !inclusionStems().has(t));
    const topicFilter: FilterValue[] = q.values.length === 0 && topic.length > 0 && resolved.carryKind !== "count" ? [topicFilterOf(q.text, topic)] : [];
    return { kind: "count", filters: [...q.values, ...topicFilter, ...(resolved.carryFilters ?? [])], ...within(resolved) };
  }
  // "kok cuma 10 artikel dari 32?", "Why were only ten articles kept?": a why-question about the studies asks
  // for the review's reason, from its text, not for the list of them.
  if (asksWhy(q.tokens) && q.studies.length === 0 && !resolved.carryKind) return { kind: "explain", studies: [], docs, sections, answerTypes: q.answerTypes };
  // "Which countries were studied?", "Populasi apa yang diteliti?": what was studied is asked of the studies.
  const researchVerb = hasPhrase(q.tokens, w.research_verbs) && !q.selfReview;
  // "Which programs were in the United States?", "Are there any programs in Africa?": the programs a value and
  // nothing else picks out are the studies' (a study is of one program).
  const asksWhichOrAny = q.list || q.existence || hasPhrase(q.tokens, [...w.which_words, ...EXISTENTIAL]);
  // ("What do the programs in the US do?": the programs, in the plural, are the studies' too.)
  const programWords = phrasesIn(q.tokens, [...(w.weak_fields.intervention ?? []), ...(w.fields.intervention ?? [])]);
  const programsByValue = q.values.length > 0 && saysOnlyValues(q) && (asksWhichOrAny || programWords.some((m) => ENGLISH_PLURAL.test(m.phrase))) && programWords.length > 0;
  // "yang dari Amerika apa aja?", "which ones are qualitative?": a list of nothing but filter values, over studies.
  const valuesListed = q.values.length > 0 && saysOnlyValues(q) && q.list && context.hasStudies;
  const aboutStudies = studiesNoun || researchVerb || q.allStudies || Boolean(resolved.carryKind) || programsByValue || valuesListed;
  // "Compare the studies from the United States": the matching studies, each with the fields a comparison shows.
  if (q.values.length > 0 && q.compare && otherAsks.length === 0) {
    return { kind: "list", filters: q.values, fields: COMPARE_FIELDS.filter((f) => !filterFields.has(f)), existence: false, ...within(resolved) };
  }
  // "Were only English-language articles included?", "Apakah hanya studi dari Indonesia?": whether it is the only
  // one is seen in all of them, by that field ("By language, the 10 studies are: ...").
  const onlyField = q.values.length === 1 && !q.values[0].negated ? AGGREGATABLE_FIELDS.find((f) => f === q.values[0].field && f !== "year") : undefined;
  // (Asked yes or no: "which one was the only article from Science Direct?" asks which.)
  const yesNo = /^(?:were|was|are|is|did|do|does|has|have|apakah|apa\s+(?:hanya|cuma)|hanya|cuma)\b/i.test(q.text.trim());
  // ("Do all the studies use qualitative methods?", "Apakah semua studi di Indonesia?" are answered the same way.)
  if (onlyField && yesNo && aboutStudies && (hasPhrase(q.tokens, w.only_words) || hasPhrase(q.tokens, w.each_words)) && !resolved.within) return { kind: "aggregate", field: onlyField, op: "distribution", only: q.values[0] };
  if (q.values.length > 0 && aboutStudies) return { kind: "list", filters: q.values, fields: otherAsks, existence: q.existence, ...within(resolved) };
  const about = q.asks.filter((f) => AGGREGATABLE_FIELDS.includes(f));
  // "What countries are represented in the review?", "What designs does it include?": a field asked in the
  // plural, of a review and nothing else, is asked of its studies (the review itself has one design, one country).
  const pluralField = context.hasStudies && q.studies.length === 0 && q.topic.length === 0 && about.some((f) => namesFieldInPlural(q.tokens, f));
  const overTheStudies = q.list || q.allStudies || q.compare || PLURAL_STUDIES.test(q.text) || (researchVerb && q.topic.length === 0) || pluralField;
  // "What is the most common design?", "Desain apa yang paling banyak dipakai?": the distribution, led by its largest group.
  if (about.length > 0 && q.mostCommon && q.values.length === 0) return { kind: "aggregate", field: about[0], op: "most-common" };
  // "Which journals published more than one study?", "Negara mana yang diteliti lebih dari satu studi?": the
  // values more than one study shares.
  if (about.length > 0 && q.repeated && q.values.length === 0 && context.hasStudies) return { kind: "aggregate", field: about[0], op: "repeated" };
  if (about.length > 0 && (resolved.carryKind === "aggregate" || ((aboutStudies || pluralField) && overTheStudies))) {
    return { kind: "aggregate", field: about[0], op: "distribution" };
  }
  // "What did each study recommend?", "Teori apa yang dipakai studi-studi itu?": each study's own words on a
  // free-text field, for every study that states it.
  // ("What programs were studied?", "Program apa saja yang dibahas?": the list of what was studied is each study's.)
  const perStudyText = q.asks.filter((f) => PER_STUDY_TEXT.includes(f));
  const overStudies = q.allStudies || PLURAL_STUDIES.test(q.text) || q.list || researchVerb;
  if (perStudyText.length > 0 && perStudyText.length === otherAsks.length && q.values.length === 0 && q.topic.length === 0 && !q.selfReview && !q.count && overStudies) {
    return { kind: "list", filters: [], fields: perStudyText, existence: false };
  }
  // "Who wrote the studies?", "Siapa saja penulis artikel-artikel yang direview?": every study with who wrote it
  // (the title too: a study is known by it), as "List all the studies" lists them.
  // (Indonesian does not mark the plural: "Apa saja judul artikel yang ditelaah?" asks for them all.)
  if (q.asks.length > 0 && q.asks.every((f) => f === "authors" || f === "title") && q.values.length === 0 && !q.count && !q.selfReview && (q.allStudies || PLURAL_STUDIES.test(q.text) || (q.list && studiesNoun)) && q.topic.every((t) => inclusionStems().has(t))) {
    return { kind: "list", filters: [], fields: q.asks, existence: false };
  }
  // "List all the studies", "Which studies were included in the review?", "Studi apa saja yang direview?": every
  // study, when nothing but their being in the review is said of them.
  if (studiesNoun && (q.list || q.allStudies) && q.values.length === 0 && otherAsks.length === 0 && !q.count && q.topic.every((t) => inclusionStems().has(t))) {
    return { kind: "list", filters: [], fields: [], existence: false };
  }
  // "Which studies deal with trauma?", "which country was the UNICEF study set in?": the studies whose own
  // text covers the topic (with the field asked for, if any).
  // "Which studies in this review discuss UNICEF?" names the review as the scope of a list of its studies.
  const scopedList = studiesNoun && q.list;
  // "How did the authors pick which papers to keep?" asks how, not for a list of papers.
  const asksHow = asksHowOrWhy(q.tokens[0] ?? "");
  // "What did each study find about shelters?", "Apa temuan studi-studi soal trauma?": the studies whose text
  // covers the topic, each with its own words on the field asked.
  const eachOnTopic = perStudyText.length > 0 && (overStudies || each);
  // "Tell me about the UNICEF studies", "Ceritakan studi-studi tentang UNICEF": the gist of the studies (plural)
  // on a topic is each of them, as a list.
  const gistOfStudies = hasPhrase(q.tokens, w.summary_words) && PLURAL_STUDIES.test(q.text);
  if ((studiesNoun || researchVerb) && (q.list || q.existence || about.length > 0 || eachOnTopic || gistOfStudies) && q.topic.length > 0 && (!q.selfReview || scopedList) && !asksHow) {
    return { kind: "list", filters: [topicFilterOf(q.text, q.topic)], fields: otherAsks, existence: q.existence };
  }
  return { kind: "explain", studies: [], docs, sections, answerTypes: q.answerTypes };
}

/** A question opened by a why-word ("kok" is informal Indonesian for "how come"). */
const asksWhy = (tokens: string[]) => WHY_WORDS.has(tokens[0] ?? "");
const WHY_WORDS = new Set(["why", "mengapa", "kenapa", "knp", "kok"]);

/** "Which of those ...?": the studies a list or count is taken from, when the conversation narrowed them. */
const within = (resolved: ResolvedQuestion) => (resolved.within ? { within: resolved.within } : {});

/**
 * The question's own words for its topic stems ("UNICEF" for "unicef"): the stretch of it from the first topic
 * word to the last, with the small words between ("commercial sexual exploitation of children"), when only
 * those lie between; else the topic words alone.
 */
/** Verbs' negations: "Which studies do not mention poverty?" lists those without the topic. */
// (Only words with a stem of their own can stand in a topic: "bukan", "gak", "never" are stop words.)
const NOT = new Set(["not", "tidak", "tdk"].flatMap((w) => contentStems(w)));

/** "... and what does each contribute?", "..., dan apa temuannya?": a second question joined to the first. */
const SECOND_QUESTION = /[,;]?\s+(?:and|dan|serta)\s+(?:what|how|why|which|who|where|when|apa|bagaimana|gimana|mengapa|kenapa|siapa|di\s*mana|kapan)\b/iu;

/**
 * The topic a list or count filters by: the topic words of the first question only. "Which studies deal with
 * trauma, and what does each contribute?" lists the studies that speak of trauma; "contribute" is what the
 * second question asks of them, not a word their text must have.
 */
function topicFilterOf(text: string, stems: string[]): FilterValue {
  const join = SECOND_QUESTION.exec(text);
  const firstText = join ? text.slice(0, join.index) : text;
  const first = new Set(contentStems(firstText));
  const inFirst = stems.filter((t) => first.has(t));
  return join && inFirst.length > 0 ? topicFilterOfStems(firstText, inFirst) : topicFilterOfStems(text, stems);
}

/** A topic filter: the studies whose own text covers the topic, or with a "not" among its words, those whose text does not. */
function topicFilterOfStems(text: string, stems: string[]): FilterValue {
  const topic = stems.filter((t) => !NOT.has(t));
  if (topic.length === 0 || topic.length === stems.length) return { field: "topic", key: stems.join(" "), text: topicWords(text, stems) };
  return { field: "topic", key: topic.join(" "), text: topicWords(text, topic), negated: true };
}

export function topicWords(text: string, topic: string[]): string {
  const all = text.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  const isTopic = all.map((w) => topic.includes(contentStems(w)[0] ?? ""));
  const first = isTopic.indexOf(true);
  const last = isTopic.lastIndexOf(true);
  if (first < 0) return topic.join(" ");
  const stretch = all.slice(first, last + 1);
  // Between the topic words only stop words (no stems of their own): "of", "the", "dan".
  if (stretch.every((w, i) => isTopic[first + i] || contentStems(w).length === 0)) return stretch.join(" ");
  return [...new Set(all.filter((_, i) => isTopic[i]))].join(" ");
}

/** "What GPU ...", "Which hospital ...": the noun right after "what"/"which" is a topic word, the thing asked for. */
function whatNamesTopic(q: Question): boolean {
  const at = q.tokens.findIndex((t) => t === "what" || t === "which");
  const next = at >= 0 ? q.tokens[at + 1] : undefined;
  // Indonesian opens with the noun: "Dataset apa yang dibuat penulis PaSa?", "GPU mana yang dipakai?".
  // (Only opening the question: "terbit di jurnal atau seri apa?" asks for the journal.)
  const before = q.tokens[1] === "apa" || q.tokens[1] === "mana" ? q.tokens[0] : undefined;
  return [next, before].some((word) => word !== undefined && contentStems(word).some((t) => q.topic.includes(t)));
}

/**
 * The question names a field in the English plural: "What activities does Rumah Faye offer?" asks for all of
 * them, as "Kegiatan apa saja ..." does. With `weak`, the field's weak words count too ("activities", "services").
 */
export function namesFieldInPlural(tokens: string[], field: StudyField, weak = false): boolean {
  const w = questionWords();
  const phrases = [...(w.fields[field] ?? []), ...(weak ? (w.weak_fields[field] ?? []) : [])];
  return phrasesIn(tokens, phrases).some((m) => ENGLISH_PLURAL.test(m.phrase));
}

/** "studies", "articles", "studi-studi": a question about the studies as a set. */
const PLURAL_STUDIES = /\b(?:studies|articles|papers|studi-studi|artikel-artikel|penelitian-penelitian|studi2|artikel2|penelitian2)(?![\p{L}\d])/iu;

/** Where to look for a section a question points at: the section, and the abstract's summary of it. */
function sectionsOf(named: string[]): string[] {
  if (named.length === 0) return [];
  return [...new Set([...named, ...(named.includes("conclusion") || named.includes("introduction") ? ["abstract"] : [])])];
}
