/**
 * Past conversations, kept in this browser (localStorage): a list of { id, title, createdAt, updatedAt,
 * messages }, the active one, new / rename / delete. The conversation kept by earlier versions of the
 * page (one chat only) becomes the first entry.
 *
 * A user message: { id, role: "user", content, filter? }.
 * An assistant message: { id, role: "assistant", status: "streaming" | "done" | "stopped" | "error", text,
 *   sentences, citations, abstained, warnings, unsupported, mode, lang, plan, studies, error?, feedback?,
 *   ratedAt?, suggestions? }.
 */
import { load, remove, save } from "./storage.js";

const KEY = "ra.conversations.v2";
const OLD_KEY = "ra.conversation.v1";
const MAX_CONVERSATIONS = 50;
const MAX_MESSAGES = 60;

export function newId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

const state = { items: [], activeId: null };

function isMessage(m) {
  return m && typeof m === "object" && typeof m.id === "string" && (m.role === "user" || m.role === "assistant");
}

function tidyMessage(m) {
  if (m.role === "user") return { ...m, content: String(m.content ?? "") };
  const list = (v) => (Array.isArray(v) ? v : []);
  return {
    ...m,
    text: String(m.text ?? ""),
    sentences: list(m.sentences),
    citations: list(m.citations),
    warnings: list(m.warnings),
    unsupported: list(m.unsupported),
    studies: list(m.studies),
    // An answer cut off by a reload is kept as stopped.
    status: m.status === "streaming" ? "stopped" : m.status,
  };
}

function tidyConversation(c) {
  return {
    id: String(c.id),
    title: typeof c.title === "string" ? c.title : "",
    createdAt: Number(c.createdAt) || Date.now(),
    updatedAt: Number(c.updatedAt) || Date.now(),
    messages: (Array.isArray(c.messages) ? c.messages : []).filter(isMessage).map(tidyMessage),
  };
}

export function loadConversations() {
  const stored = load(KEY, null);
  state.items = stored && Array.isArray(stored.items) ? stored.items.filter((c) => c && c.id).map(tidyConversation) : [];
  state.activeId = stored?.activeId ?? null;
  const old = load(OLD_KEY, null);
  if (old && Array.isArray(old.messages) && old.messages.length > 0) {
    const messages = old.messages.filter(isMessage).map(tidyMessage);
    state.items.unshift({ id: newId(), title: titleFrom(messages), createdAt: Date.now(), updatedAt: Date.now(), messages });
    remove(OLD_KEY);
  }
  if (!state.items.some((c) => c.id === state.activeId)) state.activeId = state.items[0]?.id ?? null;
  persist();
  return state;
}

function titleFrom(messages) {
  const first = messages.find((m) => m.role === "user");
  const text = first ? first.content.replace(/\s+/g, " ").trim() : "";
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}

export function persist() {
  const items = state.items.slice(0, MAX_CONVERSATIONS).map((c) => ({
    ...c,
    messages: c.messages.slice(-MAX_MESSAGES).map((m) => (m.role === "assistant" && m.status === "streaming" ? { ...m, status: "stopped" } : m)),
  }));
  if (!save(KEY, { version: 2, activeId: state.activeId, items })) {
    // Storage full: keep the newest conversations only.
    save(KEY, { version: 2, activeId: state.activeId, items: items.slice(0, 5) });
  }
}

export function conversations() {
  return [...state.items].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** The active conversation; one is created when there is none. */
export function active() {
  let c = state.items.find((x) => x.id === state.activeId);
  if (!c) {
    c = { id: newId(), title: "", createdAt: Date.now(), updatedAt: Date.now(), messages: [] };
    state.items.unshift(c);
    state.activeId = c.id;
  }
  return c;
}

export function setActive(id) {
  if (state.items.some((c) => c.id === id)) state.activeId = id;
  persist();
  return active();
}

/** A new, empty conversation (the active one is reused when it is still empty). */
export function startNew() {
  const current = state.items.find((x) => x.id === state.activeId);
  if (current && current.messages.length === 0) return current;
  const c = { id: newId(), title: "", createdAt: Date.now(), updatedAt: Date.now(), messages: [] };
  state.items.unshift(c);
  state.activeId = c.id;
  persist();
  return c;
}

export function rename(id, title) {
  const c = state.items.find((x) => x.id === id);
  if (c) {
    c.title = String(title).replace(/\s+/g, " ").trim().slice(0, 120);
    persist();
  }
}

export function removeConversation(id) {
  state.items = state.items.filter((c) => c.id !== id);
  if (state.activeId === id) state.activeId = conversations()[0]?.id ?? null;
  persist();
}

/** The title to show: the one given, else the first question. */
export function titleOf(c) {
  return c.title || titleFrom(c.messages);
}

/** Mark the active conversation changed (and name it after its first question). */
export function touch(c = active()) {
  c.updatedAt = Date.now();
  persist();
}

/** Every rated answer of every conversation, for the ratings export. */
export function ratings() {
  const out = [];
  for (const c of state.items) {
    c.messages.forEach((m, i) => {
      if (m.role !== "assistant" || !m.feedback) return;
      const question = c.messages[i - 1]?.role === "user" ? c.messages[i - 1].content : "";
      out.push({
        conversation: titleOf(c),
        question,
        answer: m.text,
        rating: m.feedback,
        ratedAt: m.ratedAt ? new Date(m.ratedAt).toISOString() : null,
        mode: m.mode ?? null,
        lang: m.lang ?? null,
        citations: m.citations.map((x) => ({ n: x.n, passageId: x.passageId, docId: x.docId, document: x.document, page: x.page, studies: x.studies })),
      });
    });
  }
  return out;
}
