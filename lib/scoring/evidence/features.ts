import { hasNumber, hasReasoning, isKeywordList, isNegatedAt, normalizedWords } from "../claims";
import { figureKeys } from "../corrections";
import { findPhrase, stemTokens } from "../match-phrase";
import type { Sentence } from "../sentences";
import { findNearMiss, type NearMiss } from "./near-miss";
import { contentStems, cosine, embed, type ItemProfile, type ItemVocabulary } from "./vocabulary";

/** A candidate sentence, read once for every item it is compared with. */
export interface ReadSentence {
  sentence: Sentence;
  tokens: string[];
  words: string;
  stems: string[];
  vector: Float32Array;
  claim: boolean;
  list: boolean;
  /**
   * It restates the interviewer: every figure in it and most of its words were the interviewer's
   * first ("Right, so 500 million daily users"). It states nothing new.
   */
  repeatsInterviewer: boolean;
}

/** What the interviewer said in a transcript: its figures (kind and value) and its content stems. */
export interface InterviewerSaid {
  figures: Set<string>;
  stems: Set<string>;
}

/** Share of a restating sentence's words the interviewer must have used first. */
const RESTATED_WORDS = 0.6;

export function readSentence(sentence: Sentence, interviewer?: InterviewerSaid): ReadSentence {
  const figures = interviewer && /\d/.test(sentence.text) ? figureKeys(sentence.text) : [];
  const stems = [...new Set(contentStems(sentence.text))];
  const repeated = figures.length > 0 && figures.every((f) => interviewer?.figures.has(f));
  return {
    sentence,
    tokens: stemTokens(sentence.text),
    words: normalizedWords(sentence.text).join(" "),
    stems,
    vector: embed(sentence.text),
    claim: hasNumber(sentence.text) || hasReasoning(sentence.text),
    list: isKeywordList(sentence.text),
    repeatsInterviewer:
      repeated && stems.filter((s) => interviewer?.stems.has(s)).length >= RESTATED_WORDS * stems.length,
  };
}

/** The names of the features, in the order of the model's weights. */
export const FEATURE_NAMES = [
  "phrase",
  "phraseCount",
  "partialPhrase",
  "nearMiss",
  "aboutItem",
  "aboutMargin",
  "coreShare",
  "sharedMass",
  "similarity",
  "similarityMargin",
  "claim",
  "short",
  "negated",
] as const;

export interface PairFeatures {
  values: number[];
  nearMiss: NearMiss | null;
  /** A whole evidence phrase occurs, not negated. */
  phraseMatch: boolean;
}

interface Overlap {
  about: number;
  core: number;
  shared: number;
}

function overlap(read: ReadSentence, profile: ItemProfile, vocabulary: ItemVocabulary): Overlap {
  let total = 0;
  let shared = 0;
  let core = 0;
  for (const s of read.stems) {
    const w = vocabulary.idf(s);
    total += w;
    if (profile.stems.has(s)) shared += w;
    if (profile.core.has(s)) core += w;
  }
  return {
    about: total > 0 ? shared / total : 0,
    core: profile.coreMass > 0 ? core / profile.coreMass : 0,
    shared,
  };
}

/**
 * The features of one (sentence, item) pair, given the other items of the step, so that a
 * sentence is credited to the item it is most about. Every feature is 0..1 and item-agnostic:
 * the model learned on some scenarios applies to all.
 */
export function pairFeatures(
  read: ReadSentence,
  profile: ItemProfile,
  others: ItemProfile[],
  vocabulary: ItemVocabulary,
): PairFeatures {
  let matched = 0;
  let negated = false;
  let partial = 0;
  for (const phrase of profile.phrases) {
    const at = findPhrase(read.tokens, phrase);
    if (at >= 0) {
      if (isNegatedAt(read.words, at)) negated = true;
      else matched++;
    } else if (phrase.length > 1) {
      const present = phrase.filter((t) => read.tokens.includes(t)).length;
      partial = Math.max(partial, present / phrase.length);
    }
  }
  const miss = matched === 0 ? findNearMiss(read.tokens, profile.phrases, profile.item.evidence) : null;
  // Stems line up with the normalised words one to one: quote the candidate's words, not stems.
  const nearMiss = miss && {
    ...miss,
    said: read.words
      .split(" ")
      .slice(miss.at, miss.at + miss.length)
      .join(" "),
  };
  const own = overlap(read, profile, vocabulary);
  const similarity = cosine(read.vector, profile.vector);
  let bestOtherAbout = 0;
  let bestOtherSimilarity = 0;
  for (const other of others) {
    if (other === profile) continue;
    bestOtherAbout = Math.max(bestOtherAbout, overlap(read, other, vocabulary).about);
    bestOtherSimilarity = Math.max(bestOtherSimilarity, cosine(read.vector, other.vector));
  }
  const values = [
    matched > 0 ? 1 : 0,
    Math.min(3, matched) / 3,
    matched > 0 ? 0 : partial,
    nearMiss ? 1 : 0,
    own.about,
    Math.max(-1, Math.min(1, own.about - bestOtherAbout)),
    Math.min(1, own.core),
    Math.min(1, own.shared / 15),
    Math.max(0, similarity),
    Math.max(-1, Math.min(1, similarity - bestOtherSimilarity)),
    read.claim ? 1 : 0,
    read.tokens.length < 6 ? 1 : 0,
    negated && matched === 0 ? 1 : 0,
  ];
  return { values, nearMiss, phraseMatch: matched > 0 };
}
