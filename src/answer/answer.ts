/**
 * answer(messages, options): one function for the server, the OpenAI-compatible endpoint and the
 * evaluation runner. A conversation becomes an answer with citations:
 *   analyse the question once -> read it against the previous turn -> plan -> retrieve -> compose from
 *   records or from prose (or by a model when configured, falling back to the composed answer) -> cite.
 * The server keeps no conversation state: the previous turns are replayed (composed, never by a model)
 * to know what "the second one" or "it" refers to.
 *
 * `streamAnswer` yields the same answer as ChatEvents; `answer` collects them.
 */
import type { Config } from "../config.ts";
import { ProductError } from "../domain/errors.ts";
import type { Lang } from "../domain/lang.ts";
import type { Passage } from "../domain/passage.ts";
import { toSectionId } from "../domain/sections.ts";
import type { Embedder } from "../embed/embedder.ts";
import type { PassageStore } from "../store/passage-store.ts";
import { analyze, canonicalTerms, contentStems, PERCENT_WORD, translateTerms } from "../text/analyze.ts";
import { languageAsked, resolveFollowUp, studiesInFocus, type ChatMessage, type PreviousTurn, type ResolvedQuestion } from "../retrieve/conversation.ts";
import { hasPhrase, questionWords } from "../retrieve/question-words.ts";
import { analyzeQuestion, fillerWordStems, framingStems, namesWritten, stemsAsking, type Question, type StudyRef } from "../retrieve/question.ts";
import type { ScoredPassage } from "../retrieve/search.ts";
import { retrieve, type Retrieved } from "../retrieve/retrieve.ts";
import { CitationList, ReferenceBook } from "./citations.ts";
import type { ComposeContext, Composition } from "./compose-context.ts";
import { askedNouns, definiendum, introducesItems, termRole, wantedCues } from "./evidence.ts";
import { composeExplain } from "./compose-explain.ts";
import { composeSectionOpening } from "./compose-section.ts";
import { composeSmallTalk } from "./compose-small-talk.ts";
import { composeFromRecords } from "./compose-records.ts";
import type { LlmComposer } from "./llm.ts";
import { MESSAGES } from "./messages.ts";
import { asksOnlyAim, comparesDocumentsOnly, planQuestion, type Plan } from "./plan.ts";
import { keyLabel } from "./render.ts";
import type { AnswerOptions, AnswerResult, AnswerSentence, ChatEvent, QueryInfo, RetrievedPassage } from "./types.ts";

export interface AnswerContext {
  store: PassageStore;
  /** Absent when the index's remote embedder cannot be reached: search by words only. */
  embedder?: Embedder;
  config: Config;
  /** Standing notices (a degraded embedder), added to every answer's warnings. */
  warnings?: string[];
  /** Present when a chat model is configured. */
  llm?: LlmComposer;
}

/** A conversation that cannot be answered (no user message): a client error. */
export class AnswerInputError extends ProductError {
  constructor(message: string) {
    super("invalid_request", message);
  }
}

/** How many earlier user turns are replayed to resolve a follow-up. */
export const REPLAY_TURNS = 3;

interface Prepared {
  resolved: ResolvedQuestion;
  plan: Plan;
  retrieved: Retrieved;
  composition: Composition;
  citations: CitationList;
  lang: Lang;
  book: ReferenceBook;
}

const books = new WeakMap<object, { buildId: string; book: ReferenceBook }>();

function referenceBook(store: PassageStore): ReferenceBook {
  const cached = books.get(store);
  if (cached && cached.buildId === store.buildId) return cached.book;
  const book = new ReferenceBook(store.documents, store.studies, store.references);
  books.set(store, { buildId: store.buildId, book });
  return book;
}

/** How far into a document its front matter (title, authors, affiliations, date) may run, in characters. */
const FRONT_MATTER_CHARS = 4000;

/**
 * A document's first passages, in order: where its title, authors and date are printed, footnotes included
 * (a conference paper's year and venue are in its copyright block: "PLDI'09, June 15-20, 2009, Dublin").
 */
async function documentOpening(store: PassageStore, docId: string): Promise<Passage[]> {
  const passages = await store.listPassages({ docs: [docId] }, 1_000_000);
  return passages.filter((p) => p.start < FRONT_MATTER_CHARS && (p.kind === "prose" || p.kind === "footnote")).sort((a, b) => a.start - b.start);
}

/**
 * The passages that use the rare names a question writes (a capitalised word after its first, used in at most
 * `k` passages of the index), found by those names alone.
 */
async function passagesNaming(store: PassageStore, question: string, docs: string[], k: number): Promise<Passage[]> {
  const df = store.termStats.df;
  const names = namesWritten(question).filter((t) => (df[t] ?? 0) > 0 && df[t] <= k);
  if (names.length === 0) return [];
  const hits = await store.textSearch(names.join(" "), k, { docs });
  return hits.map((h) => h.passage).filter((p) => p.kind !== "reference");
}

/**
 * "What is the highest speedup TraceMonkey reaches?": the highest or lowest of a measure is read from the
 * rows of a table with a column for it, though the search ranks the prose above them on the question's
 * other words ("reaches"). The data rows of these documents whose column names say one of the topic's words.
 * Read from memory only, like definingPassages.
 */
async function rowsWithColumn(store: PassageStore, docs: string[], topic: string[]): Promise<Passage[]> {
  if (!store.inMemory || topic.length === 0) return [];
  const asked = new Set(topic);
  return (await store.listPassages({ docs }, Number.MAX_SAFE_INTEGER)).filter(
    (p) => p.kind === "table-row" && p.cells.some((c, i) => i > 0 && analyze(c.column).terms.some((t) => asked.has(t))),
  );
}

/** A definition, or a list of what the question asks for, is stated once or twice: a few passages are enough. */
const MAX_SCANNED_CANDIDATES = 3;

/**
 * The passages of these documents that say what the term is ("X is ...", "X (the ...)"), in document order.
 * Read from memory only: an index too large to hold is not read through for one question.
 */
async function definingPassages(store: PassageStore, docs: string[], term: string[]): Promise<Passage[]> {
  const words = term.map((w) => w.toLowerCase());
  return firstPassagesWhere(store, docs, (p) => {
    if (p.kind === "reference" || !words.every((w) => p.text.toLowerCase().includes(w))) return false;
    const role = termRole(p.text, term);
    return role === "defines" || role === "spells";
  });
}

/**
 * The first MAX_SCANNED_CANDIDATES passages of the documents that pass `keep`, read from an index held in
 * memory (a large one on disk is not scanned per question: none then).
 */
async function firstPassagesWhere(store: PassageStore, docs: string[], keep: (p: Passage) => boolean): Promise<Passage[]> {
  if (!store.inMemory) return [];
  const out: Passage[] = [];
  for (const p of await store.listPassages({ docs }, Number.MAX_SAFE_INTEGER)) {
    if (!keep(p)) continue;
    out.push(p);
    if (out.length >= MAX_SCANNED_CANDIDATES) break;
  }
  return out;
}

/**
 * "What agents does PaSa have?": the sentence that names them ("PaSa consists of two LLM agents: the Crawler and
 * the Selector") may rank below every passage that says "agent" and "PaSa" as often; the passages that name
 * items after the noun asked are candidates as well.
 */
async function enumeratingPassages(store: PassageStore, docs: string[], q: Question): Promise<Passage[]> {
  const nouns = askedNouns(q);
  if (!q.several || nouns.size === 0) return [];
  return firstPassagesWhere(store, docs, (p) => p.kind === "prose" && introducesItems(p.text, nouns));
}

/**
 * "Is this a systematic review?": a design asked of the document itself. The design it names frames the
 * question, whether or not the document uses the word (it may well not: this one is a "telaah literature
 * sederhana"), so its absence is no reason to abstain; the document's own method answers. Results named
 * beside it are what such a design would pool ("Does the review include a meta-analysis or pool any results?").
 */
const designAsked = (q: Question) =>
  q.selfReview &&
  q.studies.length === 0 &&
  q.sections.length === 0 &&
  q.asks.every((f) => f === "design" || f === "outcomes") &&
  // ... or its design and nothing else ("What kind of review is this?", "Review ini jenisnya apa?").
  (q.values.length > 0 ? q.values.every((v) => v.field === "design") : q.asks.includes("design") && q.topic.length === 0);

/**
 * "What did the review conclude?", "Apa kesimpulannya?": what a document concludes is its conclusion section's
 * before a discussion of one of its studies (its findings and recommendations are wherever it states them).
 */
const asksConclusion = (q: Question) => q.sections.includes("conclusion") || hasPhrase(q.tokens, questionWords().conclude_words);

/** The studies a plan is about, for the retrieval filter. */
function planStudies(plan: Plan): StudyRef[] {
  return plan.kind === "lookup" || plan.kind === "compare" || plan.kind === "explain" ? plan.studies : [];
}

async function prepare(context: AnswerContext, question: Question, previous: PreviousTurn | undefined, options: AnswerOptions): Promise<Prepared> {
  const { store, config } = context;
  // ("in Indonesian please" is written in English and asks for Indonesian.)
  const lang = options.lang ?? (previous ? languageAsked(question.text) : undefined) ?? question.lang;
  let resolved = resolveFollowUp(question, previous);
  // Filters from the request narrow what the question may name.
  if (options.studies && options.studies.length > 0) {
    const docs = options.docs && options.docs.length > 0 ? options.docs : [...new Set(store.studies.map((s) => s.docId))];
    const studies = docs.flatMap((docId) => options.studies!.map((number) => ({ docId, number }))).filter((r) => store.studies.some((s) => s.docId === r.docId && s.number === r.number));
    resolved = { ...resolved, question: { ...resolved.question, studies } };
  }
  const q = resolved.question;
  const docsInScope = options.docs && options.docs.length > 0 ? options.docs : q.docs.length > 0 ? q.docs : store.documents.map((d) => d.id);
  // The studies questions ask about: rows of included-studies tables (a paper's references are sources, not studies).
  const records = store.studies.filter((s) => s.kind === "study" && docsInScope.includes(s.docId));
  // With papers beside the reviews, a question about a review's own method is the reviews' (plan.ts).
  const reviews = store.documents.filter((d) => d.kind === "review" && docsInScope.includes(d.id)).map((d) => d.id);
  const plan = planQuestion(resolved, { hasStudies: records.length > 0, docs: q.docs.length > 0 ? q.docs : options.docs ?? [], reviews: reviews.length < docsInScope.length ? reviews : [], library: docsInScope });
  // "What is X?" is answered by the sentence that says what X is, which the few passages that mention X most
  // often may not hold ("Table 7: Selector Evaluation."): twice as many passages to choose it from.
  // A question the document answers of itself (ownVoice) loses the passages about its studies after the search:
  // twice as many to keep enough of its own.
  const k = options.k ?? (plan.kind === "explain" && (definiendum(q).length > 0 || plan.ownVoice) ? 2 * config.retrieve.topK : config.retrieve.topK);
  const sections = plan.kind === "explain" && plan.sections.length > 0 ? plan.sections : options.sections;
  const retrieved = await retrieve(store, context.embedder, resolved.searchText, {
    k,
    studies: planStudies(plan),
    docs: plan.kind === "explain" && plan.docs.length > 0 ? plan.docs : options.docs,
    sections,
    vectorWeight: config.retrieve.vectorWeight,
    // A question that names several documents, or asks about each one, is answered by each of them (compose-explain.ts).
    eachDoc: plan.kind === "explain" && (q.docs.length > 1 || plan.eachDoc === true),
  });
  // The document speaking of itself: not a passage about one of its included studies.
  const aboutStudy = (p: Passage) => p.studies.some((n) => records.some((r) => r.docId === p.docId && r.number === n));
  if (plan.kind === "explain" && plan.ownVoice) {
    retrieved.passages = retrieved.passages.filter((p) => !aboutStudy(p));
    retrieved.hits = retrieved.hits.filter((h) => !aboutStudy(h.passage));
  }
  const book = referenceBook(store);
  const citations = new CitationList(book);
  // Record values point into passages; with a large index they are not all in memory.
  const passages = new Map<string, Passage>();
  if (!store.inMemory) {
    const ids = new Set(records.flatMap((r) => Object.values(r.fields).flatMap((values) => values?.map((v) => v.passageId) ?? [])));
    for (const id of ids) {
      const p = await store.getPassage(id);
      if (p) passages.set(id, p);
    }
  }
  for (const p of retrieved.passages) passages.set(p.id, p);
  // "Who wrote it?": the answer cites the front matter the identity was read from.
  const openings = new Map<string, Passage[]>();
  if (plan.kind === "review-meta") {
    for (const docId of plan.docs.length > 0 ? plan.docs : docsInScope) openings.set(docId, await documentOpening(store, docId));
  }
  // "Which paper is about technology acceptance?" in a library of a review and papers: if none of the review's
  // studies is, a paper of the library may be (compose-records.ts), read from its front matter. Only the papers
  // the search found a passage of are candidates: a library of many is not read through for every such question.
  if (plan.kind === "list" && plan.filters.length > 0 && plan.filters.every((f) => f.field === "topic")) {
    const found = new Set(retrieved.passages.map((p) => p.docId).filter((docId) => !records.some((r) => r.docId === docId)));
    for (const docId of found) openings.set(docId, await documentOpening(store, docId));
  }
  const ownDesign = designAsked(q);
  const composeContext: ComposeContext = {
    // The plan may want a kind of value the words alone did not (a count asked of a paper's text).
    // "each document" names them all.
    // "Is this a systematic review?" asks for the document's own design; "Does it pool any results?" too (the
    // results are what a meta-analysis would pool, not what is asked).
    question: plan.kind === "explain" ? { ...q, answerTypes: plan.answerTypes, docs: plan.eachDoc ? plan.docs : q.docs, asks: ownDesign ? ["design" as const] : q.asks } : q,
    lang,
    records,
    documents: store.documents.filter((d) => docsInScope.includes(d.id)),
    termStats: store.termStats,
    citations,
    passage: (id) => passages.get(id) ?? store.passageSync(id),
    passagesOf: (record) => store.passagesOfSync(record.docId, record.number),
    opening: (docId) => openings.get(docId) ?? [],
    retrieved: retrieved.passages,
    following: (passage) => store.nextPassageSync(passage.id),
    tableRows: (passage) => store.tableRowsSync(passage),
    // A document's own aim is one statement (abstract or introduction): the best says it, the rest repeat it or
    // only use the word ("Dengan tujuan pemaksaan ...", "In Section 4 we describe ...").
    maxSentences: plan.kind === "explain" && (plan.ownVoice || plan.eachDoc) && asksOnlyAim(q) ? 1 : (options.maxSentences ?? config.answer.maxSentences),
    abstain: { minCoverage: config.answer.abstainMinCoverage, unknownShare: config.answer.abstainUnknownShare },
  };
  let composition = plan.kind === "out-of-scope" && plan.smallTalk ? composeSmallTalk(composeContext, plan.smallTalk) : composeFromRecords(composeContext, plan);
  // "Who wrote it?", "Where was it published?": the answer is read from the front matter, so the passages it
  // cites lead the sources, whatever the search found for the question's words.
  if (plan.kind === "review-meta" && !plan.topic) {
    const read = [...openings.values()].flat().filter((p) => citations.citations.some((c) => c.passageId === p.id));
    const top = retrieved.hits[0]?.score ?? 1;
    const readIds = new Set(read.map((p) => p.id));
    retrieved.hits = [...read.map((passage) => ({ passage, score: top, similarity: 0, bm25: 0 })), ...retrieved.hits.filter((h) => !readIds.has(h.passage.id))];
    retrieved.passages = retrieved.hits.map((h) => h.passage);
  }
  // A free-text field the records do not hold ("what was its aim?") may still be said in the prose.
  const freeText = plan.kind === "lookup" && plan.fields.every((f) => ["intervention", "outcomes", "recommendations", "theory", "aim"].includes(f));
  // ... but only by a sentence that does what was asked (recommends, reports a result): otherwise the records'
  // plain "the review does not state study 9's recommendations" stands, not a quote that merely names the study.
  const notInRecords = composition?.abstained && freeText ? composition : undefined;
  if (notInRecords) composition = undefined;
  // "What challenges did study 6 find?": a field asked about something its cells never speak of ("tantangan"
  // is in study 6's intervention cell, not its results) is looked for in all the study's text; the field's
  // cells stand if the text has nothing better.
  // (Not what the question sets aside: "besides counselling" asks for the rest.)
  const askedTopic = q.topic.filter((t) => !q.excludedTopic.includes(t));
  const offTopic = composition && !composition.abstained && freeText && askedTopic.length > 0 && !saysTopic(composition.sentences, askedTopic) ? composition : undefined;
  if (offTopic) composition = undefined;
  const citedByRecords = citations.citations.length;
  // Records that say nothing at all (a study number no document in scope has) leave the answer to the prose,
  // which answers or says plainly that it cannot: never an empty answer.
  if (composition && composition.sentences.length === 0) composition = undefined;
  if (!composition) {
    const studies = planStudies(plan);
    // The names and title words of the studies it names say which study, not what is asked about it.
    const named = studies.map((ref) => records.find((r) => r.docId === ref.docId && r.number === ref.number)).filter((r) => r !== undefined);
    const identity = new Set(named.flatMap((r) => [...r.aliases.flatMap((a) => contentStems(a)), ...contentStems(r.fields.title?.[0]?.text ?? "")]));
    // "Apa isi pendahuluannya?": a section and nothing to look for in it is answered by how it opens.
    const section = plan.kind === "explain" ? toSectionId(plan.sections[0] ?? "") : undefined;
    // With several documents named and nothing to look for, a quote one of them happens to have is no answer:
    // each one's opening is.
    const eachOpens = plan.kind === "explain" && section !== undefined && plan.docs.length > 1 && (comparesDocumentsOnly(q) || (plan.eachDoc === true && q.topic.length === 0 && q.asks.length === 0));
    const opensSection = plan.kind === "explain" && section !== undefined && (q.topic.length === 0 || eachOpens) && studies.length === 0;
    // "What does the review recommend?", "Apa saran review ini?": only the field is asked, and any sentence of
    // the sections it is stated in that does what it asks answers it, whatever words it shares with the
    // question; so every passage of those sections is a candidate, not only those the search ranked first.
    // So is how studies got into the review ("Apa saja syarat artikel yang dipakai?"): its criteria, in its method.
    const fieldOnly = plan.kind === "explain" && ((q.topic.length === 0 && q.asks.length > 0 && wantedCues(q).size > 0) || ownDesign || (q.aboutSelection && plan.sections.includes("methods")));
    const sectionPassages =
      fieldOnly && plan.sections.length > 0 ? await store.listPassages({ sections: plan.sections.map(toSectionId).filter((x) => x !== undefined), docs: plan.docs.length > 0 ? plan.docs : docsInScope }) : [];
    // "Apa saran untuk pemerintah?": what the studies recommend is in their records' recommendation cells,
    // whatever words the search matched; those passages are candidates too (the recommending one on the topic
    // comes first: recommendationFirst).
    const recommending =
      plan.kind === "explain" && q.asks.includes("recommendations") && studies.length === 0
        ? records.flatMap((r) => (r.fields.recommendations ?? []).map((v) => composeContext.passage(v.passageId))).filter((p) => p !== undefined)
        : [];
    // "What is the Selector in PaSa?": the sentence that says what it is ("The Selector is an LLM agent that ...")
    // may share no other word with the question, and the search ranks it below every passage that uses the
    // term's words more ("selecting" is "seleksi" too); the passages that define it are candidates as well.
    const explainDocs = plan.kind === "explain" && plan.docs.length > 0 ? plan.docs : docsInScope;
    const term = plan.kind === "explain" ? definiendum(q) : [];
    const defining = plan.kind === "explain" && term.length > 0 ? await definingPassages(store, explainDocs, term) : [];
    // "Do any of these papers discuss compiling Python programs?": a rare name the question writes is what it is
    // about, but the search adds up every word of it, and passages full of "paper", "discuss" and "program" outrank
    // the few that name Python. Those few are searched for by the name alone.
    const naming = plan.kind === "explain" ? await passagesNaming(store, q.text, explainDocs, config.retrieve.topK) : [];
    const enumerating = plan.kind === "explain" && studies.length === 0 ? await enumeratingPassages(store, explainDocs, q) : [];
    const ranking = plan.kind === "explain" && q.superlative ? await rowsWithColumn(store, explainDocs, q.topic) : [];
    // Each passage once, the search's own first.
    const seen = new Set<string>();
    // (The document speaking of itself: none of them about one of its studies, as for the search above.)
    const ownVoice = plan.kind === "explain" && plan.ownVoice === true;
    const candidates = [...retrieved.passages, ...sectionPassages, ...recommending, ...defining, ...naming, ...enumerating, ...ranking].filter((p) => !seen.has(p.id) && Boolean(seen.add(p.id)) && !(ownVoice && aboutStudy(p)));
    composition = eachOpens
      ? { sentences: [], abstained: true, studies: [], reason: "several documents, nothing to look for", bestSupport: 0 }
      : composeExplain(composeContext, { passages: candidates, ownText: question.text, searchText: resolved.searchText, identity, framing: ownDesign ? new Set([...framingStems(), ...q.values.flatMap((v) => contentStems(v.text))]) : framingStems(), filler: new Set([...fillerWordStems(), ...shareWords(q)]), ...(ownDesign ? { sayIfUnused: q.values.map((v) => ({ text: v.text, label: keyLabel("design", v.key, lang) })) } : {}), namedStudy: studies.length > 0 || (plan.kind === "explain" && plan.sections.length > 0), requireCue: Boolean(notInRecords), fieldOnly, ...(plan.kind === "explain" && (asksConclusion(q) || plan.ownVoice || (plan.eachDoc && asksOnlyAim(q))) ? { sectionOrder: plan.sections } : {}) });
    if (composition.abstained && notInRecords) composition = notInRecords;
    // (The text's best quote must say it: a later one may only name it in passing, as a title.)
    if ((composition.abstained || !saysTopic(composition.sentences.slice(0, 1), askedTopic)) && offTopic) {
      citations.rollback(citedByRecords);
      composition = offTopic;
    }
    if (composition.abstained && opensSection && section) {
      // A document's gist is its abstract, or, in one without an abstract, how its introduction opens.
      const gistOf = eachOpens && section === "abstract" ? (["abstract", "introduction"] as const) : [section];
      const inSection = await store.listPassages({ sections: [...gistOf], docs: plan.docs.length > 0 ? plan.docs : docsInScope });
      // Several documents named ("Compare the PaSa paper and the TraceMonkey paper"): each one's opening in turn.
      // (One section at a time: composing an opening cites its sentences.)
      const openingOf = (passages: Passage[]) => {
        for (const s of gistOf) {
          const opening = composeSectionOpening(composeContext, s, passages);
          if (opening) return opening;
        }
        return undefined;
      };
      const openings = (plan.docs.length > 1 ? plan.docs : [undefined])
        .map((docId) => openingOf(docId ? inSection.filter((p) => p.docId === docId) : inSection))
        .filter((c) => c !== undefined);
      if (openings.length > 0) composition = { ...openings[0], sentences: openings.flatMap((c) => c.sentences) };
    }
  }
  return { resolved, plan, retrieved, composition, citations, lang, book };
}

/**
 * The passages a model is given: those the composed answer cites (what the plan found for the question:
 * record values, the named studies' own passages), then the retrieved ones.
 */
async function modelHits(context: AnswerContext, prepared: Prepared): Promise<ScoredPassage[]> {
  const out: ScoredPassage[] = [];
  const seen = new Set<string>();
  for (const c of prepared.citations.citations) {
    if (seen.has(c.passageId)) continue;
    const passage = context.store.passageSync(c.passageId) ?? (await context.store.getPassage(c.passageId));
    if (!passage) continue;
    seen.add(passage.id);
    out.push({ passage, score: 1, similarity: 0, bm25: 0 });
  }
  for (const hit of prepared.retrieved.hits) if (!seen.has(hit.passage.id)) out.push(hit);
  return out;
}

/**
 * prepare(), and when nothing answers a question that stands alone by its words, again as a question about the
 * study the conversation is on ("Tell me about study 8" then "How many survivors were interviewed?"). Used for
 * the question asked and for the earlier turns replayed, so that "it" afterwards means what the reader saw.
 */
async function prepareInConversation(context: AnswerContext, question: Question, previous: PreviousTurn | undefined, options: AnswerOptions): Promise<Prepared> {
  const prepared = await prepare(context, question, previous, options);
  const focus = previous && !prepared.resolved.followUp && question.studies.length === 0 && !options.studies?.length ? studiesInFocus(previous) : [];
  if (!prepared.composition.abstained || focus.length !== 1) return prepared;
  const inContext = await prepare(context, question, previous, { ...options, studies: [focus[0].number], docs: [focus[0].docId] });
  return inContext.composition.abstained ? prepared : { ...inContext, resolved: { ...inContext.resolved, followUp: true, studiesFrom: "pronoun" } };
}

/**
 * "What share of the queries were qualified?": a word that asks for a share other than "percent" is no word the
 * answer must use; the share it asks for is its proof ("94.0% of the queries"), checked as the kind of value
 * asked. ("%" reads as the word "persen", so "percent" and "persen" are met by the figure itself.)
 */
function shareWords(q: Question): string[] {
  return stemsAsking(q, ["prevalence"]).filter((stem) => !canonicalTerms([stem]).includes(PERCENT_WORD));
}

/** Whether the sentences use any of the topic's stems, in either language. */
function saysTopic(sentences: AnswerSentence[], topic: string[]): boolean {
  const terms = new Set(sentences.flatMap((s) => analyze(s.text).terms));
  const translated = translateTerms(topic);
  return topic.some((t) => terms.has(t) || (translated.get(t) ?? []).some((x) => terms.has(x)));
}

/** Analyse and replay the earlier turns (composed answers only) to know what the last one refers to. */
async function previousTurn(context: AnswerContext, earlier: string[], options: AnswerOptions): Promise<PreviousTurn | undefined> {
  let previous: PreviousTurn | undefined;
  const index = { documents: context.store.documents, studies: context.store.studies };
  for (const text of earlier.slice(-REPLAY_TURNS)) {
    const question = analyzeQuestion(text, index, options.lang);
    const prepared = await prepareInConversation(context, question, previous, { ...options, mode: "extractive" });
    const q = prepared.resolved.question;
    // Study numbers are per document: a study the answer named is the one its citations name (another
    // document may have a study with the same number), else the one the question named.
    const cited = prepared.citations.citations;
    const docOf = (n: number) => cited.find((c) => c.studies.includes(n))?.docId ?? q.studies.find((s) => s.number === n)?.docId ?? context.store.studies.find((s) => s.number === n)?.docId ?? "";
    const entities = prepared.composition.studies.map((n) => ({ docId: docOf(n), number: n }));
    const focus = prepared.composition.focus?.map((n) => ({ docId: docOf(n), number: n }));
    // (An answer that quoted nothing, an abstention, is still about the one document its question named.)
    const document = quotedDocument(context, cited) ?? (context.store.documents.length > 1 && q.docs.length === 1 ? q.docs[0] : undefined);
    previous = {
      question: q,
      planKind: prepared.plan.kind,
      fields: q.asks,
      ...(prepared.plan.kind === "list" || prepared.plan.kind === "count" ? { filters: prepared.plan.filters } : {}),
      entities,
      ...(focus ? { focus } : {}),
      lastList: entities.length > 1 ? entities : previous?.lastList,
      recentStudies: recentOf(previous?.recentStudies ?? [], entities),
      ...(document ? { document } : {}),
      ...(prepared.composition.documents ? { documents: prepared.composition.documents } : {}),
    };
  }
  return previous;
}

/** The studies answers named one by one, latest last, each once: at most this many are kept. */
const RECENT_STUDIES = 4;
/** The recent studies with an answer's one study added last (an answer that named several adds none). */
function recentOf(before: StudyRef[], named: StudyRef[]): StudyRef[] {
  const same = (a: StudyRef, b: StudyRef) => a.docId === b.docId && a.number === b.number;
  const added = named.length === 1 ? named : [];
  return [...before.filter((s) => !added.some((a) => same(a, s))), ...added].slice(-RECENT_STUDIES);
}

/** The one document an answer's citations are all from, when the index has several. */
function quotedDocument(context: AnswerContext, cited: { docId: string }[]): string | undefined {
  const docs = new Set(cited.map((c) => c.docId));
  return context.store.documents.length > 1 && docs.size === 1 ? [...docs][0] : undefined;
}

/** Text of an answer from its sentences: list items on lines of their own. */
export function answerText(sentences: AnswerSentence[]): string {
  let out = "";
  sentences.forEach((s, i) => {
    if (i > 0) out += s.item || sentences[i - 1].item || sentences[i - 1].text.endsWith(":") ? "\n" : " ";
    out += s.item ? `- ${s.text}` : s.text;
  });
  return out;
}

function retrievedOf(r: Retrieved): RetrievedPassage[] {
  return r.hits.map((h) => ({ id: h.passage.id, docId: h.passage.docId, score: h.score, section: h.passage.section, page: h.passage.page, studies: h.passage.studies }));
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function* streamAnswer(context: AnswerContext, messages: ChatMessage[], options: AnswerOptions = {}): AsyncGenerator<ChatEvent> {
  const started = performance.now();
  await context.store.refresh();
  const userTurns = messages.filter((m) => m.role === "user" && m.content.trim()).map((m) => m.content.trim());
  const last = userTurns.at(-1);
  if (!last) throw new AnswerInputError("the conversation has no user message to answer");
  const index = { documents: context.store.documents, studies: context.store.studies };
  const previous = await previousTurn(context, userTurns.slice(0, -1), options);
  const question = analyzeQuestion(last, index, options.lang);
  const prepared = await prepareInConversation(context, question, previous, options);
  const retrieveMs = performance.now() - started;
  const warnings: string[] = [...(context.warnings ?? [])];
  let mode = options.mode ?? context.config.answer.mode;
  if (mode === "llm" && !context.llm) {
    warnings.push("no chat model is configured (set OPENAI_BASE_URL or OPENAI_API_KEY); the answer was composed from the documents");
    mode = "extractive";
  }
  const q = prepared.resolved.question;
  const query: QueryInfo = { question: last, searchText: prepared.resolved.searchText, studies: q.studies.map((s) => s.number), docs: q.docs, followUp: prepared.resolved.followUp };
  const retrieved = retrievedOf(prepared.retrieved);
  yield { type: "meta", mode, lang: prepared.lang, plan: prepared.plan, query, retrieved, warnings };

  const composeStarted = performance.now();
  let sentences = prepared.composition.sentences;
  let citations = prepared.citations.citations;
  let abstained = prepared.composition.abstained;
  let unsupported: string[] = [];
  let text = answerText(sentences);
  // "What did study 11 find?" of a review of ten: the records say there is none, and no model is asked.
  const noSuchStudy = prepared.plan.kind === "out-of-scope" && prepared.plan.noSuchStudy !== undefined;
  let finalMode = noSuchStudy ? "extractive" : mode;
  if (mode === "llm" && context.llm && !noSuchStudy) {
    const stream = context.llm.compose({
      question: last,
      messages,
      hits: await modelHits(context, prepared),
      lang: prepared.lang,
      book: prepared.book,
      plan: prepared.plan,
      records: prepared.composition.studies.map((n) => context.store.studies.find((s) => s.number === n)).filter((r) => r !== undefined),
      signal: options.signal,
    });
    let streamed = false;
    try {
      let step = await stream.next();
      while (!step.done) {
        streamed = true;
        yield { type: "delta", text: step.value.text, ...(step.value.reset ? { reset: true } : {}) };
        step = await stream.next();
      }
      const model = step.value;
      ({ sentences, citations, abstained, unsupported } = model);
      text = model.answer;
      if (unsupported.length > 0) warnings.push(MESSAGES[prepared.lang].llmUnsupported);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push(MESSAGES[prepared.lang].llmFallback(reason));
      finalMode = "extractive";
      if (streamed) yield { type: "delta", text: "", reset: true };
      for (const s of chunksOf(text)) yield { type: "delta", text: s };
    }
  } else {
    for (const s of chunksOf(text)) yield { type: "delta", text: s };
  }
  const composeMs = performance.now() - composeStarted;
  const studies = prepared.composition.studies;
  yield { type: "citations", citations, sentences, unsupported, abstained, warnings, studies };
  const result: AnswerResult = {
    answer: text,
    citations,
    abstained,
    mode: finalMode,
    lang: prepared.lang,
    plan: prepared.plan,
    sentences,
    studies,
    unsupported,
    warnings,
    query,
    retrieved,
    timings: { retrieveMs: round(retrieveMs), composeMs: round(composeMs), totalMs: round(performance.now() - started) },
    diagnostics: { bestSupport: round(prepared.composition.bestSupport), abstainReason: prepared.composition.reason },
  };
  yield { type: "done", result };
}

/** Deltas for an answer computed at once: line by line and sentence by sentence, as a model would stream. */
function* chunksOf(text: string): Generator<string> {
  for (const part of text.split(/(?<=\]\.? |\n)/)) if (part) yield part;
}

export async function answer(context: AnswerContext, messages: ChatMessage[], options: AnswerOptions = {}): Promise<AnswerResult> {
  for await (const event of streamAnswer(context, messages, options)) {
    if (event.type === "done") return event.result;
  }
  throw new Error("answer stream ended without a result");
}

/** Retrieval alone, with no study filter: what the question's own words find (an evaluation metric). */
export async function retrieveUnfiltered(context: AnswerContext, question: string, k: number) {
  const r = await retrieve(context.store, context.embedder, question, { k, vectorWeight: context.config.retrieve.vectorWeight });
  return r.hits.map((h) => ({ docId: h.passage.docId, section: h.passage.section, page: h.passage.page, studies: h.passage.studies }));
}
