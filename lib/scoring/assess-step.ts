import type { RubricItem } from "@/lib/scenarios/schema";
import { addressesGrader, hasNumber, hasReasoning, isKeywordList, isNegatedAt, normalizedWords } from "./claims";
import type { JudgeProposal } from "./llm-judge";
import { findPhrase, stemTokens } from "./match-phrase";
import type { Sentence } from "./sentences";

/** Credit for naming an item's concept in a real sentence without a number or a reason. */
export const MENTION_CREDIT = 0.4;
/** Shorter sentences ("Use two-tower.") cannot carry even a mention. */
const MIN_MENTION_WORDS = 6;

export interface ItemDecision {
  item: RubricItem;
  earned: boolean;
  /** 1 for a claim (a number or a reason), MENTION_CREDIT for a plain mention, 0 otherwise. */
  credit: number;
  /** The verbatim sentence that earned the item (or, for a lost item, the one that showed the mistake). */
  quote: Sentence | null;
  /** The mistake that lost the item, if one did. */
  mistake: string | null;
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
  return {
    usable,
    ignored: sentences.length - usable.length,
    lists: usable.filter((s) => isKeywordList(s.text)).length,
  };
}

interface Prepared {
  sentence: Sentence;
  tokens: string[];
  words: string;
  claim: boolean;
  list: boolean;
}

function prepare(sentences: Sentence[]): Prepared[] {
  return sentences.map((sentence) => ({
    sentence,
    tokens: stemTokens(sentence.text),
    words: normalizedWords(sentence.text).join(" "),
    claim: hasNumber(sentence.text) || hasReasoning(sentence.text),
    list: isKeywordList(sentence.text),
  }));
}

function findMistake(item: RubricItem, prepared: Prepared[]): { mistake: string; sentence: Sentence } | null {
  for (const mistake of item.mistakes) {
    for (const trigger of mistake.triggers) {
      const phrase = stemTokens(trigger);
      for (const p of prepared) {
        const at = findPhrase(p.tokens, phrase);
        if (at >= 0 && !isNegatedAt(p.words, at)) return { mistake: mistake.text, sentence: p.sentence };
      }
    }
  }
  return null;
}

/**
 * Decides each rubric item of one step from the candidate's sentences in that step. Full credit
 * needs a sentence that uses the item's evidence AND makes a claim (a number or a reason); a
 * plain mention in a real sentence earns MENTION_CREDIT; a bare keyword list earns nothing; and
 * committing one of the item's listed mistakes loses it.
 */
export function assessStep(
  items: RubricItem[],
  sentences: Sentence[],
  proposals: JudgeProposal[] = [],
): ItemDecision[] {
  const prepared = prepare(sentences);
  return items.map((item) => {
    const phrases = item.evidence.map(stemTokens);
    let best: { p: Prepared; credit: number; matches: number } | null = null;
    for (const p of prepared) {
      if (p.list || p.tokens.length < MIN_MENTION_WORDS) continue;
      const matches = phrases.filter((phrase) => findPhrase(p.tokens, phrase) >= 0).length;
      if (matches === 0) continue;
      const credit = p.claim ? 1 : MENTION_CREDIT;
      if (!best || credit > best.credit || (credit === best.credit && matches > best.matches))
        best = { p, credit, matches };
    }
    // A judge's proposal counts only when its quote is verbatim in a usable sentence of this step.
    for (const proposal of proposals) {
      if (proposal.rubricId !== item.id || proposal.quote.trim().length < 12) continue;
      const p = prepared.find((candidate) => candidate.sentence.text.includes(proposal.quote.trim()));
      if (!p || p.list) continue;
      const credit = p.claim ? 1 : MENTION_CREDIT;
      if (!best || credit > best.credit) best = { p, credit, matches: 0 };
    }
    const mistake = findMistake(item, prepared);
    if (mistake) return { item, earned: false, credit: 0, quote: mistake.sentence, mistake: mistake.mistake };
    return { item, earned: best !== null, credit: best?.credit ?? 0, quote: best?.p.sentence ?? null, mistake: null };
  });
}
