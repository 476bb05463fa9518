/** POST /api/search: hybrid retrieval with filters, no answer. */
import { Hono } from "hono";
import { understandQuery } from "../../retrieve/query.ts";
import { searchPassages } from "../../retrieve/search.ts";
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
    const query = understandQuery(body.query, { link: () => [] });
    const release = await slots.acquire();
    const hits = await searchPassages(store, embedder, query, {
      k: body.k ?? config.retrieve.topK,
      studies: body.studies,
      sections: body.sections,
      vectorWeight: config.retrieve.vectorWeight,
    }).finally(release);
    return c.json({
      results: hits.map((h) => ({
        id: h.passage.id,
        text: h.passage.text,
        score: Math.round(h.score * 1e4) / 1e4,
        section: h.passage.section,
        page: h.passage.page,
        studies: h.passage.studies,
      })),
    });
  });
}
