/**
 * The conversation as data: messages and their final results, kept in localStorage, the history sent
 * with each question, and one streamed answer applied event by event to its message.
 *
 * A user message: { id, role: "user", content, studies }.
 * An assistant message: { id, role: "assistant", status: "streaming" | "done" | "stopped" | "error",
 *   text, citations, abstained, warnings, unsupported, mode, lang, error? }.
 */
import { ApiError, streamChat } from "./api.js";
import { load, remove, save } from "./storage.js";

const CONVERSATION_KEY = "ra.conversation.v1";
const MAX_KEPT = 60;
const HISTORY_TURNS = 12;
const MAX_CONTENT = 8000;
/** The server's default body limit (BODY_LIMIT_BYTES); halved each time the server says a request was too large. */
const DEFAULT_BODY_BUDGET = 64 * 1024;
const MIN_BODY_BUDGET = 16 * 1024;
let bodyBudget = DEFAULT_BODY_BUDGET;

export const conversation = { messages: [] };

export function newId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function isMessage(m) {
  return m && typeof m === "object" && typeof m.id === "string" && (m.role === "user" || m.role === "assistant");
}

export function loadConversation() {
  const stored = load(CONVERSATION_KEY, null);
  const messages = stored && Array.isArray(stored.messages) ? stored.messages.filter(isMessage) : [];
  for (const m of messages) {
    if (m.role === "user") m.content = String(m.content ?? "");
    else {
      m.text = String(m.text ?? "");
      m.citations = Array.isArray(m.citations) ? m.citations : [];
      m.warnings = Array.isArray(m.warnings) ? m.warnings : [];
      m.unsupported = Array.isArray(m.unsupported) ? m.unsupported : [];
      // An answer cut off by a reload is kept as stopped.
      if (m.status === "streaming") m.status = "stopped";
    }
  }
  conversation.messages = messages;
  return messages;
}

export function saveConversation() {
  const kept = conversation.messages.slice(-MAX_KEPT).map((m) => (m.role === "assistant" && m.status === "streaming" ? { ...m, status: "stopped" } : m));
  if (!save(CONVERSATION_KEY, { version: 1, messages: kept })) {
    // Storage full: keep the most recent turns only.
    save(CONVERSATION_KEY, { version: 1, messages: kept.slice(-10) });
  }
}

export function clearConversation() {
  conversation.messages = [];
  remove(CONVERSATION_KEY);
}

/** The turns before `upTo` that got an answer, as { role, content } for /api/chat. */
export function historyBefore(upTo) {
  const turns = [];
  const messages = conversation.messages.slice(0, upTo);
  for (let i = 0; i + 1 < messages.length; i++) {
    const question = messages[i];
    const reply = messages[i + 1];
    if (question.role !== "user" || reply.role !== "assistant") continue;
    if (!reply.text || reply.status === "error") continue;
    turns.push({ role: "user", content: question.content.slice(0, MAX_CONTENT) }, { role: "assistant", content: reply.text.slice(0, MAX_CONTENT) });
  }
  return turns.slice(-HISTORY_TURNS);
}

/** Size of a request body in bytes, as the server counts it. */
export function bodyBytes(body) {
  return new TextEncoder().encode(JSON.stringify(body)).length;
}

export function getBodyBudget() {
  return bodyBudget;
}

/** The server refused a request as too large: its limit is lower than assumed. Returns false at the floor. */
export function lowerBodyBudget() {
  if (bodyBudget <= MIN_BODY_BUDGET) return false;
  bodyBudget = Math.max(MIN_BODY_BUDGET, Math.floor(bodyBudget / 2));
  return true;
}

/**
 * The messages to send for `question`: the history without its oldest turns (a question and its answer
 * each) until the request fits `budget` bytes. Returns the messages and how many turns were left out.
 */
export function fitHistory(history, question, extra = {}, budget = bodyBudget) {
  let turns = history.slice();
  let dropped = 0;
  while (turns.length > 0 && bodyBytes({ messages: [...turns, question], stream: true, ...extra }) > budget) {
    turns = turns.slice(2);
    dropped++;
  }
  return { messages: [...turns, question], dropped };
}

function mergeWarnings(into, more) {
  for (const w of more ?? []) if (typeof w === "string" && !into.includes(w)) into.push(w);
}

/**
 * Stream the answer to `messages` into `msg`, calling onUpdate(msg) after every change. Never throws:
 * the outcome is msg.status ("done", "stopped" or "error" with msg.error = { status, code, message }).
 */
export async function streamInto(msg, { messages, studies, signal, onUpdate }) {
  try {
    await streamChat({ messages, studies, signal }, (event, data) => {
      if (event === "meta") {
        msg.lang = data.lang;
        msg.mode = data.mode;
        mergeWarnings(msg.warnings, data.warnings);
      } else if (event === "delta") {
        if (data.reset) msg.text = "";
        msg.text += String(data.text ?? "");
      } else if (event === "citations") {
        msg.citations = data.citations ?? [];
        msg.abstained = Boolean(data.abstained);
        msg.unsupported = Array.isArray(data.unsupported) ? data.unsupported : [];
        mergeWarnings(msg.warnings, data.warnings);
      } else if (event === "done") {
        const result = data.result ?? {};
        if (typeof result.answer === "string") msg.text = result.answer;
        if (Array.isArray(result.citations)) msg.citations = result.citations;
        if (Array.isArray(result.unsupported)) msg.unsupported = result.unsupported;
        msg.abstained = Boolean(result.abstained ?? msg.abstained);
        msg.mode = result.mode ?? msg.mode;
        msg.lang = result.lang ?? msg.lang;
        mergeWarnings(msg.warnings, result.warnings);
        msg.status = "done";
      } else if (event === "error") {
        msg.status = "error";
        msg.error = { status: 200, code: String(data.code ?? "error"), message: String(data.message ?? "") };
      }
      onUpdate(msg);
    });
    if (msg.status === "streaming") {
      // The stream ended without `done`: the connection dropped.
      msg.status = "error";
      msg.error = { status: 0, code: "network_error", message: "" };
    }
  } catch (error) {
    if (error && error.name === "AbortError") msg.status = "stopped";
    else if (error instanceof ApiError) {
      msg.status = "error";
      msg.error = { status: error.status, code: error.code, message: error.message };
    } else {
      msg.status = "error";
      msg.error = { status: 0, code: "network_error", message: "" };
    }
  }
  onUpdate(msg);
  return msg;
}
