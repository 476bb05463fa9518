/**
 * The page: wires the conversations sidebar, the chat (composer, answers, citation panel and preview,
 * suggestions), the Library (documents, upload, reader), the Studies view, the language switch and the
 * access-token form. State lives in conversations.js (conversations), filter.js (studies picked),
 * library-data.js (documents) and i18n.js (language); this file turns events into calls.
 */
import { fetchSuggestions, setToken } from "./api.js";
import { historyBefore, fitHistory, lowerBodyBudget, resetReply, streamInto } from "./chat.js";
import { active, loadConversations, newId, setActive, startNew, touch } from "./conversations.js";
import { announce, copyText, h } from "./dom.js";
import { getFilter, initFilter, renderFilter, setFilter, setPickerOpen } from "./filter.js";
import { applyStatic, getLang, initLang, setLang, STRINGS, t } from "./i18n.js";
import { renderLibrary } from "./library.js";
import { getDocuments, loadLibrary, onLibraryChange, tableStudies } from "./library-data.js";
import { answerAsText, fillAssistant, renderAssistant, renderUser } from "./message-view.js";
import { closePanel, initPanel, openCitation, refreshPanel } from "./panel.js";
import { hidePreview, showPreview } from "./preview.js";
import { renderReader } from "./reader.js";
import { initSidebar, renderSidebar, setSidebarOpen } from "./sidebar.js";
import { renderStudiesView } from "./studies.js";

const $ = (id) => document.getElementById(id);
const VIEWS = ["chat", "library", "studies"];
let els;
let controller = null;
let editingId = null;
let view = "chat";
let reading = null; // { docId, focus } while the reader is open

const handlers = {
  onCitation: (citation, button) => {
    hidePreview();
    openCitation(citation, button);
  },
  onPreview: (citation, button) => showPreview(citation, button),
  onPreviewEnd: () => hidePreview(),
  onCopyAnswer: async (msg, button) => {
    const ok = await copyText(answerAsText(msg));
    const label = button.querySelector(".copy-label");
    label.textContent = ok ? t("copied") : t("copyFailed");
    announce(label.textContent);
    setTimeout(() => (label.textContent = t("copyAnswer")), 2000);
  },
  onRetry: (msg) => regenerate(msg),
  onRegenerate: (msg) => regenerate(msg),
  onRate: (msg, value) => {
    msg.feedback = msg.feedback === value ? undefined : value;
    msg.ratedAt = msg.feedback ? Date.now() : undefined;
    touch();
    refill(msg);
    if (msg.feedback) announce(t("rated"));
  },
  onEdit: (msg) => {
    if (controller) return;
    editingId = msg.id;
    renderConversation();
  },
  onEditCancel: () => {
    editingId = null;
    renderConversation();
  },
  onEditSubmit: (msg, text) => {
    const question = text.trim();
    if (!question || controller) return;
    const c = active();
    const index = c.messages.indexOf(msg);
    editingId = null;
    if (index < 0) return;
    c.messages.splice(index);
    ask(question, { filter: msg.filter ?? null });
  },
  onSuggestion: (s) => ask(s.question, { filter: s.docs ? { studies: [], docs: s.docs, label: "" } : getFilter() }),
  onOpenReader: (docId, passageId) => openReader(docId, passageId),
};

// ---- conversation view ------------------------------------------------------------------------------

function isNearBottom() {
  const s = els.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight < 120;
}

function scrollToBottom() {
  els.scroller.scrollTop = els.scroller.scrollHeight;
}

function lastAssistant() {
  return active().messages.findLast((m) => m.role === "assistant");
}

function renderConversation() {
  const messages = active().messages;
  let answers = 0;
  const last = lastAssistant();
  const nodes = messages.map((m) => (m.role === "user" ? renderUser(m, handlers, { editing: m.id === editingId }) : renderAssistant(m, handlers, ++answers, { last: m === last })));
  els.conversation.replaceChildren(...nodes);
  els.empty.hidden = messages.length > 0;
  els.conversation.hidden = messages.length === 0;
  // The empty screen starts at its top (its heading must not hide under the top bar).
  if (messages.length === 0) els.scroller.scrollTop = 0;
  renderSidebar();
}

function articleOf(msg) {
  return els.conversation.querySelector(`[data-id="${CSS.escape(msg.id)}"]`);
}

function refill(msg) {
  const article = articleOf(msg);
  if (article) fillAssistant(article, msg, handlers, { last: msg === lastAssistant() });
}

let frame = 0;
function scheduleUpdate(msg) {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const stick = isNearBottom();
    refill(msg);
    if (stick) scrollToBottom();
  });
}

function renderExamples() {
  els.examples.replaceChildren(...STRINGS[getLang()].examples.map((ex) =>
    h("li", {}, h("button", { type: "button", class: "example", lang: ex.lang, onclick: () => ask(ex.text) },
      h("span", { class: "example-lang", "aria-hidden": "true", title: t("exampleLang", ex.lang) }, ex.lang.toUpperCase()),
      h("span", { class: "example-text" }, ex.text)))));
}

function renderSubtitle() {
  const docs = getDocuments();
  $("brand-sub").textContent = docs.length ? t("appSubtitle", docs.length, tableStudies().length) : "";
}

// ---- asking -----------------------------------------------------------------------------------------

function setStreaming(on) {
  const focusWasOn = document.activeElement;
  els.send.hidden = on;
  els.stop.hidden = !on;
  els.composer.classList.toggle("is-streaming", on);
  if (on && focusWasOn === els.send) els.stop.focus();
  if (!on && focusWasOn === els.stop) els.question.focus();
}

/** Follow-ups for the last answer (checked by the server by asking them); shown under it when they come. */
async function loadSuggestions(reply, messages) {
  try {
    const { suggestions } = await fetchSuggestions({ messages: [...messages, { role: "assistant", content: reply.text }] });
    if (reply !== lastAssistant() || !Array.isArray(suggestions)) return;
    reply.suggestions = suggestions;
    touch();
    const stick = isNearBottom();
    refill(reply);
    if (stick) scrollToBottom();
  } catch {
    /* suggestions are optional */
  }
}

async function ask(text, { filter = getFilter() } = {}) {
  const question = String(text ?? "").trim();
  if (!question || controller) return;
  showView("chat");
  closePanel({ restoreFocus: false });
  const conversation = active();
  const history = historyBefore(conversation.messages, conversation.messages.length);
  const user = { id: newId(), role: "user", content: question, ...(filter ? { filter } : {}) };
  const reply = resetReply({ id: newId(), role: "assistant" });
  for (const m of conversation.messages) if (m.role === "assistant") delete m.suggestions;
  conversation.messages.push(user, reply);
  touch(conversation);
  renderConversation();
  scrollToBottom();
  controller = new AbortController();
  setStreaming(true);
  const extra = filter ? { studies: filter.studies, docs: filter.docs } : {};
  let sent;
  // The request must fit the server's body limit: leave out the oldest turns, and say so.
  for (let attempt = 0; ; attempt++) {
    const fitted = fitHistory(history, { role: "user", content: question }, extra);
    sent = fitted.messages;
    resetReply(reply, fitted.dropped > 0 ? [t("historyTrimmed", fitted.dropped)] : []);
    await streamInto(reply, { messages: fitted.messages, ...extra, signal: controller.signal, onUpdate: scheduleUpdate });
    const tooLarge = reply.status === "error" && reply.error?.status === 413;
    if (!tooLarge || attempt >= 3 || !lowerBodyBudget()) break;
  }
  controller = null;
  setStreaming(false);
  touch(conversation);
  const stick = isNearBottom();
  refill(reply);
  if (stick) scrollToBottom();
  if (reply.status === "error" && reply.error?.status === 401) showTokenForm();
  if (reply.status === "done") loadSuggestions(reply, sent);
}

/** Ask the question before `msg` (an answer) again, replacing the answer. */
function regenerate(msg) {
  const messages = active().messages;
  const index = messages.indexOf(msg);
  const question = messages[index - 1];
  if (index < 1 || !question || question.role !== "user" || controller) return;
  messages.splice(index - 1);
  ask(question.content, { filter: question.filter ?? null });
}

function stop() {
  if (controller) controller.abort();
}

function newChat() {
  stop();
  closePanel({ restoreFocus: false });
  startNew();
  editingId = null;
  renderConversation();
  els.question.value = "";
  autoGrow();
  showView("chat");
  setSidebarOpen(false);
  els.question.focus();
}

function openConversation(id) {
  if (controller) return;
  closePanel({ restoreFocus: false });
  setActive(id);
  editingId = null;
  renderConversation();
  showView("chat");
  setSidebarOpen(false);
  if (active().messages.length) scrollToBottom();
  els.question.focus();
}

/** Grow the question box with its text, up to 8 lines (rows, not inline styles: the CSP forbids those). */
function autoGrow() {
  const q = els.question;
  q.rows = 1;
  if (q.value === "") return;
  const style = getComputedStyle(q);
  const line = parseFloat(style.lineHeight) || 24;
  const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  q.rows = Math.max(1, Math.min(8, Math.round((q.scrollHeight - padding) / line)));
}

// ---- views ------------------------------------------------------------------------------------------

/** Every passage the current conversation cites, with its quotes: passageId -> [{ n, start, end, quote }]. */
function citedPassages() {
  const cited = new Map();
  for (const m of active().messages) {
    if (m.role !== "assistant") continue;
    for (const c of m.citations ?? []) {
      const list = cited.get(c.passageId) ?? [];
      list.push({ n: c.n, start: c.quoteStart, end: c.quoteEnd, quote: c.quote });
      cited.set(c.passageId, list);
    }
  }
  return cited;
}

function onAuth() {
  showTokenForm();
}

function openReader(docId, focus) {
  reading = { docId, focus };
  closePanel({ restoreFocus: false });
  showView("library");
}

function showView(name) {
  view = VIEWS.includes(name) ? name : "chat";
  for (const v of VIEWS) {
    const tab = $(`tab-${v}`);
    tab.setAttribute("aria-selected", String(v === view));
    tab.tabIndex = v === view ? 0 : -1;
    $(`view-${v}`).hidden = v !== view;
  }
  document.body.dataset.view = view;
  if (view === "library") {
    $("library-home").hidden = Boolean(reading);
    $("reader").hidden = !reading;
    if (reading) {
      renderReader(reading.docId, {
        cited: citedPassages(),
        focus: reading.focus,
        onBack: () => {
          reading = null;
          showView("library");
          $("library-title").focus();
        },
      });
    } else renderLibrary({ onRead: (docId) => openReader(docId), onAuth });
  }
  if (view === "studies") renderStudiesView({ onAsk: askAboutStudy, onAuth });
}

function askAboutStudy(study) {
  setFilter([study]);
  showView("chat");
  els.question.focus();
}

function applyLanguage() {
  applyStatic();
  for (const button of document.querySelectorAll(".lang-btn")) button.setAttribute("aria-pressed", String(button.dataset.lang === getLang()));
  renderExamples();
  renderConversation();
  renderFilter();
  renderSubtitle();
  const upload = $("upload-slot");
  upload.replaceChildren();
  if (view !== "chat") showView(view);
  refreshPanel();
}

function showTokenForm() {
  $("token-form").hidden = false;
  $("token-input").focus();
}

function onTokenSubmit(event) {
  event.preventDefault();
  const value = $("token-input").value.trim();
  if (!value) return;
  setToken(value);
  $("token-input").value = "";
  $("token-form").hidden = true;
  announce(t("tokenSaved"));
  loadLibrary({ force: true }).catch(() => undefined);
  const last = lastAssistant();
  if (last && last.status === "error" && last.error?.status === 401) regenerate(last);
  else els.question.focus();
}

// ---- start ------------------------------------------------------------------------------------------

function init() {
  els = {
    conversation: $("conversation"),
    scroller: $("scroller"),
    empty: $("empty"),
    examples: $("examples"),
    composer: $("composer"),
    question: $("question"),
    send: $("send"),
    stop: $("stop"),
  };
  initLang();
  applyStatic();
  for (const button of document.querySelectorAll(".lang-btn")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === getLang()));
    button.addEventListener("click", () => {
      if (button.dataset.lang === getLang()) return;
      setLang(button.dataset.lang);
      applyLanguage();
    });
  }
  initPanel({ onError: (error) => error.status === 401 && showTokenForm(), onOpenReader: openReader });
  initFilter();
  loadConversations();
  initSidebar({ onOpen: openConversation, onDeleted: () => renderConversation() });
  renderExamples();
  renderConversation();
  if (active().messages.length) scrollToBottom();
  onLibraryChange(() => {
    renderFilter();
    renderSubtitle();
  });

  els.composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = els.question.value;
    if (!text.trim() || controller) return;
    els.question.value = "";
    autoGrow();
    setPickerOpen(false);
    ask(text);
  });
  els.question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      els.composer.requestSubmit();
    }
  });
  els.question.addEventListener("input", autoGrow);
  els.stop.addEventListener("click", stop);
  $("new-chat").addEventListener("click", newChat);
  $("token-form").addEventListener("submit", onTokenSubmit);
  const tabs = VIEWS.map((v) => $(`tab-${v}`));
  for (const tab of tabs) {
    tab.addEventListener("click", () => {
      if (tab.id === "tab-library") reading = null;
      showView(tab.id.slice(4));
    });
    tab.addEventListener("keydown", (event) => {
      const i = tabs.indexOf(tab);
      const next = { ArrowRight: (i + 1) % tabs.length, ArrowLeft: (i + tabs.length - 1) % tabs.length, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      showView(tabs[next].id.slice(4));
      tabs[next].focus();
    });
  }
  loadLibrary().catch((error) => error?.status === 401 && showTokenForm());
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
