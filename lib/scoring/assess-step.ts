import { getScenarioLibrary } from "@/lib/scenarios/library";
import type { RubricItem } from "@/lib/scenarios/schema";
import { findMistakeSentence, findRetraction, type NumberError } from "./corrections";
import {
  type InterviewerSaid,
  type PairFeatures,
  pairFeatures,
  type ReadSentence,
  readSentence,
} from "./evidence/features";
import { evidenceModel, probability } from "./evidence/model";
import { type ItemVocabulary, vocabularyOf } from "./evidence/vocabulary";
import { addressesGrader } from "./grader-address";
import type { JudgeProposal } from "./llm-judge";
import type { Sentence } from "./sentences";

/** Credit for making an item's point without a number or a reason, or with a near-miss term. */
export const MENTION_CREDIT = 0.5;

export interface ItemDecision {
  item: RubricItem;
  earned: boolean;
  /** 1 for a claim (a number or a reason), MENTION_CREDIT for a plain mention or a near miss, 0 otherwise. */
  credit: number;
  /** The verbatim sentence that earned the item (or, for a lost item, the one that showed the mistake). */
  quote: Sentence | null;
  /** The mistake that lost the item, if one did. */
  mistake: string | null;
  /** Why the credit is partial, when a near-miss term earned it ("says multi class; the rubric asks for …"). */
  note: string | null;
  /** A mistake the candidate later corrected, so it cost nothing. */
  recovered: { mistake: string; afterPushback: boolean } | null;
  /** Earned by a label of the candidate's diagram rather than by something said (lib/scoring/diagram-credit.ts). */
  fromDiagram?: boolean;
}

export interface AssessedSentences {
  usable: Sentence[];
  /** Sentences addressed to the grader: never evidence, never quoted. */
  ignored: number;
  /** Keyword-list sentences: named concepts without a claim. */
  lists: number;
}

/** Drops text addressed to the grader; keyword lists stay visible to mistakes but earn nothing. */
export function screenSentences(sentences: Sentence[]): AssessedSentences {
  const usable = sentences.filter((s) => !addressesGrader(s.text));
  const lists = usable.filter((s) => readSentence(s).list).length;
  return { usable, ignored: sentences.length - usable.length, lists };
}

export interface AssessOptions {
  proposals?: JudgeProposal[];
  vocabulary?: ItemVocabulary;
  /** What the interviewer said: a sentence that only restates it states nothing new. */
  interviewer?: InterviewerSaid;
  /** Turn indices of the interviewer's turns: a correction after one of them follows a pushback. */
  interviewerTurns?: number[];
  /** Arithmetic the checks found wrong in this step's sentences. */
  numberErrors?: NumberError[];
}

interface Scored {
  read: ReadSentence;
  p: number;
  features: PairFeatures;
}

const isAfter = (a: Sentence, b: Sentence) => a.turn > b.turn || (a.turn === b.turn && a.start > b.start);

/**
 * Decides each rubric item of one step from the candidate's sentences in that step. An item is
 * earned by the sentence the evidence model finds most likely to make its point (in the rubric's
 * words or other ones); full credit needs a claim (a number or a reason). A listed mistake or
 * wrong arithmetic loses the item, unless a later sentence earns it (a recovery).
 */
export function assessStep(items: RubricItem[], sentences: Sentence[], options: AssessOptions = {}): ItemDecision[] {
  const vocabulary = options.vocabulary ?? vocabularyOf(getScenarioLibrary());
  const profiles = items.map((item) => vocabulary.profile(item));
  const read = sentences.map((s) => readSentence(s, options.interviewer));
  // A bare list names terms without saying anything; a sentence that restates the interviewer's
  // figures in the interviewer's words says nothing new. Neither earns an item.
  const usable = read.filter((r) => !r.list && !r.repeatsInterviewer);
  const scored = profiles.map((profile) =>
    usable.map((r): Scored => {
      const features = pairFeatures(r, profile, profiles, vocabulary);
      return { read: r, features, p: probability(evidenceModel(), features.values) };
    }),
  );
  // Each wrong figure belongs to the item its sentence is most about.
  const errorsByItem = new Map<number, NumberError[]>();
  for (const error of options.numberErrors ?? []) {
    let bestIndex = -1;
    let bestP = -1;
    scored.forEach((list, index) => {
      const hit = list.find(
        (s) => s.read.sentence.turn === error.sentence.turn && s.read.sentence.start === error.sentence.start,
      );
      if (hit && hit.p > bestP) {
        bestP = hit.p;
        bestIndex = index;
      }
    });
    if (bestIndex >= 0) errorsByItem.set(bestIndex, [...(errorsByItem.get(bestIndex) ?? []), error]);
  }

  return items.map((item, index) => {
    const candidates = scored[index] ?? [];
    // A near miss of one of the item's phrases ("multi-class" for "multi-label") earns part
    // credit with a note where the sentence is about the item, short of what the model alone credits.
    const { earnAt } = evidenceModel();
    const earning = candidates.filter((s) => s.p >= earnAt || (s.features.nearMiss !== null && s.p >= earnAt / 2));
    const pick = (pool: Scored[]) =>
      pool.reduce<Scored | null>(
        (best, s) =>
          !best || creditOf(s) > creditOf(best) || (creditOf(s) === creditOf(best) && s.p > best.p) ? s : best,
        null,
      );
    let best = pick(earning);
    for (const proposal of options.proposals ?? []) {
      if (proposal.rubricId !== item.id || proposal.quote.trim().length < 12) continue;
      const s = candidates.find((c) => c.read.sentence.text.includes(proposal.quote.trim()));
      if (s && (!best || creditOf(s) > creditOf(best))) best = s;
    }
    const decided = (s: Scored | null, recovered: ItemDecision["recovered"] = null): ItemDecision => ({
      item,
      earned: s !== null,
      credit: s ? creditOf(s) : 0,
      quote: s?.read.sentence ?? null,
      mistake: null,
      note: s ? noteOf(s) : null,
      recovered,
    });

    const mistake = findMistakeSentence(item, read);
    const wrong = errorsByItem.get(index)?.[0];
    const fault = [
      mistake ? { sentence: mistake.sentence, text: mistake.text } : null,
      wrong ? { sentence: wrong.sentence, text: `The arithmetic does not hold: ${wrong.headline}` } : null,
    ]
      .filter((f): f is { sentence: Sentence; text: string } => f !== null)
      .sort((a, b) => (isAfter(a.sentence, b.sentence) ? -1 : 1))[0];
    if (!fault) return decided(best);
    const pushedBack = (later: Sentence) =>
      (options.interviewerTurns ?? []).some((t) => t > fault.sentence.turn && t < later.turn);
    // Saying the same sentence again is not a correction.
    const saidBefore = read.filter((r) => !isAfter(r.sentence, fault.sentence)).map((r) => r.words);
    const repeats = (words: string) => saidBefore.some((w) => w.includes(words) || words.includes(w));
    const correction = pick(earning.filter((s) => isAfter(s.read.sentence, fault.sentence) && !repeats(s.read.words)));
    if (correction) {
      return decided(correction, { mistake: fault.text, afterPushback: pushedBack(correction.read.sentence) });
    }
    const retraction =
      mistake && fault.sentence === mistake.sentence ? findRetraction(item, read, fault.sentence) : null;
    if (retraction) {
      return { ...decided(null), recovered: { mistake: fault.text, afterPushback: pushedBack(retraction) } };
    }
    return { item, earned: false, credit: 0, quote: fault.sentence, mistake: fault.text, note: null, recovered: null };
  });
}

function creditOf(s: Scored): number {
  if (s.features.nearMiss && !s.features.phraseMatch) return MENTION_CREDIT;
  return s.read.claim ? 1 : MENTION_CREDIT;
}

function noteOf(s: Scored): string | null {
  const miss = s.features.nearMiss;
  if (!miss || s.features.phraseMatch) return null;
  return `Close: the answer says “${miss.said}” where the rubric asks for “${miss.expected}”.`;
}
