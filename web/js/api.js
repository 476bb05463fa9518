/**
 * Talking to the server: the access token (kept in localStorage, sent as a Bearer header), JSON errors
 * turned into ApiError with the server's own message, the streamed chat, the streamed upload, and the
 * JSON routes the page reads (documents, studies, passages, suggestions, references).
 */
import { readEvents } from "./sse.js";
import { load, save } from "./storage.js";

const TOKEN_KEY = "ra.token";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

export function getToken() {
  return load(TOKEN_KEY, "") || "";
}

export function setToken(token) {
  save(TOKEN_KEY, token.trim());
}

function headers(extra = {}) {
  const token = getToken();
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

/** An ApiError from a failed response: { error: { code, message } } when the server sent one. */
async function errorOf(response) {
  let code = "http_error";
  let message = "";
  try {
    const body = await response.json();
    if (body && body.error) {
      code = String(body.error.code ?? code);
      message = String(body.error.message ?? "");
    }
  } catch {
    /* not JSON: keep the status only */
  }
  return new ApiError(response.status, code, message);
}

async function request(path, init = {}) {
  let response;
  try {
    response = await fetch(path, { ...init, headers: headers(init.headers) });
  } catch (error) {
    if (error && error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", "");
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

export async function getJson(path, { signal } = {}) {
  const response = await request(path, { signal, headers: { Accept: "application/json" } });
  return response.json();
}

async function postJson(path, body, { signal } = {}) {
  const response = await request(path, { method: "POST", signal, headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) });
  return response.json();
}

export const fetchHealth = (options) => getJson("/healthz", options);
export const fetchDocuments = (options) => getJson("/api/documents", options);
export const fetchDocument = (id, options) => getJson(`/api/documents/${encodeURIComponent(id)}`, options);
export const fetchStudies = (options) => getJson("/api/studies", options);
export const fetchPassage = (id, options) => getJson(`/api/passages/${encodeURIComponent(id)}`, options);
export const fetchSuggestions = (body, options) => postJson("/api/suggestions", body, options);

/** /api/references for `sources` ([{ docId, number? }]; none: everything) in `format`. */
export function referencesPath(format, sources, { download = false } = {}) {
  const params = new URLSearchParams({ format });
  for (const s of sources ?? []) params.append("cite", s.number === undefined ? s.docId : `${s.docId}#${s.number}`);
  if (download) params.set("download", "1");
  return `/api/references?${params}`;
}

export async function fetchReferences(format, sources) {
  const response = await request(referencesPath(format, sources), { headers: { Accept: "text/plain" } });
  return response.text();
}

/** The URL of an indexed PDF (at a page when given). */
export function fileUrl(docId, page) {
  return `/files/${encodeURIComponent(docId)}${page ? `#page=${page}` : ""}`;
}

/** Read an event stream into onEvent(type, data) until `done` or `error`. */
async function readStream(response, onEvent) {
  for await (const { event, data } of readEvents(response.body)) {
    onEvent(event, data);
    if (event === "done" || event === "error") break;
  }
}

/**
 * POST /api/chat with stream: true; calls onEvent(type, data) for meta, delta, citations, done and error.
 * Resolves when the stream ends; rejects with ApiError on an HTTP error and AbortError when stopped.
 */
export async function streamChat({ messages, studies, docs, signal }, onEvent) {
  const body = { messages, stream: true };
  if (studies && studies.length > 0) body.studies = studies;
  if (docs && docs.length > 0) body.docs = docs;
  const response = await request("/api/chat", {
    method: "POST",
    signal,
    headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
    body: JSON.stringify(body),
  });
  await readStream(response, onEvent);
}

/** POST /api/documents (multipart): onEvent for accepted, progress, warning, done, error. Rejects with ApiError when refused. */
export async function uploadDocument(file, onEvent, { signal } = {}) {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await request("/api/documents", { method: "POST", signal, headers: { Accept: "text/event-stream" }, body: form });
  await readStream(response, onEvent);
}
