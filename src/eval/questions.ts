/**
 * Evaluation questions (eval/dev.jsonl, eval/test.jsonl, eval/extra.jsonl): one schema for every split.
 *
 * A question is either a scripted conversation (`messages`, assistant turns written by hand) or a list of
 * user `turns` that the runner plays against the product, feeding back the product's own answers, so a
 * follow-up is judged against what the assistant really said. Gold fields describe the final turn.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { DataFileError } from "../domain/errors.ts";
import { toSectionId, type SectionId } from "../domain/sections.ts";

export const QUESTION_KINDS = [
  "fact", "numeric", "metadata", "method", "review-method", "synthesis", "list", "count", "compare", "negative",
  "crosslingual", "multiturn", "unanswerable", "offtopic",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const Section = z.string().transform((name, ctx) => {
  const id = toSectionId(name);
  if (!id) ctx.addIssue({ code: "custom", message: `unknown section "${name}"` });
  return id as SectionId;
});

const Message = z.object({ role: z.enum(["user", "assistant"]), content: z.string().min(1) });

export const EvalQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z]\d{3}$/),
    lang: z.enum(["id", "en"]),
    kind: z.enum(QUESTION_KINDS),
    turns: z.array(z.string().min(1)).min(1).optional(),
    messages: z.array(Message).min(1).optional(),
    answerable: z.boolean(),
    gold: z.object({
      studies: z.array(z.number().int().min(1)).default([]),
      sections: z.array(Section).default([]),
      docs: z.array(z.string().min(1)).default([]),
      pages: z.array(z.number().int().min(1)).default([]),
    }),
    mustInclude: z.array(z.string().min(1)),
    /** Every item a list-like answer must name ("a|b" = either). */
    items: z.array(z.string().min(1)).optional(),
    /** gold.studies is exactly the set of studies the answer must name (list, count, negative). */
    exact: z.boolean().optional(),
    count: z.number().int().min(0).optional(),
    evidence: z.string().min(1).nullable(),
    note: z.string().optional(),
  })
  .refine((q) => Boolean(q.turns) !== Boolean(q.messages), "give either turns or messages")
  .refine((q) => !q.messages || q.messages[q.messages.length - 1].role === "user", "the last message must be the user's")
  .refine((q) => q.answerable === (q.evidence !== null), "evidence is null exactly for unanswerable questions");

export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** The user's messages in order (scripted or to be played). */
export function userTurns(q: EvalQuestion): string[] {
  return q.turns ?? q.messages!.filter((m) => m.role === "user").map((m) => m.content);
}

export const lastUserTurn = (q: EvalQuestion): string => userTurns(q).at(-1)!;

export function loadQuestions(file: string): EvalQuestion[] {
  const seen = new Set<string>();
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, n }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        throw new DataFileError(file, n, `not JSON (${(error as Error).message})`);
      }
      const parsed = EvalQuestionSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DataFileError(file, n, `${issue.path.join(".") || "question"}: ${issue.message}`);
      }
      if (seen.has(parsed.data.id)) throw new DataFileError(file, n, `duplicate id ${parsed.data.id}`);
      seen.add(parsed.data.id);
      return parsed.data;
    });
}
