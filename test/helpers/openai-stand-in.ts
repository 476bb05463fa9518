/**
 * STAND-IN for a remote OpenAI-compatible service (the real one cannot run here): a local HTTP server that
 * speaks the OpenAI wire format — POST /v1/chat/completions (JSON or SSE stream) and POST /v1/embeddings —
 * with scripted behaviours for the fault tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  | { kind: "answer"; text: string; chunkSize?: number }
  | { kind: "hang" }
  | { kind: "status"; status: number }
  | { kind: "invalid-json" }
  | { kind: "cut"; text: string }
  /** Like "answer", but waits `delayMs` before each chunk (a slow model, for in-flight requests at shutdown). */
  | { kind: "slow"; text: string; chunkSize?: number; delayMs: number }
  /** 401 quoting the API key it was sent, unmasked, as some endpoints and proxies do (secrets must not leak on). */
  | { kind: "reject-key" };

export interface StandIn {
  baseURL: string;
  requests: { path: string; body: Record<string, unknown> }[];
  behaviour: Behaviour;
  close(): Promise<void>;
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
  const state: StandIn = { baseURL: "", requests: [], behaviour, close: async () => undefined };
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    state.requests.push({ path: req.url ?? "", body });
    const b = state.behaviour;
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
    const id = "chatcmpl-standin";
    res.write(chunk(id, { role: "assistant", content: "" }));
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
