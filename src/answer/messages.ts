/**
 * Every phrase the assistant writes itself, per language (like zod's locale files). Values from the
 * records are put into these sentences; quotes stay in the source's language, marked «...».
 */
import type { Lang } from "../domain/lang.ts";
import type { SectionId } from "../domain/sections.ts";
import type { StudyField } from "../domain/study.ts";

export interface AnswerMessages {
  /** The one lead a model may write without a citation. */
  frame: string;
  study: (n: number) => string;
  studies: (list: string) => string;
  theReview: string;
  according: (who: string) => string;
  reports: (who: string) => string;
  /** A data table's row: "Table 4 («...») gives for «γ0»: Value 1.0" (the table is named before, the row after). */
  tableGives: string;
  /** "gives no Precision for": every cell asked of the row is empty ("-"). */
  tableGivesNo: (columns: string) => string;
  /** Before a whole table's rows: "Table 4 (...) gives:". */
  tableGivesAll: string;
  /** After the rows a whole table said: how many more it has. */
  moreRows: (n: number) => string;
  aTable: string;
  /** "in Table 2 (...), the highest |Q| is 11761, for «NeurIPS 2023»": the highest or lowest of a table's column. */
  inTable: string;
  extremeOf: (highest: boolean, column: string) => string;
  extremeFor: string;
  /** Before the rest of a bulleted list a quote opens: "The list goes on: «Google Scholar», «ChatGPT» [2]." */
  listGoesOn: string;
  fieldIs: Record<StudyField, (who: string, value: string) => string>;
  fieldMissing: (who: string, field: StudyField) => string;
  /** "What did study 11 find?" of a review of ten (`numbers` as written, joined). */
  noSuchStudy: (numbers: string, several: boolean, total: number, last: number) => string;
  conflict: (field: StudyField) => string;
  /** `total` is a number, or "those 7" (`those`) when the list is taken from the previous answer's studies. */
  listHead: (count: number, total: number | string, predicate: string, noun: string) => string;
  those: (total: number) => string;
  noneHead: (total: number, predicate: string, noun: string) => string;
  /** After a negative answer: a study whose title names the value its field does not ("A longitudinal evaluation ..."). */
  onlyTitleNames: (who: string) => string;
  noneOther: (excluded: string) => string;
  /** "state their theory": what a list of every study's own words on a field says they do. */
  statesField: (fields: string) => string;
  countHead: (count: number, total: number | string, predicate: string, noun: string) => string;
  /** "Were only ...?" answered: no, only `count` of them; or yes, every one that states it. */
  onlyNo: (count: number, total: number, predicate: string, noun: string) => string;
  onlyYes: (count: number, total: number, predicate: string, noun: string) => string;
  /** "The review includes 10 studies:": every study, nothing filtered. */
  allHead: (document: string, count: number, noun: string) => string;
  distributionHead: (total: number, field: StudyField, noun: string) => string;
  /** "2 journals have more than one study each:" / none: "No journal has more than one study." */
  repeatedHead: (count: number, field: StudyField, noun: string) => string;
  repeatedNone: (field: StudyField, noun: string) => string;
  /** "How many countries were studied?": "The 10 studies name 3 different countries" (the groups below). */
  distinctValues: (count: number, field: StudyField, total: number, noun: string) => string;
  /** "The 10 studies were published between 2014 and 2021" (the caller cites, then ends the sentence). */
  yearSpan: (total: number, noun: string, from: string, to: string) => string;
  /** "The most common design is qualitative: 8 of the 10 studies" (`values` tied values, joined; no full stop: citations follow). */
  mostCommon: (field: string, values: string, tied: number, count: number, total: number, noun: string) => string;
  groupSize: (count: number, noun: string) => string;
  notStated: (list: string) => string;
  /** "2 of the 10 studies give a number of participants, the largest first:" (a list of the studies follows). */
  sampleLead: (given: number, total: number, noun: string, largest: boolean) => string;
  /** No study gives a number of participants. */
  sampleNone: (total: number, noun: string) => string;
  /** "The other 8 do not give one: Study 1, ..." */
  sampleOthers: (count: number, list: string) => string;
  earliest: (who: string, year: string) => string;
  latest: (who: string, year: string) => string;
  /** What the listed studies have in common; `one`: said of a single study (English agrees in number). */
  predicate: Record<"design" | "country" | "population" | "database" | "language" | "venue" | "year" | "topic", (value: string, one: boolean) => string>;
  /** The same, negated: "took place outside Indonesia", "tidak ditemukan melalui Google Scholar". */
  negatedPredicate: Record<"design" | "country" | "population" | "database" | "language" | "venue" | "year" | "topic", (value: string, one: boolean) => string>;
  and: string;
  or: string;
  keyTerms: string;
  documentAuthors: (doc: string, authors: string) => string;
  documentNoAuthors: (doc: string, venue: string) => string;
  documentYear: (doc: string, year: string) => string;
  /** After a document's identity that its text does not print where it can be cited: where the value came from. */
  fromMetadata: string;
  documentVenue: (doc: string, venue: string) => string;
  documentTitle: (doc: string, title: string) => string;
  /** "«Title» has 16 authors: A, B and C". */
  documentAuthorCount: (doc: string, count: number, authors: string) => string;
  /** "The first author of «Title» is A"; nth -1 is the last. */
  documentNthAuthor: (doc: string, nth: number, author: string) => string;
  /** "«Title» has only 2 authors: A and B" (the position asked for is past the last). */
  documentFewerAuthors: (doc: string, count: number, authors: string) => string;
  documentAffiliations: (doc: string, affiliations: string) => string;
  documentCorresponding: (doc: string, author: string) => string;
  documentDoi: (doc: string, doi: string) => string;
  /** The document's text does not give it: its year, venue, its authors' institutions, a corresponding author, a DOI. */
  documentLacks: Record<"year" | "venue" | "affiliations" | "corresponding" | "doi", (doc: string) => string>;
  /** The lead of a list of the documents in scope ("The library holds 4 documents:"). */
  documentsHead: (count: number) => string;
  /** "2 of the 4 documents are about “X”:" (a list follows). */
  documentsAbout: (count: number, total: number, topic: string) => string;
  /** After "none of the studies": the other documents of the library that are about it. */
  otherDocumentsAbout: (count: number, topic: string) => string;
  noDocumentAbout: (total: number, topic: string) => string;
  /** Documents that mention the topic without being about it (a list follows). */
  mentionedIn: (topic: string) => string;
  /** Said when the one document in scope is a review (and the model is told to say exactly this). */
  notCovered: string;
  /** Said when the one document in scope is not a review: "He et al. (2025) does not cover this." */
  notCoveredBy: (document: string) => string;
  /** Said when several documents are in scope. */
  notCoveredDocuments: string;
  notCoveredType: Record<string, string>;
  /** "amount" for what the question counts, in its own words ("usia rata-rata"). */
  noFigureFor: (words: string) => string;
  /** "current" (this year's figures) for a document of a known year: when it was written. */
  writtenIn: (year: number) => string;
  nearest: string;
  notMentioned: (words: string) => string;
  /** "The introduction of the review opens:" (a section asked for with nothing to look for in it). */
  sectionOpens: (section: string, who: string) => string;
  /** "The abstract of the review, part by part:" (a structured abstract summed up by its labelled parts). */
  abstractParts: (who: string) => string;
  sectionName: Partial<Record<SectionId, string>>;
  /** A change worked out from two figures of the quote: "a drop of 58 percentage points (from 72% to 14%)". */
  change: (delta: string, percent: boolean, from: string, to: string, down: boolean) => string;
  /** The figures a question asks for, said before the quote they are read from. */
  figures: (figures: string[]) => string;
  /** The items a question asks for ("the agents"), as the best quote names them, said before it. */
  items: (noun: string, items: string[]) => string;
  /** The years (or spans) a date question's best quote gives, said first. */
  years: (years: string[]) => string;
  /** "Gal et al. (2009) is the older.": of the documents named, the earliest or the latest. */
  documentExtreme: (earliest: boolean, short: string, among: number) => string;
  /** "Gal et al. (2009) has the most authors of the 3 (16)." */
  documentMostAuthors: (most: boolean, short: string, authors: number, among: number) => string;
  /** Before what an acronym's letters stand for: "PPO stands for". */
  standsFor: (acronym: string) => string;
  /** "Study 1 (...) and Study 4 (...) have in common:" before the values every compared study shares. */
  inCommon: (who: string) => string;
  /** ... when they share none of the categorical fields. */
  nothingInCommon: (who: string) => string;
  llmFallback: (reason: string) => string;
  llmUnsupported: string;
  /** A reply in kind to a greeting, thanks or goodbye, naming what can be asked about. */
  smallTalk: Record<"greeting" | "thanks" | "farewell", (about: string, hasStudies: boolean) => string>;
  /** "the 3 documents in the library" (small talk with several documents in scope). */
  theDocuments: (count: number) => string;
}

const FIELD_NAMES: Record<Lang, Record<StudyField, string>> = {
  en: { title: "title", authors: "authors", year: "year", venue: "journal", database: "database", design: "design", country: "country", setting: "setting", population: "population", language: "language", intervention: "program", outcomes: "results", recommendations: "recommendations", theory: "theory", aim: "aim" },
  id: { title: "judul", authors: "penulis", year: "tahun", venue: "jurnal", database: "database", design: "desain", country: "negara", setting: "lokasi", population: "populasi", language: "bahasa", intervention: "program", outcomes: "hasil", recommendations: "rekomendasi", theory: "teori", aim: "tujuan" },
};

/** English field names in the plural, for counts of distinct values ("3 different countries"). */
const FIELD_PLURALS: Record<StudyField, string> = { title: "titles", authors: "authors", year: "years", venue: "journals", database: "databases", design: "designs", country: "countries", setting: "settings", population: "populations", language: "languages", intervention: "programs", outcomes: "results", recommendations: "recommendations", theory: "theories", aim: "aims" };

export const fieldName = (field: StudyField, lang: Lang) => FIELD_NAMES[lang][field];

/** English puts "the" before plural and "union" country names: "the United States", "the Philippines". */
export function theCountry(name: string): string {
  if (/^the /i.test(name)) return name;
  return /^(?:United|Republic|Kingdom|Federated|Democratic)\b|\b(?:Islands|States|Emirates|Netherlands|Philippines|Bahamas|Maldives|Gambia)$/.test(name) ? `the ${name}` : name;
}

export const MESSAGES: Record<Lang, AnswerMessages> = {
  en: {
    frame: "According to the review:",
    study: (n) => `Study ${n}`,
    studies: (list) => `studies ${list}`,
    theReview: "the review",
    according: (who) => `According to ${who},`,
    reports: (who) => `${who} reports:`,
    tableGives: "gives for",
    tableGivesNo: (columns) => `gives no ${columns} for`,
    tableGivesAll: "gives:",
    moreRows: (n) => `and ${n} more ${n === 1 ? "row" : "rows"}`,
    aTable: "a table",
    inTable: "in",
    extremeOf: (highest, column) => `the ${highest ? "highest" : "lowest"} ${column} is`,
    extremeFor: "for",
    listGoesOn: "The list goes on:",
    fieldIs: {
      title: (who, v) => `${who} is titled ${v}`,
      authors: (who, v) => `${who} was written by ${v}`,
      year: (who, v) => `${who} was published in ${v}`,
      venue: (who, v) => `${who} appeared in ${v}`,
      database: (who, v) => `${who} was found through ${v}`,
      design: (who, v) => `The method of ${who}: ${v}`,
      country: (who, v) => `${who} took place in ${v}`,
      setting: (who, v) => `${who} is set in ${v}`,
      population: (who, v) => `${who} is about ${v}`,
      language: (who, v) => `The title of ${who} is in ${v}`,
      intervention: (who, v) => `The program of ${who}: ${v}`,
      outcomes: (who, v) => `${who} reports: ${v}`,
      recommendations: (who, v) => `${who} recommends: ${v}`,
      theory: (who, v) => `On theory, ${who} says: ${v}`,
      aim: (who, v) => `The aim of ${who}: ${v}`,
    },
    fieldMissing: (who, field) => `The review does not give the ${FIELD_NAMES.en[field]} of ${who}.`,
    noSuchStudy: (numbers, several, total, last) => `The review has no ${several ? "studies" : "study"} ${numbers}: it numbers its ${total} included studies 1 to ${last}.`,
    conflict: (field) => `the review is inconsistent about the ${FIELD_NAMES.en[field]}`,
    listHead: (count, total, predicate, noun) => `${count} ${count === 1 ? singular(noun) : noun} (of ${total}) ${predicate}:`,
    those: (total) => (total === 1 ? "the one listed" : `those ${total}`),
    noneHead: (total, predicate, noun) => `None of the ${total} ${noun} ${predicate}.`,
    onlyTitleNames: (who) => `Only the title of ${who} says so:`,
    noneOther: (excluded) => ` apart from ${excluded}`,
    statesField: (fields) => `state their ${fields}`,
    countHead: (count, total, predicate, noun) => `${count} ${count === 1 ? singular(noun) : noun} (of ${total}) ${predicate}:`,
    onlyNo: (count, total, predicate, noun) => `No: ${count} ${count === 1 ? singular(noun) : noun} (of ${total}) ${predicate}.`,
    onlyYes: (count, total, predicate, noun) => `Yes: ${count} ${count === 1 ? singular(noun) : noun} (of ${total}) ${predicate}, and none of the others says otherwise.`,
    allHead: (document, count, noun) => `${document[0].toUpperCase()}${document.slice(1)} includes ${count} ${count === 1 ? singular(noun) : noun}:`,
    distributionHead: (total, field, noun) => `By ${FIELD_NAMES.en[field]}, the ${total} ${noun} are:`,
    repeatedHead: (count, field, noun) => `${count === 1 ? `One ${FIELD_NAMES.en[field]} has` : `${count} ${FIELD_PLURALS[field]} have`} more than one ${singular(noun)}:`,
    repeatedNone: (field, noun) => `No ${FIELD_NAMES.en[field]} has more than one ${singular(noun)}.`,
    distinctValues: (count, field, total, noun) => `The ${total} ${noun} name ${count} different ${count === 1 ? FIELD_NAMES.en[field] : FIELD_PLURALS[field]}`,
    yearSpan: (total, noun, from, to) => `The ${total} ${noun} were published between ${from} and ${to}`,
    mostCommon: (field, values, tied, count, total, noun) =>
      tied === 1 ? `The most common ${field} is ${values}: ${count} of the ${total} ${noun}` : `The most common ${field}s are ${values}, ${count} of the ${total} ${noun} each`,
    groupSize: (count, noun) => `${count} ${count === 1 ? singular(noun) : noun}`,
    notStated: (list) => `not stated for ${list}`,
    sampleLead: (given, total, noun, largest) =>
      `${given === total && total > 1 ? (total === 2 ? `Both ${noun}` : `All ${total} ${noun}`) : `${given} of the ${total} ${noun}`} ${given === 1 ? "gives" : "give"} a number of participants${given === 1 ? ":" : `, the ${largest ? "largest" : "smallest"} first:`}`,
    sampleNone: (total, noun) => `None of the ${total} ${noun} gives a number of participants.`,
    sampleOthers: (count, list) => `The other ${count} ${count === 1 ? "does" : "do"} not give one: ${list}.`,
    // The label often carries the year already ("Study 8 (Cecchet, 2014)"): the year leads, the studies follow.
    earliest: (who, year) => `The oldest is from ${year}: ${who}`,
    latest: (who, year) => `The most recent is from ${year}: ${who}`,
    predicate: {
      design: (v, one) => (one ? `mentions ${v} in its method` : `mention ${v} in their method`),
      // v comes with its article ("the United States"): compose-records puts it on each country of a list.
      country: (v) => `took place in ${v}`,
      population: (v, one) => (one ? `is about ${v}` : `are about ${v}`),
      database: (v, one) => (one ? `was found through ${v}` : `were found through ${v}`),
      language: (v, one) => (one ? `has a title in ${v}` : `have titles in ${v}`),
      venue: (v, one) => (one ? `lists ${v} as its journal or publisher` : `list ${v} as their journal or publisher`),
      // v is a year ("2018") or a comparison already worded ("after 2018").
      year: (v, one) => `${one ? "was" : "were"} published ${/^\d/.test(v) ? "in " : ""}${v}`,
      topic: (v, one) => (one ? `speaks of ${v}` : `speak of ${v}`),
    },
    negatedPredicate: {
      design: (v, one) => (one ? `does not mention ${v} in its method` : `do not mention ${v} in their method`),
      country: (v) => `took place outside ${v}`,
      population: (v, one) => (one ? `is not about ${v}` : `are not about ${v}`),
      database: (v, one) => (one ? `was not found through ${v}` : `were not found through ${v}`),
      language: (v, one) => (one ? `does not have a title in ${v}` : `do not have titles in ${v}`),
      venue: (v, one) => (one ? `does not list ${v} as its journal or publisher` : `do not list ${v} as their journal or publisher`),
      year: (v, one) => `${one ? "was" : "were"} not published ${/^\d/.test(v) ? "in " : ""}${v}`,
      topic: (v, one) => (one ? `does not speak of ${v}` : `do not speak of ${v}`),
    },
    and: "and",
    or: "or",
    keyTerms: "key terms in English",
    documentAuthors: (doc, authors) => `${doc} was written by ${authors}`,
    documentNoAuthors: (doc, venue) => `The text of ${doc} does not name its authors; it was published in ${venue}.`,
    documentYear: (doc, year) => `${doc} was published in ${year}`,
    fromMetadata: "(read from the file, not from its indexed text)",
    documentVenue: (doc, venue) => `${doc} was published in ${venue}`,
    documentTitle: (doc, title) => `${doc} is titled ${title}`,
    documentAuthorCount: (doc, count, authors) => `${doc} has ${count === 1 ? "1 author" : `${count} authors`}: ${authors}`,
    documentNthAuthor: (doc, nth, author) => `The ${nth === -1 ? "last" : (["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"][nth - 1] ?? `${nth}th`)} author of ${doc} is ${author}`,
    documentFewerAuthors: (doc, count, authors) => `${doc} has only ${count === 1 ? "1 author" : `${count} authors`}: ${authors}`,
    documentAffiliations: (doc, affiliations) => `The authors of ${doc} are affiliated with ${affiliations}`,
    documentCorresponding: (doc, author) => `The corresponding author of ${doc} is ${author}`,
    documentDoi: (doc, doi) => `The DOI of ${doc} is ${doi}`,
    documentLacks: {
      year: (doc) => `${doc} does not print the year it was published.`,
      venue: (doc) => `${doc} does not say where it was published.`,
      affiliations: (doc) => `${doc} does not name its authors' institutions.`,
      corresponding: (doc) => `${doc} does not mark a corresponding author.`,
      doi: (doc) => `${doc} does not print a DOI on its first page.`,
    },
    documentsHead: (count) => (count === 1 ? "The library holds 1 document:" : `The library holds ${count} documents:`),
    documentsAbout: (count, total, topic) => `${count} of the ${total} documents ${count === 1 ? "is" : "are"} about “${topic}”:`,
    otherDocumentsAbout: (count, topic) => `Among the other documents of the library, ${count === 1 ? "this one is" : `${count} are`} about “${topic}”:`,
    noDocumentAbout: (total, topic) => `None of the ${total} documents is about “${topic}”: neither their titles and abstracts nor the passages found for it say so.`,
    mentionedIn: (topic) => `“${topic}” is also mentioned in:`,
    notCovered: "The review does not cover this.",
    notCoveredBy: (document) => `${document} does not cover this.`,
    notCoveredDocuments: "The documents do not cover this.",
    notCoveredType: {
      cost: "It gives no cost or funding figures for this.",
      prevalence: "It gives no such prevalence figures.",
      breakdown: "It gives no breakdown of this kind.",
      duration: "It does not say how long this lasted.",
      sample: "It does not give the number of participants.",
      contact: "It gives no contact details, hotline or address.",
      current: "It has no figures for this year.",
      pvalue: "It reports no statistics of this kind.",
      funder: "It does not say who funds it.",
      amount: "It gives no such number.",
      date: "It gives no date or year for this.",
      limitation: "It states no limitations or weaknesses.",
      appraisal: "It reports no appraisal of quality or risk of bias.",
      opinion: "It reports no one's opinions or views on it.",
      ranking: "It does not compare how well they work.",
    },
    writtenIn: (year) => `It was written in ${year} and has no figures for this year.`,
    noFigureFor: (words) => `It gives no figure for “${words}”.`,
    nearest: "The closest things it does cover:",
    notMentioned: (words) => `It does not mention ${words}.`,
    sectionOpens: (section, who) => `The ${section} of ${who} opens:`,
    abstractParts: (who) => `The abstract of ${who}, part by part:`,
    sectionName: { abstract: "abstract", introduction: "introduction", methods: "methods section", results: "results section", discussion: "discussion", conclusion: "conclusion" },
    change: (delta, percent, from, to, down) => `That is ${down ? "a drop" : "a rise"} of ${delta}${percent ? " percentage points" : ""}, from ${from} to ${to}`,
    figures: (figures) => `${figures.length === 1 ? "The figure" : "The figures"}: ${joinList(figures, "en")}`,
    items: (noun, items) => `The ${noun}: ${joinList(items, "en")}`,
    years: (years) => `${years.length === 1 && !years[0].includes("–") ? "The year" : "The years"}: ${joinList(years, "en")}`,
    standsFor: (acronym) => `${acronym} stands for`,
    inCommon: (who) => `${who} have in common:`,
    nothingInCommon: (who) => `${who} share no design, country or population in the review's records.`,
    documentExtreme: (earliest, short, among) => `${short} is the ${earliest ? (among === 2 ? "older" : "oldest") : among === 2 ? "more recent" : "most recent"} ${among === 2 ? "of the two" : `of the ${among}`}`,
    documentMostAuthors: (most, short, authors, among) =>
      among === 2 ? `Of the two, ${short} has ${most ? "more" : "fewer"} authors (${authors})` : `${short} has the ${most ? "most" : "fewest"} authors of the ${among} (${authors})`,
    llmFallback: (reason) => `The language model could not be used (${reason}); this answer was composed from the review directly.`,
    llmUnsupported: "Some sentences of the model's answer were removed: the passages they cite do not support them.",
    smallTalk: {
      greeting: (about, hasStudies) => `Hello! I answer questions about ${about}, each claim cited to the passage it rests on. Try ${hasStudies ? "“Which studies were included?” or “What did the studies find?”" : "“What is it about?” or “What are the main findings?”"}`,
      thanks: (about) => `You're welcome. Ask me anything else about ${about}.`,
      farewell: () => "Goodbye!",
    },
    theDocuments: (count) => `the ${count} documents in the library`,
  },
  id: {
    frame: "Menurut tinjauan ini:",
    study: (n) => `Studi ${n}`,
    studies: (list) => `studi ${list}`,
    theReview: "tinjauan ini",
    according: (who) => `Menurut ${who},`,
    reports: (who) => `${who} melaporkan:`,
    tableGives: "mencatat untuk",
    tableGivesNo: (columns) => `tidak mencatat ${columns} untuk`,
    tableGivesAll: "mencatat:",
    moreRows: (n) => `dan ${n} baris lagi`,
    aTable: "sebuah tabel",
    inTable: "dalam",
    extremeOf: (highest, column) => `${column} ${highest ? "tertinggi" : "terendah"} adalah`,
    extremeFor: "pada",
    listGoesOn: "Daftarnya berlanjut:",
    fieldIs: {
      title: (who, v) => `${who} berjudul ${v}`,
      authors: (who, v) => `${who} ditulis oleh ${v}`,
      year: (who, v) => `${who} terbit tahun ${v}`,
      venue: (who, v) => `${who} dimuat di ${v}`,
      database: (who, v) => `${who} ditemukan melalui ${v}`,
      design: (who, v) => `Metode ${who}: ${v}`,
      country: (who, v) => `${who} dilakukan di ${v}`,
      setting: (who, v) => `Lokasi ${who}: ${v}`,
      population: (who, v) => `${who} membahas ${v}`,
      language: (who, v) => `Judul ${who} berbahasa ${v.replace(/^bahasa /, "")}`,
      intervention: (who, v) => `Program dalam ${who}: ${v}`,
      outcomes: (who, v) => `${who} melaporkan: ${v}`,
      recommendations: (who, v) => `${who} merekomendasikan: ${v}`,
      theory: (who, v) => `Tentang teori, ${who} menyebutkan: ${v}`,
      aim: (who, v) => `Tujuan ${who}: ${v}`,
    },
    fieldMissing: (who, field) => `Tinjauan ini tidak menyebutkan ${FIELD_NAMES.id[field]} ${who}.`,
    noSuchStudy: (numbers, _several, total, last) => `Tinjauan ini tidak memiliki studi ${numbers}: ${total} studi yang ditelaahnya bernomor 1 sampai ${last}.`,
    conflict: (field) => `tinjauan ini tidak konsisten soal ${FIELD_NAMES.id[field]}`,
    listHead: (count, total, predicate, noun) => `${count} ${noun} (dari ${total}) ${predicate}:`,
    those: (total) => `${total} tadi`,
    noneHead: (total, predicate, noun) => `Tidak ada satu pun dari ${total} ${noun} yang ${predicate}.`,
    onlyTitleNames: (who) => `Hanya judul ${who} yang menyebutnya:`,
    noneOther: (excluded) => ` selain ${excluded}`,
    statesField: (fields) => `menyebutkan ${fields}`,
    countHead: (count, total, predicate, noun) => `${count} ${noun} (dari ${total}) ${predicate}:`,
    onlyNo: (count, total, predicate, noun) => `Tidak: ${count} ${noun} (dari ${total}) ${predicate}.`,
    onlyYes: (count, total, predicate, noun) => `Ya: ${count} ${noun} (dari ${total}) ${predicate}, dan tidak ada yang menyebutkan lain.`,
    allHead: (document, count, noun) => `${document[0].toUpperCase()}${document.slice(1)} mencakup ${count} ${noun}:`,
    distributionHead: (total, field, noun) => `Menurut ${FIELD_NAMES.id[field]}, ${total} ${noun} tersebut:`,
    repeatedHead: (count, field, noun) => `${count} ${FIELD_NAMES.id[field]} memuat lebih dari satu ${noun}:`,
    repeatedNone: (field, noun) => `Tidak ada ${FIELD_NAMES.id[field]} yang memuat lebih dari satu ${noun}.`,
    distinctValues: (count, field, total, noun) => `${total} ${noun} itu menyebut ${count} ${FIELD_NAMES.id[field]} yang berbeda`,
    yearSpan: (total, noun, from, to) => `${total} ${noun} tersebut terbit antara tahun ${from} dan ${to}`,
    mostCommon: (field, values, tied, count, total, noun) =>
      tied === 1 ? `${field[0].toUpperCase()}${field.slice(1)} yang paling banyak adalah ${values}: ${count} dari ${total} ${noun}` : `${field[0].toUpperCase()}${field.slice(1)} yang paling banyak adalah ${values}, masing-masing ${count} dari ${total} ${noun}`,
    groupSize: (count, noun) => `${count} ${noun}`,
    notStated: (list) => `tidak disebutkan untuk ${list}`,
    sampleLead: (given, total, noun, largest) => `${given === total && total > 1 ? (total === 2 ? `Kedua ${noun}` : `Semua ${total} ${noun}`) : `${given} dari ${total} ${noun}`} menyebutkan jumlah peserta${given === 1 ? ":" : `, dari yang ${largest ? "terbanyak" : "paling sedikit"}:`}`,
    sampleNone: (total, noun) => `Tidak satu pun dari ${total} ${noun} menyebutkan jumlah peserta.`,
    sampleOthers: (count, list) => `${count} lainnya tidak menyebutkannya: ${list}.`,
    earliest: (who, year) => `Yang paling lama terbit tahun ${year}: ${who}`,
    latest: (who, year) => `Yang paling baru terbit tahun ${year}: ${who}`,
    predicate: {
      design: (v) => `menyebutkan ${v} dalam metodenya`,
      country: (v) => `dilakukan di ${v}`,
      population: (v) => `membahas ${v}`,
      database: (v) => `ditemukan melalui ${v}`,
      language: (v) => `berjudul ${v}`,
      venue: (v) => `mencantumkan ${v} sebagai jurnal atau penerbitnya`,
      year: (v) => `terbit ${/^\d/.test(v) ? "tahun " : ""}${v}`,
      topic: (v) => `membahas ${v}`,
    },
    negatedPredicate: {
      design: (v) => `tidak menyebutkan ${v} dalam metodenya`,
      country: (v) => `dilakukan di luar ${v}`,
      population: (v) => `tidak membahas ${v}`,
      database: (v) => `tidak ditemukan melalui ${v}`,
      language: (v) => `tidak berjudul ${v}`,
      venue: (v) => `tidak mencantumkan ${v} sebagai jurnal atau penerbitnya`,
      year: (v) => `tidak terbit ${/^\d/.test(v) ? "tahun " : ""}${v}`,
      topic: (v) => `tidak membahas ${v}`,
    },
    and: "dan",
    or: "atau",
    keyTerms: "istilah kunci",
    documentAuthors: (doc, authors) => `${doc} ditulis oleh ${authors}`,
    documentNoAuthors: (doc, venue) => `Teks ${doc} tidak menyebutkan penulisnya; tinjauan ini terbit di ${venue}.`,
    documentYear: (doc, year) => `${doc} terbit tahun ${year}`,
    fromMetadata: "(dibaca dari berkas, bukan dari teks yang diindeks)",
    documentVenue: (doc, venue) => `${doc} terbit di ${venue}`,
    documentTitle: (doc, title) => `${doc} berjudul ${title}`,
    documentAuthorCount: (doc, count, authors) => `${doc} ditulis oleh ${count} orang: ${authors}`,
    documentNthAuthor: (doc, nth, author) => `Penulis ${nth === -1 ? "terakhir" : nth === 1 ? "pertama" : `ke-${nth}`} ${doc} adalah ${author}`,
    documentFewerAuthors: (doc, count, authors) => `${doc} hanya ditulis oleh ${count} orang: ${authors}`,
    documentAffiliations: (doc, affiliations) => `Para penulis ${doc} berasal dari ${affiliations}`,
    documentCorresponding: (doc, author) => `Penulis korespondensi ${doc} adalah ${author}`,
    documentDoi: (doc, doi) => `DOI ${doc} adalah ${doi}`,
    documentLacks: {
      year: (doc) => `${doc} tidak mencantumkan tahun terbitnya.`,
      venue: (doc) => `${doc} tidak menyebutkan di mana ia diterbitkan.`,
      affiliations: (doc) => `${doc} tidak menyebutkan institusi penulisnya.`,
      corresponding: (doc) => `${doc} tidak menandai penulis korespondensi.`,
      doi: (doc) => `${doc} tidak mencantumkan DOI di halaman pertamanya.`,
    },
    documentsHead: (count) => `Koleksi ini berisi ${count} dokumen:`,
    documentsAbout: (count, total, topic) => `${count} dari ${total} dokumen membahas “${topic}”:`,
    otherDocumentsAbout: (count, topic) => `Di antara dokumen lain di pustaka, ${count === 1 ? "dokumen ini" : `${count} dokumen`} membahas “${topic}”:`,
    noDocumentAbout: (total, topic) => `Tidak satu pun dari ${total} dokumen membahas “${topic}”: judul, abstrak, maupun bagian yang ditemukan tidak menyebutnya.`,
    mentionedIn: (topic) => `“${topic}” juga disebut dalam:`,
    notCovered: "Tinjauan ini tidak membahas hal tersebut.",
    notCoveredBy: (document) => `${document} tidak membahas hal tersebut.`,
    notCoveredDocuments: "Dokumen-dokumen ini tidak membahas hal tersebut.",
    notCoveredType: {
      cost: "Tidak ada angka biaya atau pendanaan untuk hal ini.",
      prevalence: "Tidak ada angka prevalensi seperti itu.",
      breakdown: "Tidak ada rincian seperti itu.",
      duration: "Tidak disebutkan berapa lama hal ini berlangsung.",
      sample: "Jumlah peserta tidak disebutkan.",
      contact: "Tidak ada kontak, nomor layanan, atau alamat.",
      current: "Tidak ada angka untuk tahun ini.",
      pvalue: "Tidak ada statistik seperti itu.",
      funder: "Tidak disebutkan siapa yang mendanainya.",
      amount: "Tidak ada angka seperti itu.",
      date: "Tidak ada tanggal atau tahun untuk hal ini.",
      limitation: "Tidak disebutkan keterbatasan atau kelemahannya.",
      appraisal: "Tidak ada penilaian kualitas atau risiko bias.",
      opinion: "Tidak ada pendapat atau tanggapan siapa pun yang dilaporkan.",
      ranking: "Tidak ada perbandingan mana yang lebih berhasil.",
    },
    writtenIn: (year) => `Dokumen ini ditulis tahun ${year} dan tidak memuat angka untuk tahun ini.`,
    noFigureFor: (words) => `Tidak ada angka untuk “${words}”.`,
    nearest: "Yang paling dekat yang dibahasnya:",
    notMentioned: (words) => `Tidak ada penyebutan ${words}.`,
    sectionOpens: (section, who) => `Bagian ${section} ${who} dibuka dengan:`,
    abstractParts: (who) => `Abstrak ${who}, bagian demi bagian:`,
    sectionName: { abstract: "abstrak", introduction: "pendahuluan", methods: "metode", results: "hasil", discussion: "pembahasan", conclusion: "kesimpulan" },
    change: (delta, percent, from, to, down) => `Artinya ${down ? "turun" : "naik"} ${delta}${percent ? " poin persentase" : ""}, dari ${from} menjadi ${to}`,
    figures: (figures) => `Angkanya: ${joinList(figures, "id")}`,
    items: (noun, items) => `${noun.charAt(0).toUpperCase()}${noun.slice(1)}: ${joinList(items, "id")}`,
    years: (years) => `Tahunnya: ${joinList(years, "id")}`,
    standsFor: (acronym) => `${acronym} adalah singkatan dari`,
    inCommon: (who) => `Persamaan ${who}:`,
    nothingInCommon: (who) => `${who} tidak memiliki desain, negara, atau populasi yang sama menurut catatan tinjauan.`,
    documentExtreme: (earliest, short, among) => `${earliest ? (among === 2 ? "Yang lebih lama" : "Yang paling lama") : among === 2 ? "Yang lebih baru" : "Yang paling baru"}: ${short}`,
    documentMostAuthors: (most, short, authors, among) => `${most ? (among === 2 ? "Penulisnya lebih banyak" : "Penulisnya paling banyak") : among === 2 ? "Penulisnya lebih sedikit" : "Penulisnya paling sedikit"}: ${short} (${authors} penulis)`,
    llmFallback: (reason) => `Model bahasa tidak dapat dipakai (${reason}); jawaban ini disusun langsung dari tinjauan.`,
    llmUnsupported: "Beberapa kalimat jawaban model dihapus karena bagian yang dikutipnya tidak mendukungnya.",
    smallTalk: {
      greeting: (about, hasStudies) => `Halo! Saya menjawab pertanyaan tentang ${about}, setiap klaim dengan sitasi ke kutipan yang mendasarinya. Coba ${hasStudies ? "“Studi apa saja yang direview?” atau “Apa temuan studi-studinya?”" : "“Dokumen ini membahas apa?” atau “Apa temuan utamanya?”"}`,
      thanks: (about) => `Sama-sama. Silakan tanyakan hal lain tentang ${about}.`,
      farewell: () => "Sampai jumpa!",
    },
    theDocuments: (count) => `${count} dokumen di pustaka`,
  },
};

const SINGULAR: Record<string, string> = { studies: "study", articles: "article", papers: "paper" };
const singular = (noun: string) => SINGULAR[noun] ?? noun;

/** The noun the asker used for the studies ("articles", "artikel"), for the answer to say the same. */
export function studiesNoun(asked: string | null, lang: Lang): string {
  const en: Record<string, string> = { article: "articles", articles: "articles", paper: "papers", papers: "papers", study: "studies", studies: "studies", research: "studies" };
  const id: Record<string, string> = { artikel: "artikel", studi: "studi", penelitian: "penelitian", jurnal: "artikel", paper: "artikel", riset: "penelitian" };
  const word = asked?.split(" ").at(-1) ?? "";
  return lang === "en" ? en[word] ?? "studies" : id[word] ?? "studi";
}

/** "a, b and c" / "a, b dan c". */
export function joinList(items: string[], lang: Lang, conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${MESSAGES[lang][conjunction]} ${items.at(-1)}`;
}

/** Phrases the assistant writes without a citation, so checks can tell them from claims. */
export const FRAME_PHRASES: string[] = Object.values(MESSAGES).flatMap((m) => [m.frame, m.notCovered, m.notCoveredDocuments, m.nearest, ...Object.values(m.notCoveredType)]);
