import nlp from "compromise";
import type { LedgerEntry } from "@/lib/types";
import { listInProse, lowerFirst } from "./phrasing";

/** An acknowledgement and the id of the template it used, so the interview never says it twice. */
export interface Acknowledgement {
  text: string;
  template: string;
}

const NUMBER_TEMPLATES: Array<[string, (q: string) => string]> = [
  ["num:you-said", (q) => `You said ${q}.`],
  ["num:working-with", (q) => `I'll work with ${q}.`],
  ["num:taking", (q) => `Taking ${q} as given.`],
  ["num:so", (q) => `So ${q}.`],
];

// Rubric titles are usually third-person verb phrases ("Splits retrieval from ranking"); some are noun phrases.
const VERB_TEMPLATES: Array<[string, (t: string) => string]> = [
  ["verb:that", (t) => `That ${t}.`],
  ["verb:your-answer", (t) => `Your answer ${t}.`],
  ["verb:noted", (t) => `Noted: that ${t}.`],
];
const NOUN_TEMPLATES: Array<[string, (t: string) => string]> = [
  ["noun:covers", (t) => `That covers ${t}.`],
  ["noun:you-covered", (t) => `You covered ${t}.`],
  ["noun:on", (t) => `Good point on ${t}.`],
];

/** True when a title reads as a verb phrase, so "That {title}" is a sentence and not a fragment. */
export function startsWithVerb(title: string): boolean {
  // Read as the predicate of a sentence, so a capitalised first word is not taken for a name.
  // Third-person present ("Splits", "Chooses") is how rubric titles start when they are verb phrases.
  const firstWord = title.trim().split(/\s+/)[0] ?? "";
  if (!/[a-z]s$/.test(firstWord) || /ss$/.test(firstWord) || firstWord.includes("-")) return false;
  const second = nlp(`It ${lowerFirst(title)}.`)
    .terms()
    .eq(1);
  return second.has("#PresentTense") && !second.has("#Gerund");
}

/** A quantity as the candidate said it, with what it counts when the words don't already say so. */
function describe(entry: LedgerEntry): string {
  // A unit already says what a rate or a size measures ("1,400 QPS", "64 GB"); only a count needs its noun.
  if (entry.kind !== "count" || !entry.what || entry.text.toLowerCase().includes(entry.what.toLowerCase()))
    return entry.text;
  return `${entry.text} ${entry.what}`;
}

function firstUnused<T>(templates: Array<[string, T]>, used: Set<string>): [string, T] | undefined {
  return templates.find(([id]) => !used.has(id));
}

/**
 * A short acknowledgement of what the answer really said: the candidate's own numbers first
 * (never the interviewer's, which `numbers` must already exclude), else the rubric points it
 * earned. Null when there is nothing specific to say, or every fitting template was used.
 */
export function acknowledge({
  numbers,
  earnedTitles,
  used,
}: {
  numbers: LedgerEntry[];
  earnedTitles: string[];
  used: string[];
}): Acknowledgement | null {
  const seen = new Set(used);
  if (numbers.length > 0) {
    const choice = firstUnused(NUMBER_TEMPLATES, seen);
    if (choice) return { template: choice[0], text: choice[1](listInProse(numbers.slice(0, 2).map(describe))) };
  }
  const title = earnedTitles[0];
  if (!title) return null;
  const verb = startsWithVerb(title);
  const choice = firstUnused(verb ? VERB_TEMPLATES : NOUN_TEMPLATES, seen);
  if (!choice) return null;
  const phrase = lowerFirst(title);
  return { template: choice[0], text: choice[1](phrase) };
}
