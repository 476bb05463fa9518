/**
 * STAND-IN for a remote OpenAI-compatible service (the real one cannot run here): a local HTTP server that
 * speaks the OpenAI wire format — POST /v1/chat/completions (JSON or SSE stream) and POST /v1/embeddings —
 * with scripted behaviours for the fault tests.
 *
 * A scripted answer may cite passages by what they say rather than by number, since the numbers depend on
 * retrieval: `{cite:ANCHOR}` becomes "[n]" for the first supplied passage whose text contains ANCHOR,
 * `{n:ANCHOR}` just its number n (to write look-alike markers around it), and `{other:ANCHOR}` "[m]" for the
 * first supplied passage that does NOT contain it (a wrong citation). What was sent, after resolving, is in
 * `answers`; anchors no supplied passage contains are in `unresolved`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  | { kind: "answer"; text: string; chunkSize?: number }
  | { kind: "hang" }
  | { kind: "status"; status: number }
  | { kind: "invalid-json" }
  /** A stream whose chunk is not JSON and quotes the question back (raw endpoint output must not reach our logs). */
  | { kind: "invalid-json-echo" }
  | { kind: "cut"; text: string }
  /** Like "answer", but waits `delayMs` before each chunk (a slow model, for in-flight requests at shutdown). */
  | { kind: "slow"; text: string; chunkSize?: number; delayMs: number }
  /** 401 quoting the API key it was sent, unmasked, as some endpoints and proxies do (secrets must not leak on). */
  | { kind: "reject-key" }
  /** These exact chunks, in order (to split a text at a chosen point). */
  | { kind: "chunks"; chunks: string[] }
  /** The first `text`, then nothing more: the connection stays open (a model that stalls after its first token). */
  | { kind: "stall"; text: string };

export interface StandIn {
  baseURL: string;
  requests: { path: string; body: Record<string, unknown> }[];
  behaviour: Behaviour;
  /** The next this many embedding requests get 503 (with retry-after-ms: 10), then they succeed again. */
  failEmbeddings: number;
  /** Each streamed or JSON answer, with its anchors resolved to passage numbers. */
  answers: string[];
  /** Anchors that no supplied passage contained. */
  unresolved: string[];
  close(): Promise<void>;
}

/** The numbered passages of a chat request ("[n] (where) text" blocks of its last user message). */
export function suppliedPassages(body: Record<string, unknown>): Map<number, { label: string; text: string }> {
  const messages = (body.messages ?? []) as { role: string; content: string }[];
  const user = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
  const block = /(?:^|\n)Passages:\n\n([\s\S]*)\n\nQuestion: /.exec(user)?.[1] ?? "";
  const out = new Map<number, { label: string; text: string }>();
  for (const m of block.matchAll(/(?:^|\n\n)\[(\d+)\] \(([^)]*)\) ([\s\S]*?)(?=\n\n\[\d+\] \(|$)/g)) out.set(Number(m[1]), { label: m[2], text: m[3] });
  return out;
}

const loose = (text: string) => text.replace(/\s+/g, " ").toLowerCase();

/** Replace {cite:ANCHOR}, {n:ANCHOR} and {other:ANCHOR} by passage numbers (see above). */
export function resolveAnchors(text: string, passages: Map<number, { text: string }>, unresolved: string[] = []): string {
  return text.replace(/\{(cite|n|other):([^}]+)\}/g, (_whole, kind: string, anchor: string) => {
    const wanted = loose(anchor);
    const match = [...passages].find(([, p]) => (kind === "other" ? !loose(p.text).includes(wanted) : loose(p.text).includes(wanted)));
    if (!match) {
      unresolved.push(anchor);
      return kind === "n" ? "0" : "[0]";
    }
    return kind === "n" ? String(match[0]) : `[${match[0]}]`;
  });
}

function chunk(id: string, delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1, model: "stand-in", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = "";
  for await (const part of req) raw += part;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function startStandIn(behaviour: Behaviour): Promise<StandIn> {
  const sockets = new Set<import("node:net").Socket>();
  const state: StandIn = { baseURL: "", requests: [], behaviour, failEmbeddings: 0, answers: [], unresolved: [], close: async () => undefined };
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    state.requests.push({ path: req.url ?? "", body });
    const scripted = state.behaviour;
    const passages = suppliedPassages(body);
    const resolve = (text: string) => resolveAnchors(text, passages, state.unresolved);
    const b: Behaviour =
      scripted.kind === "chunks" ? { ...scripted, chunks: scripted.chunks.map(resolve) }
      : "text" in scripted ? { ...scripted, text: resolve(scripted.text) }
      : scripted;
    if (req.url?.endsWith("/chat/completions")) {
      if (b.kind === "chunks") state.answers.push(b.chunks.join(""));
      else if ("text" in b) state.answers.push(b.text);
    }
    if (req.url?.endsWith("/embeddings") && state.failEmbeddings > 0) {
      state.failEmbeddings--;
      res.writeHead(503, { "content-type": "application/json", "retry-after-ms": "10" });
      res.end(JSON.stringify({ error: { message: "stand-in overloaded", type: "server_error" } }));
      return;
    }
    if (req.url?.endsWith("/embeddings")) {
      const input = Array.isArray(body.input) ? body.input : [body.input];
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: input.map((_: unknown, index: number) => ({ object: "embedding", index, embedding: [0.1, 0.2, 0.3, 0.4] })), model: "stand-in" }));
      return;
    }
    if (b.kind === "hang") return; // never answers
    if (b.kind === "reject-key") {
      const key = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${key}.`, type: "invalid_request_error", code: "invalid_api_key" } }));
      return;
    }
    if (b.kind === "status") {
      res.writeHead(b.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "stand-in failure", type: "server_error" } }));
      return;
    }
    if (body.stream !== true && b.kind === "answer") {
      // A non-streamed completion (the judge asks for these).
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "chatcmpl-standin", object: "chat.completion", created: 1, model: "stand-in", choices: [{ index: 0, message: { role: "assistant", content: b.text }, finish_reason: "stop" }] }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    if (b.kind === "invalid-json") {
      res.write("data: {this is not json\n\n");
      res.end();
      return;
    }
    if (b.kind === "invalid-json-echo") {
      const messages = (body.messages ?? []) as { content: string }[];
      res.write(`data: {not json; you asked: ${(messages.at(-1)?.content ?? "").replace(/\s+/g, " ")}\n\n`);
      res.end();
      return;
    }
    const id = "chatcmpl-standin";
    res.write(chunk(id, { role: "assistant", content: "" }));
    if (b.kind === "chunks") {
      for (const part of b.chunks) res.write(chunk(id, { content: part }));
      res.write(chunk(id, {}, "stop"));
      res.write("data: [DONE]\n\n");
      res.end();
      return;
    }
    if (b.kind === "stall") {
      res.write(chunk(id, { content: b.text }));
      return; // never another byte; the connection stays open
    }
    const text = b.text;
    const size = b.kind === "answer" ? (b.chunkSize ?? 8) : 8;
    if (b.kind === "cut") {
      // Half the answer, then the connection drops without a finish reason or [DONE].
      res.write(chunk(id, { content: text.slice(0, Math.floor(text.length / 2)) }));
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (b.kind === "slow") {
      for (let i = 0; i < text.length; i += b.chunkSize ?? 8) {
        await new Promise((r) => setTimeout(r, b.delayMs));
        if (res.destroyed) return;
        res.write(chunk(id, { content: text.slice(i, i + (b.chunkSize ?? 8)) }));
      }
    } else for (let i = 0; i < text.length; i += size) res.write(chunk(id, { content: text.slice(i, i + size) }));
    res.write(chunk(id, {}, "stop"));
    res.write("data: [DONE]\n\n");
    res.end();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

/** A base URL where nothing listens (connection refused). */
export async function refusedBaseURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
