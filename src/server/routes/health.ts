/** GET /healthz: is the assistant up, and on what index, embedder and model. */
import { Hono } from "hono";
import type { AppDeps } from "../app.ts";

export function healthRoutes(deps: AppDeps) {
  return new Hono().get("/healthz", async (c) => {
    const { store, embedder, llm } = deps.context;
    await store.refresh();
    return c.json({
      ok: true,
      chunks: store.passageCount,
      embedder: embedder?.id ?? `${store.manifest.embedder.id} (unreachable: searching by words only)`,
      llm: llm ? llm.model : null,
      build: store.buildId,
    });
  });
}
