/** The fixed test questions (eval/questions.jsonl): schema and loading. */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { SECTION_IDS } from "../ingest/types.ts";

export const QUESTION_KINDS = ["fact", "numeric", "list", "compare", "metadata", "method", "crosslingual", "followup", "outofscope"] as const;

export const FixedQuestionSchema = z
  .object({
    id: z.string().regex(/^q\d{3}$/),
    lang: z.enum(["id", "en"]),
    kind: z.enum(QUESTION_KINDS),
    messages: z
      .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string().min(1) }))
      .min(1)
      .refine((m) => m[m.length - 1].role === "user", "the last message must be the user's"),
    gold: z.object({ studies: z.array(z.number().int().min(1).max(10)), sections: z.array(z.enum(SECTION_IDS)) }),
    mustInclude: z.array(z.string().min(1)),
    evidence: z.string().min(1).nullable(),
  })
  .refine((q) => (q.kind === "outofscope") === (q.evidence === null), "evidence is null exactly for out-of-scope questions")
  .refine((q) => q.kind !== "followup" || q.messages.length >= 3, "a follow-up has at least two user turns");

export type FixedQuestion = z.infer<typeof FixedQuestionSchema>;

export function loadQuestions(file: string): FixedQuestion[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim())
    .map(({ line, i }) => {
      const parsed = FixedQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
}

export const isOutOfScope = (q: FixedQuestion) => q.kind === "outofscope";
