/**
 * Follow-up questions after an answer, drawn from what it cited: other fields of the studies it names
 * ("Who wrote Study 3?", "What did Study 3 find?"), a comparison of two of them, or, for an answer about
 * the document as a whole, its conclusion and method. Written in the answer's language. They are only
 * candidates: the route asks each one and keeps those that get a cited answer (see routes/suggestions.ts).
 *
 * @example
 *   followUpCandidates(result, { asked: ["Siapa penulis studi 3?"], documents })
 *   // [{ question: "Apa temuan Studi 3?" }, { question: "Program apa yang dibahas Studi 3?" }, ...]
 */
import type { AnswerResult } from "../answer/types.ts";
import type { DocumentInfo } from "../domain/document.ts";
import type { Lang } from "../domain/lang.ts";
import type { StudyField } from "../domain/study.ts";

export interface FollowUp {
  question: string;
  /** Documents to narrow to when the study numbers alone are ambiguous (several documents with studies). */
  docs?: string[];
}

type Asker = (n: number) => string;

const STUDY_QUESTIONS: Record<Lang, Partial<Record<StudyField, Asker>>> = {
  en: {
    outcomes: (n) => `What did Study ${n} find?`,
    intervention: (n) => `What program does Study ${n} describe?`,
    authors: (n) => `Who wrote Study ${n}?`,
    design: (n) => `What method did Study ${n} use?`,
    country: (n) => `Where did Study ${n} take place?`,
    year: (n) => `When was Study ${n} published?`,
  },
  id: {
    outcomes: (n) => `Apa temuan Studi ${n}?`,
    intervention: (n) => `Program apa yang dibahas Studi ${n}?`,
    authors: (n) => `Siapa penulis Studi ${n}?`,
    design: (n) => `Metode apa yang digunakan Studi ${n}?`,
    country: (n) => `Di negara mana Studi ${n} dilakukan?`,
    year: (n) => `Kapan Studi ${n} diterbitkan?`,
  },
};

const COMPARE: Record<Lang, (a: number, b: number) => string> = {
  en: (a, b) => `Compare Study ${a} and Study ${b}`,
  id: (a, b) => `Bandingkan Studi ${a} dan Studi ${b}`,
};

/** Questions about the document itself, by the section they would be answered from. */
const DOCUMENT_QUESTIONS: Record<Lang, { section: string; review: string; paper: string }[]> = {
  en: [
    { section: "conclusion", review: "What does the review conclude?", paper: "What does the paper conclude?" },
    { section: "methods", review: "Which databases did the review search?", paper: "What method does the paper use?" },
    { section: "discussion", review: "Which programs does the review discuss?", paper: "What does the paper discuss?" },
  ],
  id: [
    { section: "conclusion", review: "Apa simpulan tinjauan ini?", paper: "Apa simpulan makalah ini?" },
    { section: "methods", review: "Basis data apa yang dicari tinjauan ini?", paper: "Metode apa yang digunakan makalah ini?" },
    { section: "discussion", review: "Program apa saja yang dibahas tinjauan ini?", paper: "Apa yang dibahas makalah ini?" },
  ],
};

const normal = (q: string) => q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** The fields the answer already gave for its studies. */
function askedFields(result: AnswerResult): Set<StudyField> {
  const plan = result.plan;
  return new Set(plan.kind === "lookup" || plan.kind === "compare" || plan.kind === "list" ? plan.fields : []);
}

/** Studies the answer is about, with their document: named ones first, then the ones its citations are about. */
function studiesOf(result: AnswerResult): { docId: string; number: number }[] {
  const out: { docId: string; number: number }[] = [];
  const add = (docId: string, number: number) => {
    if (!out.some((s) => s.docId === docId && s.number === number)) out.push({ docId, number });
  };
  for (const n of result.studies) {
    const docId = result.citations.find((c) => c.studies.includes(n))?.docId;
    if (docId) add(docId, n);
  }
  for (const c of result.citations) for (const n of c.studies) add(c.docId, n);
  return out;
}

export function followUpCandidates(result: AnswerResult, context: { asked: string[]; documents: DocumentInfo[] }): FollowUp[] {
  const lang = result.lang;
  const asked = new Set(context.asked.map(normal));
  const withStudies = context.documents.filter((d) => d.counts.studies > 0);
  const docsFor = (docId: string) => (withStudies.length > 1 ? { docs: [docId] } : {});
  const out: FollowUp[] = [];
  const push = (f: FollowUp) => {
    if (!asked.has(normal(f.question)) && !out.some((o) => o.question === f.question)) out.push(f);
  };
  const studies = studiesOf(result).slice(0, 3);
  const given = askedFields(result);
  const fields = (Object.keys(STUDY_QUESTIONS[lang]) as StudyField[]).filter((f) => !given.has(f));
  if (studies.length >= 2 && result.plan.kind !== "compare" && studies[0].docId === studies[1].docId) {
    push({ question: COMPARE[lang](studies[0].number, studies[1].number), ...docsFor(studies[0].docId) });
  }
  for (const field of fields) {
    for (const s of studies.slice(0, 2)) push({ question: STUDY_QUESTIONS[lang][field]!(s.number), ...docsFor(s.docId) });
  }
  const cited = new Set(result.citations.map((c) => c.section));
  const doc = context.documents.find((d) => d.id === result.citations[0]?.docId) ?? (context.documents.length === 1 ? context.documents[0] : undefined);
  if (doc) {
    for (const q of DOCUMENT_QUESTIONS[lang]) {
      if (!cited.has(q.section as AnswerResult["citations"][number]["section"])) push({ question: doc.kind === "review" ? q.review : q.paper, ...(context.documents.length > 1 ? { docs: [doc.id] } : {}) });
    }
  }
  // Study questions first (what the answer was about), then the document's, interleaved so both kinds show.
  return out;
}
