/**
 * GET /api/documents, GET /api/documents/:id (with its cleaned text), GET /api/studies (records of every
 * document), GET /api/studies/:number (?doc=), GET /api/passages/:id.
 */
import { Hono } from "hono";
import type { StudyRecord } from "../../domain/study.ts";
import { studyLabel } from "../../answer/render.ts";
import type { AppDeps } from "../app.ts";
import { AppError } from "../errors.ts";

/** A record for clients: its fields as value lists (text, keys, where read), a label, the reference. */
function studyView(s: StudyRecord, passages?: number) {
  const first = (f: keyof StudyRecord["fields"]) => s.fields[f]?.find((v) => v.source === "table")?.text ?? s.fields[f]?.[0]?.text ?? null;
  return {
    docId: s.docId,
    number: s.number,
    label: studyLabel(s, "en"),
    title: first("title"),
    authors: first("authors"),
    year: s.fields.year?.find((v) => v.source === "table")?.keys[0] ?? s.fields.year?.[0]?.keys[0] ?? null,
    journal: first("venue"),
    citation: s.citation,
    fields: s.fields,
    conflicts: s.conflicts,
    aliases: s.aliases,
    note: s.note ?? null,
    reference: s.reference,
    ...(passages === undefined ? {} : { passages }),
  };
}

const PASSAGE_ID = /^[a-z0-9-]{1,200}$/;

export function studiesRoutes(deps: AppDeps) {
  return new Hono()
    .get("/api/documents", async (c) => {
      const { store } = deps.context;
      await store.refresh();
      return c.json({ documents: store.documents });
    })
    .get("/api/documents/:id{.+}", async (c) => {
      const { store } = deps.context;
      const id = decodeURIComponent(c.req.param("id"));
      const document = store.document(id);
      if (!document) throw new AppError(404, "not_found", `no document ${id.slice(0, 200)}`);
      const passages = await store.listPassages({ docs: [id] }, 1_000_000);
      return c.json({ document, passages, studies: store.studiesOf(id).map((s) => studyView(s)) });
    })
    .get("/api/studies", async (c) => {
      const { store } = deps.context;
      await store.refresh();
      const passages = await store.listPassages(undefined, 1_000_000);
      const count = (s: StudyRecord) => passages.filter((p) => p.docId === s.docId && p.studies.includes(s.number)).length;
      return c.json({ documents: store.documents.map((d) => ({ id: d.id, short: d.short, title: d.title, kind: d.kind })), studies: store.studies.map((s) => studyView(s, count(s))) });
    })
    .get("/api/studies/:number", async (c) => {
      const { store } = deps.context;
      const raw = c.req.param("number");
      const number = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
      const doc = c.req.query("doc") ?? store.studies.find((s) => s.number === number)?.docId;
      const study = store.studies.find((s) => s.number === number && s.docId === doc);
      if (!study) throw new AppError(404, "not_found", `no study number ${raw.slice(0, 20)}${doc ? ` in ${doc.slice(0, 200)}` : ""}`);
      const passages = await store.listPassages({ studies: [number], docs: [study.docId] });
      return c.json({ study: studyView(study, passages.length), passages });
    })
    .get("/api/passages/:id", async (c) => {
      const id = c.req.param("id");
      if (!PASSAGE_ID.test(id)) throw new AppError(400, "invalid_id", "id: a passage id has only lower-case letters, digits and dashes");
      const { store } = deps.context;
      const passage = await store.getPassage(id);
      if (!passage) throw new AppError(404, "not_found", `no passage with id ${id}`);
      const studies = store.studies.filter((s) => s.docId === passage.docId && passage.studies.includes(s.number)).map((s) => studyView(s));
      return c.json({ passage, document: store.document(passage.docId) ?? null, studies });
    });
}
