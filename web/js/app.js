/**
 * The chat page: wires the composer, the conversation, the citation panel, the study filter, the Studies
 * view, the language switch and the access-token form together. State lives in chat.js (conversation),
 * filter.js (studies picked) and i18n.js (language); this file turns events into calls.
 */
import { setToken } from "./api.js";
import { clearConversation, conversation, fitHistory, historyBefore, loadConversation, lowerBodyBudget, newId, saveConversation, streamInto } from "./chat.js";
import { announce, copyText, h } from "./dom.js";
import { getFilter, initFilter, renderFilter, setFilter, setPickerOpen } from "./filter.js";
import { applyStatic, getLang, initLang, setLang, STRINGS, t } from "./i18n.js";
import { closePanel, initPanel, openCitation, refreshPanel } from "./panel.js";
import { answerAsText, fillAssistant, renderAssistant, renderUser } from "./render.js";
import { getReview, loadStudies, renderStudiesView } from "./studies.js";

const $ = (id) => document.getElementById(id);
let els;
let controller = null;
let pendingRetry = false;

const handlers = {
  onCitation: (citation, button) => openCitation(citation, button),
  onCopyAnswer: async (msg, button) => {
    const ok = await copyText(answerAsText(msg));
    const label = button.querySelector(".copy-label");
    label.textContent = ok ? t("copied") : t("copyFailed");
    button.classList.toggle("is-done", ok);
    announce(ok ? t("copied") : t("copyFailed"));
    setTimeout(() => {
      label.textContent = t("copyAnswer");
      button.classList.remove("is-done");
    }, 2000);
  },
  onRetry: (msg) => retry(msg),
};

// ---- conversation view ------------------------------------------------------------------------------

function isNearBottom() {
  const s = els.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight < 120;
}

function scrollToBottom() {
  els.scroller.scrollTop = els.scroller.scrollHeight;
}

function renderConversation() {
  let answers = 0;
  const nodes = conversation.messages.map((m) => (m.role === "user" ? renderUser(m) : renderAssistant(m, handlers, ++answers)));
  els.conversation.replaceChildren(...nodes);
  els.empty.hidden = conversation.messages.length > 0;
  els.conversation.hidden = conversation.messages.length === 0;
}

function articleOf(msg) {
  return els.conversation.querySelector(`[data-id="${CSS.escape(msg.id)}"]`);
}

let frame = 0;
function scheduleUpdate(msg) {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const stick = isNearBottom();
    const article = articleOf(msg);
    if (article) fillAssistant(article, msg, handlers);
    if (stick) scrollToBottom();
  });
}

function renderExamples() {
  const examples = STRINGS[getLang()].examples;
  els.examples.replaceChildren(...examples.map((ex) =>
    h("li", {}, h("button", { type: "button", class: "example", lang: ex.lang, onclick: () => ask(ex.text) },
      h("span", { class: "example-lang", "aria-hidden": "true", title: t("exampleLang", ex.lang) }, ex.lang.toUpperCase()),
      h("span", { class: "example-text" }, ex.text)))));
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

async function ask(text, studies = getFilter()) {
  const question = String(text ?? "").trim();
  if (!question || controller) return;
  showTab("chat");
  closePanel({ restoreFocus: false });
  const history = historyBefore(conversation.messages.length);
  const user = { id: newId(), role: "user", content: question, studies };
  const reply = { id: newId(), role: "assistant", status: "streaming", text: "", citations: [], warnings: [], abstained: false };
  conversation.messages.push(user, reply);
  saveConversation();
  renderConversation();
  scrollToBottom();
  controller = new AbortController();
  setStreaming(true);
  // The request must fit the server's body limit: leave out the oldest turns, and say so. A 413 means the
  // limit is lower than assumed: lower the budget and ask again.
  for (let attempt = 0; ; attempt++) {
    const fitted = fitHistory(history, { role: "user", content: question }, studies.length > 0 ? { studies } : {});
    Object.assign(reply, { status: "streaming", text: "", citations: [], abstained: false, error: undefined, unsupported: [], warnings: fitted.dropped > 0 ? [t("historyTrimmed", fitted.dropped)] : [] });
    await streamInto(reply, { messages: fitted.messages, studies, signal: controller.signal, onUpdate: scheduleUpdate });
    const tooLarge = reply.status === "error" && reply.error?.status === 413;
    if (!tooLarge || attempt >= 3 || !lowerBodyBudget()) break;
  }
  controller = null;
  setStreaming(false);
  saveConversation();
  const article = articleOf(reply);
  const stick = isNearBottom();
  if (article) fillAssistant(article, reply, handlers);
  if (stick) scrollToBottom();
  if (reply.status === "error" && reply.error?.status === 401) showTokenForm();
}

function retry(msg) {
  const index = conversation.messages.indexOf(msg);
  const question = conversation.messages[index - 1];
  if (index < 1 || !question || question.role !== "user" || controller) return;
  conversation.messages.splice(index - 1, 2);
  ask(question.content, question.studies ?? []);
}

function stop() {
  if (controller) controller.abort();
}

function newChat() {
  stop();
  closePanel({ restoreFocus: false });
  clearConversation();
  renderConversation();
  els.question.value = "";
  autoGrow();
  showTab("chat");
  els.question.focus();
}

/** Grow the question box with its text, up to 8 lines (rows, not inline styles: the CSP forbids those). */
function autoGrow() {
  const q = els.question;
  q.rows = 1;
  if (q.value === "") return; // Chromium counts a wrapped placeholder in scrollHeight
  const style = getComputedStyle(q);
  const line = parseFloat(style.lineHeight) || 24;
  const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  q.rows = Math.max(1, Math.min(8, Math.round((q.scrollHeight - padding) / line)));
}

// ---- tabs, language, token ------------------------------------------------------------------------

function showTab(name) {
  for (const tab of [els.tabChat, els.tabStudies]) {
    const active = tab.id === `tab-${name}`;
    tab.setAttribute("aria-selected", String(active));
    tab.tabIndex = active ? 0 : -1;
  }
  $("view-chat").hidden = name !== "chat";
  $("view-studies").hidden = name !== "studies";
  if (name === "studies") loadStudies().then(() => renderStudiesView({ onAsk: askAboutStudy }), onStudiesFailed);
}

function askAboutStudy(number) {
  setFilter([number]);
  showTab("chat");
  els.question.focus();
}

function applyLanguage() {
  applyStatic();
  for (const button of document.querySelectorAll(".lang-btn")) button.setAttribute("aria-pressed", String(button.dataset.lang === getLang()));
  renderExamples();
  renderConversation();
  renderFilter();
  if (!$("view-studies").hidden) renderStudiesView({ onAsk: askAboutStudy });
  refreshPanel();
}

function showTokenForm() {
  $("token-form").hidden = false;
  $("token-input").focus();
}

function onStudiesFailed(error) {
  if (error && error.status === 401) showTokenForm();
}

function onTokenSubmit(event) {
  event.preventDefault();
  const value = $("token-input").value.trim();
  if (!value) return;
  setToken(value);
  $("token-input").value = "";
  $("token-form").hidden = true;
  announce(t("tokenSaved"));
  loadStudies().then(() => renderFilter(), onStudiesFailed);
  const last = conversation.messages.at(-1);
  if (last && last.role === "assistant" && last.status === "error" && last.error?.status === 401 && !pendingRetry) {
    pendingRetry = true;
    retry(last);
    pendingRetry = false;
  } else {
    els.question.focus();
  }
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
    tabChat: $("tab-chat"),
    tabStudies: $("tab-studies"),
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
  initPanel({ getReview, onError: (error) => error.status === 401 && showTokenForm() });
  initFilter();
  renderExamples();
  loadConversation();
  renderConversation();
  scrollToBottom();

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
  for (const tab of [els.tabChat, els.tabStudies]) {
    tab.addEventListener("click", () => showTab(tab.id.slice(4)));
    tab.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight" && event.key !== "Home" && event.key !== "End") return;
      event.preventDefault();
      const next = tab === els.tabChat ? els.tabStudies : els.tabChat;
      const target = event.key === "Home" ? els.tabChat : event.key === "End" ? els.tabStudies : next;
      showTab(target.id.slice(4));
      target.focus();
    });
  }
  loadStudies().then(() => renderFilter(), onStudiesFailed);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
