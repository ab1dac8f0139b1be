import type { StepId } from "@/lib/framework";
import { ledgerEntriesFrom } from "@/lib/interview/ledger";
import { matchFacts, questionParts } from "@/lib/interview/match-fact";
import type { Fact } from "@/lib/scenarios/schema";
import type { LedgerEntry } from "@/lib/types";
import { parseQuantities } from "@/lib/understanding/quantities/parse-quantities";
import type { InterviewerDependencies } from "../../dependencies";

/** The most facts one reply reveals, so an answer stays readable. */
const MAX_FACTS_PER_REPLY = 3;

export interface FactAnswers {
  /** What the reply says to the questions, in the order asked. */
  text: string;
  revealed: string[];
  /** The figures those facts gave, attributed to the interviewer. */
  ledger: LedgerEntry[];
  /** Questions no fact answers. */
  unanswered: string[];
}

/**
 * Answers each question of a message with the scenario facts it asks for, found by words and
 * by meaning. A fact said before is recalled as such; a question no fact answers is left to the
 * candidate's own assumption.
 */
export async function answerFacts({
  deps,
  facts,
  questions,
  revealed,
  turn,
  step,
}: {
  deps: InterviewerDependencies;
  facts: Fact[];
  questions: string[];
  revealed: string[];
  turn: number;
  step: StepId;
}): Promise<FactAnswers> {
  const chosen: Fact[] = [];
  const unanswered: string[] = [];
  for (const question of questions) {
    // Each part of a question that asks several things finds its own fact.
    // "How many events and users are there?" asks for two facts: each side of an "and" is tried too.
    const parts = questionParts(question).flatMap((part) => {
      const sides = part.split(/\s+and\s+/i).filter((side) => side.trim().length > 0);
      return sides.length > 1 ? [part, ...sides] : [part];
    });
    const found: Fact[] = [];
    for (const part of parts.length > 1 ? parts : [question]) {
      const similarity = deps.factSimilarity
        ? await deps.factSimilarity(part, facts).catch(() => undefined)
        : undefined;
      for (const fact of matchFacts(facts, part, { limit: parts.length > 1 ? 1 : 2, similarity }))
        if (!found.includes(fact)) found.push(fact);
    }
    if (found.length === 0) unanswered.push(question);
    for (const fact of found) if (!chosen.includes(fact) && chosen.length < MAX_FACTS_PER_REPLY) chosen.push(fact);
  }
  const parts = chosen.map((f) => `${revealed.includes(f.id) ? "As I mentioned: " : ""}${f.answer.trim()}`);
  const ledger = chosen
    .filter((f) => !revealed.includes(f.id))
    .flatMap((f) => {
      const text = f.answer.trim();
      return ledgerEntriesFrom({ text, quantities: parseQuantities(text), source: "interviewer", turn, step });
    });
  return { text: parts.join(" "), revealed: chosen.map((f) => f.id), ledger, unanswered };
}
