import { STEP_IDS, STEP_TITLES, type StepId } from "@/lib/framework";
import { normalizeText } from "@/lib/text/normalize";
import { classifySentence } from "./acts/classify-sentence";
import { type SentenceSpan, splitIntoClauses, splitIntoSentences } from "./segment";
import type { Act, ActKind } from "./types";

/**
 * The everyday names of each framework step, beside its title.
 * Longer phrases are matched first, so "model development" is one name, not "model" alone.
 */
const STEP_NAMES: Record<StepId, string[]> = {
  "clarify-requirements": [
    "clarify requirements",
    "clarifying requirements",
    "requirements",
    "requirement",
    "clarification",
    "clarifying questions",
    "scope",
    "scoping",
  ],
  "frame-problem": [
    "problem framing",
    "framing the problem",
    "frame the problem",
    "framing",
    "ml task",
    "problem formulation",
    "the problem",
  ],
  "data-preparation": [
    "data preparation",
    "data prep",
    "preparing the data",
    "feature engineering",
    "features",
    "data",
    "labels",
    "labelling",
    "labeling",
  ],
  "model-development": [
    "model development",
    "model architecture",
    "modelling",
    "modeling",
    "model selection",
    "the model",
    "model",
    "training",
    "architecture",
  ],
  evaluation: [
    "offline evaluation",
    "online evaluation",
    "offline eval",
    "online test",
    "online testing",
    "a/b testing",
    "a/b test",
    "ab test",
    "evaluation",
    "evaluating",
    "eval",
    "metrics",
    "metric",
  ],
  "deployment-serving": [
    "deployment and serving",
    "deployment",
    "deploying",
    "serving",
    "inference",
    "production",
    "rollout",
  ],
  monitoring: ["monitoring and infrastructure", "monitoring", "infrastructure", "infra", "observability", "alerting"],
};

const PHRASES: Array<[string, StepId]> = STEP_IDS.flatMap((id) =>
  [STEP_TITLES[id], ...STEP_NAMES[id]].map((phrase) => [normalizeText(phrase), id] as [string, StepId]),
).sort((a, b) => b[0].length - a[0].length);

// Words just before a step name that mark it as where to go, or as what is being left.
const TOWARDS = new Set(["to", "into", "onto", "towards", "with", "about", "do", "cover", "discuss", "start"]);
const AWAY = new Set(["skip", "from", "past", "covered", "finished", "done", "skipping"]);

/**
 * The framework step a sentence names ("let's jump to serving" -> deployment-serving), if any.
 * When several are named ("skip requirements and go to the model"), the one after "to"/"with"
 * is the destination, and one after "skip"/"from" is what is being left.
 */
export function targetStepOf(sentence: string): StepId | undefined {
  const text = ` ${normalizeText(sentence.replace(/'s\b/g, ""))} `;
  const found: Array<{ at: number; end: number; id: StepId; before: string[] }> = [];
  for (const [phrase, id] of PHRASES) {
    for (let at = text.indexOf(` ${phrase} `); at >= 0; at = text.indexOf(` ${phrase} `, at + 1)) {
      const end = at + phrase.length + 1;
      // Longer phrases come first, so a shorter one inside an earlier match is part of it.
      if (found.some((f) => at < f.end && end > f.at)) continue;
      const before = text.slice(0, at).trim().split(" ").slice(-3);
      found.push({ at, end, id, before });
    }
  }
  found.sort((x, y) => x.at - y.at);
  const towards = found.find((f) => f.before.some((w) => TOWARDS.has(w)));
  const notAway = found.find((f) => !f.before.some((w) => AWAY.has(w)));
  return (towards ?? notAway ?? found[0])?.id;
}

// Acknowledgements and politeness that carry no act: "ok", "sure", "thanks for your time", "got it".
const FILLER_WORDS = new Set(
  "ok okay k sure thanks thank thx ty cheers you very much so a lot for your the time great cool nice alright right yes yeah yep yup got it hmm hm um uh ah oh hi hello hey appreciate appreciated that sounds good fine i see understood noted makes sense".split(
    " ",
  ),
);

/**
 * A sentence of acknowledgement or politeness only ("Thanks for your time.", "ok", "Sure!"): every
 * word is filler and there are few of them. Such a sentence is dropped unless it is the whole message.
 */
export function isFiller(sentence: string): boolean {
  const words = normalizeText(sentence).split(" ").filter(Boolean);
  return words.length > 0 && words.length <= 6 && words.every((word) => FILLER_WORDS.has(word));
}

/** What the classifier says a piece of text does; the committed model unless a bench passes another. */
export type ClassifyKind = (text: string) => ActKind;

const byCommittedModel: ClassifyKind = (text) => classifySentence(text).kind;

/**
 * The acts of one sentence. A sentence can carry two acts ("I'd shard by user; also, what's the
 * peak QPS?"), so it is cut at clause boundaries and each clause classified. Unless the clauses
 * mix an answer or an injection with another act, the sentence stays whole; otherwise
 * neighbouring clauses with the same act are joined back, so each act's text is one verbatim
 * stretch of the message.
 */
function sentenceActs(
  message: string,
  sentence: SentenceSpan,
  classify: ClassifyKind,
): Array<{ kind: ActKind; text: string }> {
  const whole = classify(sentence.text);
  const clauses = splitIntoClauses(message, sentence);
  if (clauses.length < 2) return [{ kind: whole, text: sentence.text }];
  const kinds = clauses.map((clause) => classify(clause.text));
  // Split only where content meets something else (an answer with a question or an instruction
  // tacked on) or an injection rides along: two requests in one sentence ("I'm lost; some
  // guidance?") are one request said twice, and the whole sentence reads it best.
  const distinct = new Set(kinds);
  // A request to move on or end is never read from a clause: "in the end, I'd track X; next, Y"
  // is an answer, and leaving a step or the interview on a fragment would lose the candidate's work.
  const commands = new Set<ActKind>(["end", "move_on"]);
  const mixed =
    distinct.size > 1 &&
    (distinct.has("injection") ||
      (distinct.has("answer") && [...distinct].some((k) => k !== "answer" && !commands.has(k))));
  if (!mixed) return [{ kind: whole, text: sentence.text }];
  const runs: Array<{ kind: ActKind; start: number; end: number }> = [];
  clauses.forEach((clause, i) => {
    const kind = kinds[i] as ActKind;
    const last = runs.at(-1);
    if (last && last.kind === kind) last.end = clause.end;
    else runs.push({ kind, start: clause.start, end: clause.end });
  });
  return runs.map((run) => ({ kind: run.kind, text: message.slice(run.start, run.end) }));
}

/**
 * The acts of a candidate message, each with its sentence (or clause) copied verbatim: usually one
 * per sentence, two when one sentence carries two acts. Filler sentences ("ok", "thanks") are left
 * out unless they are all there is. Consecutive answers are not merged here; that is the caller's choice.
 */
export function detectActs(message: string, classify: ClassifyKind = byCommittedModel): Act[] {
  const sentences = splitIntoSentences(message);
  const kept = sentences.filter((sentence) => !isFiller(sentence.text));
  return (kept.length > 0 ? kept : sentences).flatMap((sentence) =>
    sentenceActs(message, sentence, classify).map(({ kind, text }) => {
      const targetStep = kind === "move_on" ? targetStepOf(text) : undefined;
      return targetStep ? { kind, sentence: text, targetStep } : { kind, sentence: text };
    }),
  );
}
