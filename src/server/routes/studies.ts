/** GET /api/studies, GET /api/studies/:number, GET /api/passages/:id. */
import { Hono } from "hono";
import { studyYear, type CslRecord } from "../../ingest/studies.ts";
import type { StudyRecord } from "../../store/passage-store.ts";
import type { AppDeps } from "../app.ts";
import { AppError } from "../errors.ts";

function authorsOf(csl: CslRecord): string[] {
  return (csl.author ?? []).map((a) => ("literal" in a ? a.literal : [a.given, a.family].filter(Boolean).join(" ")));
}

function studyView(s: StudyRecord, passages?: number) {
  return {
    number: s.number,
    id: s.id,
    title: s.csl.title,
    authors: authorsOf(s.csl),
    year: studyYear(s.csl) ?? null,
    journal: s.csl["container-title"],
    database: s.csl.database,
    method: s.csl.method,
    citedAs: s.csl.citedAs,
    note: s.csl.note ?? null,
    reference: s.reference,
    ...(passages === undefined ? {} : { passages }),
  };
}

const PASSAGE_ID = /^[a-z0-9-]{1,200}$/;

export function studiesRoutes(deps: AppDeps) {
  return new Hono()
    .get("/api/studies", async (c) => {
      const { store } = deps.context;
      await store.refresh();
      const counts = store.manifest.counts.byStudy;
      const review = store.studies.find((s) => s.number === 0);
      return c.json({
        review: review ? studyView(review) : null,
        studies: store.studies.filter((s) => s.number > 0).map((s) => studyView(s, counts[s.number] ?? 0)),
      });
    })
    .get("/api/studies/:number", async (c) => {
      const raw = c.req.param("number");
      const number = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
      const study = deps.context.store.studies.find((s) => s.number === number && number > 0);
      if (!study) throw new AppError(404, "not_found", `no study number ${raw.slice(0, 20)} (the review's studies are 1-10)`);
      const passages = await deps.context.store.listPassages({ studies: [number] });
      return c.json({ study: studyView(study, passages.length), passages });
    })
    .get("/api/passages/:id", async (c) => {
      const id = c.req.param("id");
      if (!PASSAGE_ID.test(id)) throw new AppError(400, "invalid_id", "id: a passage id has only lower-case letters, digits and dashes");
      const passage = await deps.context.store.getPassage(id);
      if (!passage) throw new AppError(404, "not_found", `no passage with id ${id}`);
      const studies = deps.context.store.studies.filter((s) => passage.studies.includes(s.number)).map((s) => studyView(s));
      return c.json({ passage, studies });
    });
}
