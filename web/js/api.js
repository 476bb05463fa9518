/**
 * Talking to /api: the access token (kept in localStorage, sent as a Bearer header), JSON errors turned
 * into ApiError with the server's own message, and the streamed chat.
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

export const fetchStudies = (options) => getJson("/api/studies", options);
export const fetchStudy = (number, options) => getJson(`/api/studies/${encodeURIComponent(number)}`, options);
export const fetchPassage = (id, options) => getJson(`/api/passages/${encodeURIComponent(id)}`, options);

/**
 * POST /api/chat with stream: true; calls onEvent(type, data) for meta, delta, citations, done and error.
 * Resolves when the stream ends; rejects with ApiError on an HTTP error and AbortError when stopped.
 */
export async function streamChat({ messages, studies, signal }, onEvent) {
  const body = { messages, stream: true };
  if (studies && studies.length > 0) body.studies = studies;
  const response = await request("/api/chat", {
    method: "POST",
    signal,
    headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
    body: JSON.stringify(body),
  });
  for await (const { event, data } of readEvents(response.body)) {
    onEvent(event, data);
    if (event === "done" || event === "error") break;
  }
}
