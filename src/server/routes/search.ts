/** POST /api/search: hybrid retrieval with filters, no answer. */
import { Hono } from "hono";
import { retrieve } from "../../retrieve/retrieve.ts";
import type { AppDeps } from "../app.ts";
import { createAnswerSlots, type AnswerSlots } from "../answer-slots.ts";
import { SearchRequest } from "../schemas.ts";
import { readJson } from "../validate.ts";

export function searchRoutes(deps: AppDeps, slots: AnswerSlots = createAnswerSlots()) {
  return new Hono().post("/api/search", async (c) => {
    const body = await readJson(c, SearchRequest);
    const { store, embedder, config } = deps.context;
    await store.refresh();
    // Search takes its filters from the request only; it does not narrow by studies the query names.
    const docs = body.docs ?? (body.studies ? [...new Set(store.studies.map((s) => s.docId))] : undefined);
    const release = await slots.acquire();
    const { hits } = await retrieve(store, embedder, body.query, {
      k: body.k ?? config.retrieve.topK,
      studies: body.studies ? (docs ?? []).flatMap((docId) => body.studies!.map((number) => ({ docId, number }))) : undefined,
      docs,
      sections: body.sections,
      vectorWeight: config.retrieve.vectorWeight,
    }).finally(release);
    return c.json({
      results: hits.map((h) => ({
        id: h.passage.id,
        docId: h.passage.docId,
        document: store.document(h.passage.docId)?.short ?? h.passage.docId,
        heading: h.passage.heading,
        kind: h.passage.kind,
        text: h.passage.text,
        score: Math.round(h.score * 1e4) / 1e4,
        section: h.passage.section,
        page: h.passage.page,
        studies: h.passage.studies,
      })),
    });
  });
}
