/** Request bodies of the HTTP API, validated with zod; the types are inferred from the schemas. */
import { z } from "zod";
import { SECTION_NAMES } from "../domain/sections.ts";

/** The most characters of one message: a string, or all its text parts together. */
export const MAX_MESSAGE_CHARS = 8000;

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
// Study numbers are per document (a table's row numbers, or a reference list's entries).
const studyNumbers = z.array(z.number().int().min(1).max(9999)).max(100);
const sections = z.array(z.enum(SECTION_NAMES as [string, ...string[]])).max(SECTION_NAMES.length);
const docs = z.array(z.string().min(1).max(500)).max(100);

export const SearchRequest = z.object({
  query: text(2000),
  k: z.number().int().min(1).max(50).optional(),
  studies: studyNumbers.optional(),
  sections: sections.optional(),
  docs: docs.optional(),
});

export const ChatMessageSchema = z.object({
  role: z.enum(["user", "assistant", "system"]),
  content: z.string().max(MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`),
});

export const ChatRequest = z.object({
  messages: z
    .array(ChatMessageSchema)
    .min(1, "must hold at least one message")
    .max(100, "must hold at most 100 messages")
    .refine((m) => m.some((x) => x.role === "user" && x.content.trim().length > 0), "must include a non-empty user message"),
  stream: z.boolean().optional(),
  studies: studyNumbers.optional(),
  sections: sections.optional(),
  docs: docs.optional(),
  k: z.number().int().min(1).max(20).optional(),
  lang: z.enum(["id", "en"]).optional(),
  mode: z.enum(["extractive", "llm"]).optional(),
  maxSentences: z.number().int().min(1).max(12).optional(),
});

/** The text of an OpenAI message content: the string, or its text parts joined with spaces. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((p) => (p && typeof p === "object" && "text" in p ? String((p as { text?: string }).text ?? "") : "")).join(" ");
}

/** OpenAI's chat request: content may be a string or text parts; other fields are accepted and ignored. */
export const OpenAIChatRequest = z
  .object({
    model: z.string().max(200).optional(),
    messages: z
      .array(
        z.object({
          role: z.enum(["system", "user", "assistant", "developer", "tool"]),
          content: z.union([
            z.string().max(MAX_MESSAGE_CHARS),
            z
              .array(z.object({ type: z.string(), text: z.string().max(MAX_MESSAGE_CHARS).optional() }).passthrough())
              .max(50)
              // Parts are joined into one message: they share the one limit.
              .refine((parts) => contentText(parts).length <= MAX_MESSAGE_CHARS, `its text parts must be at most ${MAX_MESSAGE_CHARS} characters together`),
            z.null(),
          ]),
        }).passthrough(),
      )
      .min(1)
      .max(100),
    stream: z.boolean().optional(),
    max_tokens: z.number().int().min(1).max(1_000_000).nullish(),
    max_completion_tokens: z.number().int().min(1).max(1_000_000).nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).passthrough().nullish(),
  })
  .passthrough();

export type ChatRequestBody = z.infer<typeof ChatRequest>;
