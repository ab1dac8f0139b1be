import { classifySentence } from "@/lib/understanding/acts/classify-sentence";
import { detectActs } from "@/lib/understanding/detect-acts";

/**
 * The shape of text forged to look like the grader's own input, whatever its words: a role
 * label opening a line ("system:", "grader:") or a score report's JSON keys.
 */
const FORGED_STRUCTURE = [
  /^\s*\[?(?:system|assistant|developer|grader|evaluator|scorer)\]?\s*:/i,
  /[{[]\s*"?(?:overall|score|scores|steps|levelSignal|covered|grade|marks|points|rubric)"?\s*:/i,
  /<\/?(?:system|instructions?|grader|rubric)>/i,
];

/**
 * Text aimed at the grader rather than the interviewer: it is data, never evidence. Read by the
 * trained act classifier of lib/understanding (an "injection" act: an instruction about the
 * grading, the rubric, the score or the model, in any wording), plus the forged structures above.
 */
export function addressesGrader(sentence: string): boolean {
  const cached = verdicts.get(sentence);
  if (cached !== undefined) return cached;
  const verdict =
    FORGED_STRUCTURE.some((pattern) => pattern.test(sentence)) ||
    classifySentence(sentence).kind === "injection" ||
    // An instruction riding on an answer after a semicolon, colon or dash is read clause by clause.
    (CLAUSE_BREAK.test(sentence) && detectActs(sentence).some((act) => act.kind === "injection"));
  if (verdicts.size >= MAX_CACHED) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(sentence, verdict);
  return verdict;
}

const CLAUSE_BREAK = /[;:\u2013\u2014]|\s-\s/;
/** Scoring the same interview again (the live sidebar, the report) reads each sentence once. */
const verdicts = new Map<string, boolean>();
const MAX_CACHED = 5000;
