/**
 * The HTTP API as docs/api.md documents it, on the real app over a real index: every route of the docs'
 * table requested with its own example (a route that stops being served, or is served with another
 * method, fails here), the answer's structure, the 404/405 rules, references with the inconsistency
 * notes, follow-ups checked by asking, uploads, PDFs, the OpenAI endpoint through the real openai client.
 */
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { humanLine } from "../../src/log.ts";
import { createApp } from "../../src/server/app.ts";
import { startupSummary } from "../../src/server/startup-summary.ts";
import { copySharedIndex, openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { paperPdf } from "../helpers/paper-pdf.ts";
import { sseEvents } from "../helpers/sse.ts";

const REVIEW = "review-child-trafficking-programs.txt";
let fixture: IndexFixture;
let app: ReturnType<typeof createApp>;

const post = (target: ReturnType<typeof createApp>, url: string, body: unknown, headers: Record<string, string> = {}) =>
  target.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

interface CitationBody {
  n: number;
  passageId: string;
  docId: string;
  document: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  section: string;
  heading: string;
  page: number | null;
  studies: number[];
  reference: string;
  note?: string;
}
interface SentenceBody {
  text: string;
  citations: number[];
  kind: string;
  item?: true;
  quotes?: { start: number; end: number }[];
}
interface AnswerBody {
  answer: string;
  citations: CitationBody[];
  abstained: boolean;
  mode: string;
  lang: string;
  plan: { kind: string };
  sentences: SentenceBody[];
  studies: number[];
}

beforeAll(async () => {
  fixture = await openSharedIndex();
  app = createApp({ context: fixture.context, log: false });
});

describe("every route docs/api.md documents", () => {
  it("is served with the documented method and example", async () => {
    const docs = await readFile(path.join(PROJECT_ROOT, "docs", "api.md"), "utf8");
    const rows = [...docs.matchAll(/^\| `(GET|POST) ([^`]+)` \| `([^`]+)`/gm)].map((m) => ({ method: m[1], route: m[2], example: m[3] }));
    expect(rows.length).toBeGreaterThanOrEqual(15);
    const passageId = (await fixture.context.store.listPassages({ docs: [REVIEW] }, 1))[0].id;
    for (const row of rows) {
      const [, method, target, json] = /^(GET|POST) (\S+)(?: (\{.*\}))?/.exec(row.example)!;
      expect(method, row.route).toBe(row.method);
      const url = target.replace("{passageId}", passageId).replace("{pdfDocId}", "no-such.pdf");
      if (row.route === "/api/documents" && method === "POST") continue; // multipart: tested below
      const res = method === "GET" ? await app.request(url) : await post(app, url, json ?? "{}");
      const expected = row.route === "/files/:docId" ? 404 : row.route === "/eval" ? [200, 404] : 200;
      if (Array.isArray(expected)) expect(expected, `${row.example} -> ${res.status}`).toContain(res.status);
      else expect(res.status, `${row.example}: ${res.status} ${await res.clone().text().then((t) => t.slice(0, 200))}`).toBe(expected);
    }
  });

  it("documents the options of POST /api/chat and the error rules", async () => {
    const docs = await readFile(path.join(PROJECT_ROOT, "docs", "api.md"), "utf8");
    for (const option of ["`k`", "`lang`", "`mode`", "`maxSentences`", "characters / 4", "`max_tokens`", "405", "Allow"]) expect(docs).toContain(option);
  });
});

describe("unknown paths and methods", () => {
  it("POST /nope is 404; GET /api/chat is 405 with Allow: POST; POST / is 405", async () => {
    const nope = await app.request("/nope", { method: "POST" });
    expect(nope.status).toBe(404);
    expect(((await nope.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const chat = await app.request("/api/chat");
    expect(chat.status).toBe(405);
    expect(chat.headers.get("allow")).toContain("POST");
    expect(((await chat.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
    expect((await app.request("/", { method: "POST" })).status).toBe(405);
    expect((await app.request("/api/nothing-here")).status).toBe(404);
    expect((await app.request("/api/documents", { method: "DELETE" })).status).toBe(405);
  });
});

describe("POST /api/chat", () => {
  it("answers with a plan, sentences and citations whose quotes are their passages' spans", async () => {
    const res = await post(app, "/api/chat", { messages: [{ role: "user", content: "Apa hasil program MLMC setelah 12 bulan?" }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as AnswerBody;
    expect(body.abstained).toBe(false);
    expect(body.lang).toBe("id");
    expect(body.plan.kind).toBeTruthy();
    expect(body.sentences.length).toBeGreaterThan(0);
    for (const c of body.citations) {
      const passage = await fixture.context.store.getPassage(c.passageId);
      expect(passage!.text.slice(c.quoteStart, c.quoteEnd)).toBe(c.quote);
      expect(c.document).toBe("Buletin Kesehatan (2022)");
      expect(typeof c.heading).toBe("string");
    }
    for (const s of body.sentences) for (const q of s.quotes ?? []) expect(s.text.slice(q.start, q.end)).toMatch(/^«[\s\S]*»$/);
  });

  it("a list answer marks its items; an out-of-scope question abstains with the server's own sentence", async () => {
    const list = (await (await post(app, "/api/chat", { messages: [{ role: "user", content: "How many studies were qualitative?" }] })).json()) as AnswerBody;
    expect(list.sentences.filter((s) => s.item).length).toBeGreaterThan(1);
    const out = (await (await post(app, "/api/chat", { messages: [{ role: "user", content: "What is the capital of France?" }] })).json()) as AnswerBody;
    expect(out.abstained).toBe(true);
    expect(out.sentences.every((s) => s.kind === "frame")).toBe(true);
    expect(out.answer).toBe(out.sentences.map((s) => s.text).join(" "));
  });

  it("streams meta (with the plan), deltas, citations, done", async () => {
    const res = await post(app, "/api/chat", { messages: [{ role: "user", content: "What activities does Rumah Faye offer?" }], stream: true });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = sseEvents(await res.text());
    const order = events.map((e) => e.event);
    expect(order[0]).toBe("meta");
    expect((events[0].data as { plan: { kind: string } }).plan.kind).toBeTruthy();
    expect(order.slice(-2)).toEqual(["citations", "done"]);
    expect(order.slice(1, -2).every((e) => e === "delta")).toBe(true);
  });

  it.each([
    [{ messages: [] }, /messages: must hold at least one message/],
    [{ messages: [{ role: "user", content: "x".repeat(9000) }] }, /messages\.0\.content: must be at most 8000/],
    [{ messages: [{ role: "user", content: "hi" }], mode: "magic" }, /mode: /],
    [{ messages: [{ role: "user", content: "hi" }], k: 0 }, /k: /],
    [{ messages: [{ role: "user", content: "hi" }], lang: "fr" }, /lang: /],
    [{ messages: [{ role: "user", content: "hi" }], maxSentences: 99 }, /maxSentences: /],
  ])("400 naming the field for %#", async (body, message) => {
    const res = await post(app, "/api/chat", body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });
});

describe("documents, studies, passages", () => {
  it("GET /api/documents/:id gives the passages in document order", async () => {
    const body = (await (await app.request(`/api/documents/${encodeURIComponent(REVIEW)}`)).json()) as { document: { id: string }; passages: { start: number; section: string }[] };
    expect(body.document.id).toBe(REVIEW);
    expect(body.passages.length).toBe(fixture.context.store.passageCount);
    for (let i = 1; i < body.passages.length; i++) expect(body.passages[i].start).toBeGreaterThanOrEqual(body.passages[i - 1].start);
    expect((await app.request("/api/documents/nope.txt")).status).toBe(404);
  });

  it("GET /api/studies lists the studies with their notes", async () => {
    const body = (await (await app.request("/api/studies")).json()) as { studies: { number: number; note: string | null; docId: string }[] };
    expect(body.studies.filter((s) => s.docId === REVIEW).map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(body.studies.find((s) => s.number === 6)!.note).toMatch(/Wallace et al\., 2016/);
  });
});

describe("GET /api/references", () => {
  it("BibTeX, RIS and CSL-JSON carry the inconsistency note; APA is text", async () => {
    const bib = await (await app.request(`/api/references?format=bibtex&doc=${REVIEW}&studies=6,9`)).text();
    expect(bib.match(/@article\{/g)).toHaveLength(2);
    expect(bib).toMatch(/note = \{[^}]*Wallace et al\., 2016/);
    const ris = await (await app.request(`/api/references?format=ris&cite=${encodeURIComponent(`${REVIEW}#9`)}`)).text();
    expect(ris).toMatch(/^TY {2}- JOUR/m);
    // One line per tag: the note is not wrapped.
    expect(ris).toMatch(/^N1 {2}- The year column gives 2019, but the review cites '\(Rothman et al\., 2020\)'\. .*Desain Studi'\.$/m);
    const csl = JSON.parse(await (await app.request(`/api/references?format=csl-json&cite=${encodeURIComponent(`${REVIEW}#9`)}`)).text()) as { note?: string; title: string }[];
    expect(csl[0].note).toMatch(/Rothman et al\., 2020/);
    const all = await app.request("/api/references?format=apa&download=1");
    expect(all.headers.get("content-disposition")).toMatch(/attachment; filename="references\.txt"/);
    expect(Number(all.headers.get("x-entries"))).toBe(11);
    expect(await all.text()).toMatch(/Rothman, E\. F\. \(2019\)/);
  });

  it("refuses a bad format or source", async () => {
    expect((await app.request("/api/references?format=docx")).status).toBe(400);
    expect((await app.request("/api/references?studies=1")).status).toBe(400);
    expect((await app.request("/api/references?cite=nope.txt%231")).status).toBe(404);
  });
});

describe("POST /api/suggestions", () => {
  it("offers at most 3 follow-ups in the answer's language, each of which gets a cited answer", async () => {
    const res = await post(app, "/api/suggestions", { messages: [{ role: "user", content: "Siapa penulis studi nomor 3?" }] });
    const body = (await res.json()) as { lang: string; suggestions: { question: string }[] };
    expect(body.lang).toBe("id");
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.length).toBeLessThanOrEqual(3);
    for (const s of body.suggestions) {
      expect(s.question).toMatch(/Studi 3/);
      expect(s.question).not.toMatch(/Siapa penulis Studi 3/i);
      const answer = (await (await post(app, "/api/chat", { messages: [{ role: "user", content: "Siapa penulis studi nomor 3?" }, { role: "assistant", content: "…" }, { role: "user", content: s.question }] })).json()) as AnswerBody;
      expect(answer.abstained, s.question).toBe(false);
      expect(answer.citations.length).toBeGreaterThan(0);
    }
  });
});

describe("POST /v1/chat/completions with the real openai client", () => {
  let server: ReturnType<typeof serve>;
  let client: OpenAI;
  beforeAll(async () => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    client = new OpenAI({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, apiKey: "unused", maxRetries: 0 });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("non-stream: the answer with its references, and usage estimated as characters / 4", async () => {
    const completion = await client.chat.completions.create({ model: "any", messages: [{ role: "user", content: "Siapa penulis studi nomor 9?" }] });
    const content = completion.choices[0].message.content ?? "";
    expect(content).toMatch(/Rothman/);
    expect(content).toMatch(/\n\nReferences:\n\[1\] /);
    expect(completion.usage).toEqual({ prompt_tokens: Math.ceil("Siapa penulis studi nomor 9?".length / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: Math.ceil("Siapa penulis studi nomor 9?".length / 4) + Math.ceil(content.length / 4) });
  });

  it("honours a system message asking for English", async () => {
    const question = { role: "user" as const, content: "Apa hasil program MLMC setelah 12 bulan?" };
    const plain = await client.chat.completions.create({ model: "any", messages: [question] });
    const english = await client.chat.completions.create({ model: "any", messages: [{ role: "system", content: "Answer in English." }, question] });
    expect(plain.choices[0].message.content).toMatch(/^Studi 9/);
    expect(english.choices[0].message.content).toMatch(/^Study 9/);
  });

  it("max_tokens cuts at a sentence and says so", async () => {
    const question = { role: "user" as const, content: "How many studies were qualitative?" };
    const full = await client.chat.completions.create({ model: "any", messages: [question] });
    const cut = await client.chat.completions.create({ model: "any", messages: [question], max_tokens: 200 });
    const text = cut.choices[0].message.content ?? "";
    expect(cut.choices[0].finish_reason).toBe("length");
    expect(Math.ceil(text.length / 4)).toBeLessThanOrEqual(200);
    expect(text.length).toBeLessThan((full.choices[0].message.content ?? "").length);
    expect(cut.usage?.completion_tokens).toBeLessThanOrEqual(200);
  });

  it("stream: chunks add up to the answer and its references; usage on request", async () => {
    const stream = await client.chat.completions.create({ model: "any", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "What stages does Rumah Faye have?" }] });
    let text = "";
    let finish: string | null = null;
    let usage: { completion_tokens: number } | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(finish).toBe("stop");
    expect(text).toMatch(/References:/);
    expect(usage?.completion_tokens).toBe(Math.ceil(text.length / 4));
  });
});

describe("security headers, tokens, limits", () => {
  it("sends a Content-Security-Policy with no outside origins and no inline scripts", async () => {
    const csp = (await app.request("/")).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:|unsafe-inline/);
  });

  it("serves no file outside web/", async () => {
    for (const p of ["/../package.json", "/%2e%2e/package.json", "/src/config.ts", "/.env", "/files/..%2Fpackage.json", "/files/%2Fetc%2Fpasswd"]) {
      expect((await app.request(p)).status, p).toBe(404);
    }
  });

  it("requires the bearer token when APP_TOKEN is set, for uploads too", async () => {
    const token = "b7f0c2e9a4d1f83c6e5b2a9d7c4f1e08";
    const config = loadConfig({ DATA_DIR: fixture.dataDir, APP_TOKEN: token });
    const guarded = createApp({ context: { ...fixture.context, config }, log: false });
    expect((await post(guarded, "/api/search", { query: "MLMC" })).status).toBe(401);
    expect((await post(guarded, "/api/search", { query: "MLMC" }, { authorization: `Bearer ${token}` })).status).toBe(200);
    const form = new FormData();
    form.append("file", new File(["Some text"], "a.txt", { type: "text/plain" }));
    expect((await guarded.request("/api/documents", { method: "POST", body: form })).status).toBe(401);
  });

  it("uploads are off on a public bind unless ALLOW_UPLOADS=1", () => {
    expect(loadConfig({ HOST: "0.0.0.0" }).server.allowUploads).toBe(false);
    expect(loadConfig({ HOST: "0.0.0.0", ALLOW_UPLOADS: "1" }).server.allowUploads).toBe(true);
    expect(loadConfig({}).server.allowUploads).toBe(true);
    expect(loadConfig({ ALLOW_UPLOADS: "0" }).server.allowUploads).toBe(false);
  });
});

describe("POST /api/documents and GET /files/:docId (own index and corpus)", () => {
  let own: IndexFixture & { corpus: string };
  let corpus: string;
  let upApp: ReturnType<typeof createApp>;
  beforeAll(async () => {
    own = await copySharedIndex({ UPLOAD_MAX_BYTES: "200000" });
    corpus = own.corpus;
    upApp = createApp({ context: own.context, log: false });
  }, 180_000);
  afterAll(async () => {
    await own?.cleanup();
  });

  const upload = (name: string, bytes: Uint8Array | string, type = "application/octet-stream") => {
    const form = new FormData();
    form.append("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type }));
    return upApp.request("/api/documents", { method: "POST", body: form });
  };

  it("refuses bad files before writing anything, with a message naming the problem", async () => {
    const cases: [string, Uint8Array | string, number, RegExp][] = [
      ["notes.docx", "hello", 415, /not a PDF, \.txt or \.md/],
      ["fake.pdf", "hello, not a pdf at all", 415, /not a PDF/],
      ["binary.txt", new Uint8Array([104, 0, 105]), 415, /binary/],
      ["empty.md", "", 415, /empty/],
      [REVIEW, "Some text", 409, /already in the library/],
      ["big.txt", "x".repeat(300_000), 413, /larger than/],
    ];
    for (const [name, bytes, status, message] of cases) {
      const res = await upload(name, bytes);
      expect(res.status, name).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message, name).toMatch(message);
    }
    const json = await post(upApp, "/api/documents", { file: "x" });
    expect(json.status).toBe(415);
  });

  it("adds a PDF: progress streamed, the new document searchable and its PDF served", async () => {
    const res = await upload("shelters.pdf", await paperPdf(), "application/pdf");
    expect(res.status).toBe(200);
    const events = sseEvents(await res.text());
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("accepted");
    expect(names).toContain("progress");
    expect(names.at(-1)).toBe("done");
    const done = events.at(-1)!.data as { document: { id: string; format: string; counts: { passages: number } }; documents: number };
    expect(done.document.id).toBe("shelters.pdf");
    expect(done.document.counts.passages).toBeGreaterThan(0);
    expect(done.documents).toBe(2);
    const search = (await (await post(upApp, "/api/search", { query: "family tracing shelters counselling", docs: ["shelters.pdf"] })).json()) as { results: { docId: string }[] };
    expect(search.results[0].docId).toBe("shelters.pdf");
    const pdf = await upApp.request("/files/shelters.pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    // The text document is not served as a file; a path outside the corpus never is.
    expect((await upApp.request(`/files/${REVIEW}`)).status).toBe(404);
    expect((await upApp.request("/files/..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
  });
});

describe("the terminal and /eval", () => {
  it("logs a request as one readable line in human format", () => {
    const line = humanLine({ method: "GET", path: "/api/chat", status: 405, ms: 1.5 }, new Date(2026, 0, 1, 9, 5, 7));
    expect(line).toBe("09:05:07 GET /api/chat 405 1.5 ms");
    expect(humanLine({ event: "upload", file: "a b.pdf" }, new Date(2026, 0, 1, 9, 5, 7))).toBe('09:05:07 upload file="a b.pdf"');
  });

  it("says at start-up where it is, what it serves, how answers are written and how to enable a model", () => {
    const lines = startupSummary({ url: "http://127.0.0.1:8787/", config: fixture.config, documents: 1, passages: 86, studies: 10, llm: undefined });
    expect(lines[0]).toBe("Review assistant ready: http://127.0.0.1:8787/");
    const text = lines.join("\n");
    expect(text).toMatch(/1 document, 86 passages, 10 study records/);
    expect(text).toMatch(/OPENAI_BASE_URL/);
    const withModel = startupSummary({ url: "x", config: fixture.config, documents: 1, passages: 86, studies: 10, llm: { model: "llama3", baseURL: "http://localhost:11434/v1" } }).join("\n");
    expect(withModel).toMatch(/model llama3 at http:\/\/localhost:11434\/v1/);
  });

  it("/eval names its commit and says when it is not the one served, with a way back", async () => {
    const res = await app.request("/eval");
    if (res.status === 404) return; // no report in this checkout
    const html = await res.text();
    expect(html).toMatch(/Back to the assistant/);
    const report = JSON.parse(await readFile(path.join(PROJECT_ROOT, "eval", "report.json"), "utf8")) as { commit: string };
    const { currentCommit } = await import("../../src/server/eval-report.ts");
    const head = await currentCommit();
    if (head && !head.startsWith(report.commit)) expect(html).toMatch(/id="stale-notice"[\s\S]*npm run eval/);
    else expect(html).not.toMatch(/stale-notice/);
  });
});
