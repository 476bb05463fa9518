/**
 * GET /healthz: is the assistant up, and on what index, embedder and model. On a public bind, only
 * `{ ok }` unless the request carries the access token (the rest names the model, build and index).
 */
import { Hono } from "hono";
import type { Access, AppDeps } from "../app.ts";

export function healthRoutes(deps: AppDeps, access: Access) {
  return new Hono().get("/healthz", async (c) => {
    const { store, embedder, llm } = deps.context;
    await store.refresh();
    if (access.exposed) {
      let valid = false;
      try {
        valid = access.required && access.guard.check(c) === "valid";
      } catch {
        valid = false; // a client waiting after wrong tokens still learns that the server is up
      }
      if (!valid) return c.json({ ok: true });
    }
    return c.json({
      ok: true,
      chunks: store.passageCount,
      embedder: embedder?.id ?? `${store.manifest.embedder.id} (unreachable: searching by words only)`,
      llm: llm ? llm.model : null,
      build: store.buildId,
      uploads: { enabled: deps.context.config.server.allowUploads, maxBytes: deps.context.config.server.uploadMaxBytes },
    });
  });
}
