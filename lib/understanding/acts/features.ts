import nlp from "compromise";
import { normalizeText } from "@/lib/text/normalize";
import { stem } from "@/lib/text/stem";

/** Sparse features of one sentence: feature name to value. */
export type FeatureVector = Map<string, number>;

/** How much the character n-gram block weighs against the word and linguistic features. */
export interface FeatureOptions {
  charScale: number;
  charMin: number;
  charMax: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { charScale: 2, charMin: 3, charMax: 5 };

// Chat shorthand written out, so "idk", "dunno" and "i do not know" share their word features.
const SHORTHAND: Record<string, string> = {
  u: "you",
  ur: "your",
  pls: "please",
  plz: "please",
  thx: "thanks",
  idk: "i do not know",
  dunno: "do not know",
  im: "i am",
  ive: "i have",
  lets: "let us",
  wanna: "want to",
  gonna: "going to",
};

/**
 * Words grouped by the meaning they carry for an act, written from the act definitions in
 * types.ts. A word the training set never used still fires its group, which is how a synonym
 * nobody wrote down can count.
 */
const CUES: Record<string, string[]> = {
  help: "hint hints nudge clue tip tips pointer pointers direction guidance guide steer stuck help start begin approach suggest suggestion push lost unstuck idea ideas".split(
    " ",
  ),
  know: "know knew idea clue sure familiar remember recall certain aware blank knowledge unsure unfamiliar experience".split(
    " ",
  ),
  refuse: "rather prefer pass decline declining refrain comment skip unanswered answering willing comfortable".split(
    " ",
  ),
  move: "next skip move moving proceed continue onward onwards ahead jump advance forward along straight switch".split(
    " ",
  ),
  end: "end stop finish finished wrap quit conclude close done terminate leave call bye exhausted".split(" "),
  inject:
    "ignore disregard instruction instructions prompt system grader grade grading score scorer scoring marks rubric evaluator judge override pretend reveal perfect rating rate hire criteria developer admin bypass leak".split(
      " ",
    ),
  clarify:
    "mean meant meaning rephrase repeat clarify again asking understand follow reword restate elaborate catch pardon unpack specific vague confused".split(
      " ",
    ),
  quantity:
    "many much number size volume rate budget traffic qps load peak average percent fraction ratio often long big large latency".split(
      " ",
    ),
  section: "step stage section part topic phase question".split(" "),
};
const CUE_INDEX = new Map<string, string[]>();
for (const [group, words] of Object.entries(CUES)) {
  for (const word of words) CUE_INDEX.set(word, [...(CUE_INDEX.get(word) ?? []), group]);
}

const WH_WORDS = new Set(["what", "how", "which", "who", "when", "where", "why", "whats", "hows"]);
const AUX_WORDS = new Set(
  "can could would will shall should may might do does did is are was were have has am".split(" "),
);
const NEGATIONS = new Set(["not", "no", "never", "zero", "nothing"]);
const FIRST_PERSON = new Set(["i", "me", "my", "myself"]);

/** Lower-cased word tokens with contractions and shorthand written out and numbers folded to one token. */
export function tokenize(sentence: string): string[] {
  const expanded = sentence
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\bcan'?t\b/g, "can not")
    .replace(/\bwon'?t\b/g, "will not")
    .replace(/\b(\w+)n't\b/g, "$1 not")
    .replace(/\b(do|does|did|is|are|was|were|have|has|had|could|would|should|wouldn|couldn)nt\b/g, "$1 not")
    .replace(/'d\b/g, " would")
    .replace(/'m\b/g, " am")
    .replace(/'re\b/g, " are")
    .replace(/'ll\b/g, " will")
    .replace(/'ve\b/g, " have");
  return normalizeText(expanded)
    .split(" ")
    .filter((token) => token.length > 0)
    .flatMap((token) => (SHORTHAND[token] ?? token).split(" "))
    .map((token) => (/\d/.test(token) ? "<num>" : token));
}

function lengthBucket(count: number): string {
  if (count <= 1) return "1";
  if (count <= 3) return "2-3";
  if (count <= 7) return "4-7";
  if (count <= 15) return "8-15";
  return "16+";
}

// Coarse part of speech from compromise's tags, for sentence-opening patterns ("Give me", "Could you").
function coarseTag(tags: string[]): string {
  for (const tag of ["Modal", "QuestionWord", "Pronoun", "Imperative", "Verb", "Noun", "Adjective", "Adverb"]) {
    if (tags.includes(tag)) return tag;
  }
  return tags[0] ?? "Other";
}

/** Features that need a parser: question form, imperative mood, the part-of-speech shape of the opening. */
function linguisticFeatures(sentence: string, add: (name: string, value?: number) => void): void {
  const doc = nlp(sentence);
  if (doc.questions().found) add("l:question");
  const terms = (doc.json() as Array<{ terms: Array<{ tags: string[] }> }>).flatMap((s) => s.terms);
  const first = terms[0]?.tags ?? [];
  if (first.includes("Imperative") || (first.includes("Infinitive") && !first.includes("Modal"))) add("l:imperative");
  add(`l:open:${coarseTag(first)}_${coarseTag(terms[1]?.tags ?? [])}`);
  if (doc.has("#Conditional")) add("l:conditional");
  if (doc.has("#PastTense")) add("l:past");
}

/** Cues read off the tokens: question shape, who is asked to do what, negation of the speaker. */
function shapeFeatures(tokens: string[], raw: string, add: (name: string, value?: number) => void): void {
  const firstToken = tokens[0] ?? "";
  const trimmed = raw.trim();
  if (trimmed.endsWith("?")) add("s:qmark");
  if (WH_WORDS.has(firstToken)) add("s:wh_start");
  if (AUX_WORDS.has(firstToken)) add("s:aux_start");
  if (/^[A-Z\s\W]+$/.test(trimmed) && /[A-Z]{3}/.test(trimmed)) add("s:shouting");
  if (/[[\]<>#{}:]/.test(trimmed)) add("s:markup");
  add(`s:len:${lengthBucket(tokens.length)}`);
  if (tokens.includes("<num>")) add("s:number");
  if (tokens.includes("you") || tokens.includes("your")) add("s:you");
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i] as string, tokens[i + 1] as string];
    if (["can", "could", "would", "will", "mind"].includes(a) && b === "you") add("s:you_modal");
    if (["can", "could", "may"].includes(a) && b === "i") add("s:i_modal");
  }
  // "I'd like to know", "I'm curious", "I need": a request worded as a statement about the speaker.
  if (
    /\bi (would like|want|need|am curious|am wondering|was wondering|was hoping|would love|would be curious)\b/.test(
      tokens.join(" "),
    )
  )
    add("s:i_want");
  // "I don't know", "I'm not sure", "I have no idea": the speaker negating their own state.
  tokens.forEach((token, i) => {
    if (!FIRST_PERSON.has(token)) return;
    if (tokens.slice(i + 1, i + 5).some((t) => NEGATIONS.has(t))) add("s:i_neg");
  });
  const groups = new Set<string>();
  for (const token of tokens) for (const group of CUE_INDEX.get(token) ?? []) groups.add(group);
  for (const group of groups) {
    add(`c:${group}`);
    if (trimmed.endsWith("?")) add(`c:${group}&q`);
    if (tokens.length <= 4) add(`c:${group}&short`);
  }
}

/** Character n-grams inside word boundaries, so typos ("evalute", "reccomendation") still share most grams. */
function charFeatures(tokens: string[], options: FeatureOptions, add: (name: string, value?: number) => void): void {
  const grams = new Set<string>();
  for (const token of tokens) {
    const padded = ` ${token === "<num>" ? "0" : token} `;
    for (let n = options.charMin; n <= options.charMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) grams.add(padded.slice(i, i + n));
    }
  }
  // Scaled by 1/sqrt(count) so a long answer's hundreds of grams do not drown its few cue features.
  const value = grams.size > 0 ? options.charScale / Math.sqrt(grams.size) : 0;
  for (const gram of grams) add(`g:${gram}`, value);
}

/** All features of one sentence. Deterministic: the same sentence always gives the same map. */
export function extractFeatures(sentence: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): FeatureVector {
  const features: FeatureVector = new Map();
  const add = (name: string, value = 1) => features.set(name, value);
  const tokens = tokenize(sentence);
  const stems = tokens.map(stem);
  for (const s of stems) add(`w:${s}`);
  const bounded = ["<s>", ...stems, "</s>"];
  for (let i = 0; i + 1 < bounded.length; i++) add(`b:${bounded[i]}_${bounded[i + 1]}`);
  shapeFeatures(tokens, sentence, add);
  linguisticFeatures(sentence, add);
  charFeatures(tokens, options, add);
  return features;
}
