/**
 * Files the page writes for the user: a conversation as Markdown (each answer with its numbered sources,
 * then one numbered reference list), and the ratings as JSON. Saved through a blob link.
 */
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { titleOf } from "./conversations.js";
import { whereParts } from "./source-line.js";

export function saveFile(name, text, type = "text/plain") {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const slug = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60) || "conversation";

/** A conversation as Markdown: questions, answers with their citation markers, sources per answer, references numbered once. */
export function conversationMarkdown(conversation) {
  const references = [];
  const refNumber = (text) => {
    const i = references.indexOf(text);
    if (i >= 0) return i + 1;
    references.push(text);
    return references.length;
  };
  const lines = [`# ${titleOf(conversation) || t("untitled")}`, ""];
  for (const m of conversation.messages) {
    if (m.role === "user") {
      lines.push(`## ${t("you")}`, "", m.content, "");
      continue;
    }
    if (m.status !== "done") continue;
    lines.push(`## ${t("assistant")}`, "", String(m.text ?? "").trim(), "");
    if (m.citations.length > 0) {
      lines.push(`**${t("sources")}**`, "");
      for (const c of m.citations) {
        const refs = (c.references?.length ? c.references.map((r) => r.reference) : [c.reference]).map((r) => `[R${refNumber(String(r).replace(/\s+/g, " ").trim())}]`);
        lines.push(`- [${c.n}] ${whereParts(c).join(", ")}: “${c.quote}” ${refs.join(" ")}`);
        if (c.note) lines.push(`  - ${t("inconsistency")}: ${c.note}`);
      }
      lines.push("");
    }
    for (const w of m.warnings ?? []) lines.push(`> ${t("warningTitle")}: ${w}`, "");
  }
  if (references.length > 0) {
    lines.push(`## ${t("referencesHeading")}`, "");
    references.forEach((r, i) => lines.push(`R${i + 1}. ${r}`));
    lines.push("");
  }
  return lines.join("\n");
}

export function exportConversation(conversation) {
  saveFile(`${slug(titleOf(conversation))}.md`, conversationMarkdown(conversation), "text/markdown");
}

export function exportRatings(ratings) {
  saveFile("answer-ratings.json", `${JSON.stringify({ exportedAt: new Date().toISOString(), ratings }, null, 2)}\n`, "application/json");
}
