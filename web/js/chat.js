/**
 * Asking: the history sent with each question (fitted to the server's body limit), and one streamed
 * answer applied event by event to its message (meta, delta, citations, done, error: the events of the
 * API's ChatEvent, nothing else). The answer is shown from `sentences` and `citations` once they arrive;
 * until then the streamed text is shown as it comes.
 */
import { ApiError, streamChat } from "./api.js";

const HISTORY_TURNS = 12;
const MAX_CONTENT = 8000;
/** The server's default body limit (BODY_LIMIT_BYTES); halved each time the server says a request was too large. */
const DEFAULT_BODY_BUDGET = 64 * 1024;
const MIN_BODY_BUDGET = 16 * 1024;
let bodyBudget = DEFAULT_BODY_BUDGET;

/** The turns before `upTo` that got an answer, as { role, content } for /api/chat. */
export function historyBefore(messages, upTo) {
  const turns = [];
  const list = messages.slice(0, upTo);
  for (let i = 0; i + 1 < list.length; i++) {
    const question = list[i];
    const reply = list[i + 1];
    if (question.role !== "user" || reply.role !== "assistant") continue;
    if (!reply.text || reply.status === "error") continue;
    turns.push({ role: "user", content: question.content.slice(0, MAX_CONTENT) }, { role: "assistant", content: reply.text.slice(0, MAX_CONTENT) });
  }
  return turns.slice(-HISTORY_TURNS);
}

export function bodyBytes(body) {
  return new TextEncoder().encode(JSON.stringify(body)).length;
}

/** The server refused a request as too large: its limit is lower than assumed. Returns false at the floor. */
export function lowerBodyBudget() {
  if (bodyBudget <= MIN_BODY_BUDGET) return false;
  bodyBudget = Math.max(MIN_BODY_BUDGET, Math.floor(bodyBudget / 2));
  return true;
}

/** The messages to send: the history without its oldest turns until the request fits the budget. */
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

/** A fresh assistant message, waiting for its answer. */
export function resetReply(msg, warnings = []) {
  Object.assign(msg, { status: "streaming", text: "", sentences: [], citations: [], abstained: false, unsupported: [], studies: [], plan: null, error: undefined, warnings: [...warnings], suggestions: undefined, feedback: undefined });
  return msg;
}

/**
 * Stream the answer to `messages` into `msg`, calling onUpdate(msg) after every change. Never throws:
 * the outcome is msg.status ("done", "stopped" or "error" with msg.error = { status, code, message }).
 */
export async function streamInto(msg, { messages, studies, docs, signal, onUpdate }) {
  try {
    await streamChat({ messages, studies, docs, signal }, (event, data) => {
      if (event === "meta") {
        msg.lang = data.lang;
        msg.mode = data.mode;
        msg.plan = data.plan ?? null;
        mergeWarnings(msg.warnings, data.warnings);
      } else if (event === "delta") {
        if (data.reset) msg.text = "";
        msg.text += String(data.text ?? "");
      } else if (event === "citations") {
        msg.citations = Array.isArray(data.citations) ? data.citations : [];
        msg.sentences = Array.isArray(data.sentences) ? data.sentences : [];
        msg.abstained = Boolean(data.abstained);
        msg.unsupported = Array.isArray(data.unsupported) ? data.unsupported : [];
        msg.studies = Array.isArray(data.studies) ? data.studies : [];
        mergeWarnings(msg.warnings, data.warnings);
      } else if (event === "done") {
        const result = data.result ?? {};
        if (typeof result.answer === "string") msg.text = result.answer;
        if (Array.isArray(result.citations)) msg.citations = result.citations;
        if (Array.isArray(result.sentences)) msg.sentences = result.sentences;
        if (Array.isArray(result.unsupported)) msg.unsupported = result.unsupported;
        if (Array.isArray(result.studies)) msg.studies = result.studies;
        msg.abstained = Boolean(result.abstained ?? msg.abstained);
        msg.mode = result.mode ?? msg.mode;
        msg.lang = result.lang ?? msg.lang;
        msg.plan = result.plan ?? msg.plan;
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
