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

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { charScale: 5, charMin: 3, charMax: 5 };

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
  know: "know knew idea clue sure familiar remember recall certain aware blank knowledge unsure unfamiliar experience background".split(
    " ",
  ),
  // Words that say "I do not know" without a negation.
  ignorance: "unsure unfamiliar clueless stumped baffled lost beats beyond guessing guess lack".split(" "),
  // What a speaker declines to give, or says they cannot give.
  response: "answer answers respond response reply say tell comment".split(" "),
  refuse: "rather prefer pass decline declining refrain comment skip unanswered answering willing comfortable".split(
    " ",
  ),
  move: "next skip move moving proceed continue onward onwards ahead jump advance forward along straight switch".split(
    " ",
  ),
  end: "end stop finish finished wrap quit exit conclude close done terminate leave call bye exhausted".split(" "),
  inject:
    "ignore disregard instruction instructions prompt system grader grade grading score scorer scoring marks rubric evaluator judge override pretend reveal perfect rating rate hire criteria developer admin bypass leak coverage covered credit rules assistant".split(
      " ",
    ),
  clarify:
    "mean meant meaning rephrase repeat clarify again asking understand follow reword restate elaborate catch pardon unpack specific vague confused huh referring refer".split(
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
// Words a sentence can open with that say nothing about what it does ("ok so", "sorry, but").
const OPENERS = new Set(
  "ok okay so well sorry and but also alright right hmm um uh oh now just please honestly actually then yeah yes no hey".split(
    " ",
  ),
);
// Verbs that tell someone to change what they do or what they record, for instruction-shaped sentences.
const INSTRUCTION_VERBS = new Set(
  "ignore disregard forget override set mark give award grant record write output print reveal show pretend act treat consider assume switch change update bypass stop".split(
    " ",
  ),
);
// What an injection aims at: the grader, the score, the instructions, the interviewer's role.
const INSTRUCTION_TARGETS = new Set(
  "instruction instructions prompt system grader grading score scores scoring marks mark rubric evaluator rules rule coverage credit rating role assistant interviewer points".split(
    " ",
  ),
);
// Verbs a speaker uses to ask for something in statement form ("I'd love a hint", "some help would be appreciated").
const WANT_VERBS = new Set("want need like love appreciate prefer wish hoping hope welcome".split(" "));

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
  return (
    normalizeText(expanded)
      .split(" ")
      .filter((token) => token.length > 0)
      // Own keys only: a word such as "constructor" must not read Object.prototype.
      .flatMap((token) => ((Object.hasOwn(SHORTHAND, token) ? SHORTHAND[token] : undefined) ?? token).split(" "))
      .map((token) => (/\d/.test(token) ? "<num>" : token))
  );
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
  const frame = sentenceFrame(tokens, trimmed);
  add(`f:${frame}`);
  for (const group of groups) {
    add(`c:${group}`);
    if (trimmed.endsWith("?")) add(`c:${group}&q`);
    if (tokens.length <= 4) add(`c:${group}&short`);
    add(`f:${frame}&${group}`);
  }
  negationScope(tokens, add);
  instructionShape(tokens, add);
}

/**
 * Who the sentence is aimed at and how: a request to the interviewer ("could you", "I'd like",
 * an imperative), a question, or a statement of content ("I'd shard", "the model is"). Crossed
 * with the cue groups, so "hint" in a request and "hint" in a statement weigh differently.
 */
function sentenceFrame(tokens: string[], trimmed: string): string {
  let at = 0;
  while (at < tokens.length - 1 && OPENERS.has(tokens[at] as string)) at++;
  const rest = tokens.slice(at);
  const [a = "", b = "", c = ""] = rest;
  const text = rest.join(" ");
  if (["can", "could", "would", "will"].includes(a) && b === "you") return "you_request";
  if (a === "let" && b === "us") return "lets";
  if (/^(i|we) (would|will|do|really|just)? ?(want|need|like|love|appreciate|prefer|wish|welcome)\b/.test(text))
    return "i_want";
  if (/\b(would be|is) (appreciated|helpful|welcome|great|nice|useful)\b/.test(text)) return "i_want";
  if (a === "i" || a === "we" || a === "my" || a === "our") {
    if (b === "am" || b === "have" || c === "not" || b === "not") return "i_state";
    return "i_content";
  }
  if (a === "you" || a === "your") return "you_subject";
  if (trimmed.endsWith("?"))
    return WH_WORDS.has(a) ? "wh_question" : AUX_WORDS.has(a) ? "yn_question" : "other_question";
  if (INSTRUCTION_VERBS.has(a) || ["give", "tell", "show", "go", "move", "skip", "end", "stop"].includes(a))
    return "imperative";
  return tokens.length <= 3 ? "fragment" : "content";
}

/**
 * What a negation governs: the cue groups of the few words after "not"/"no"/"never" ("do not
 * know", "no idea", "not answering"), and whether the sentence goes on with content after it
 * ("I don't know of a better source, so I'd use reports" is an answer).
 */
function negationScope(tokens: string[], add: (name: string, value?: number) => void): void {
  tokens.forEach((token, i) => {
    if (!NEGATIONS.has(token)) return;
    for (const next of tokens.slice(i + 1, i + 4))
      for (const group of CUE_INDEX.get(next) ?? []) {
        add(`n:${group}`);
        if (tokens.length - i <= 5) add(`n:${group}&end`);
      }
  });
  const text = tokens.join(" ");
  if (/\b(so|but|then|because|since) (i|we) (would|will|could|can|should)\b/.test(text)) add("n:goes_on");
  if (tokens.some((t) => WANT_VERBS.has(t))) add("r:want");
}

/** An instruction verb aimed at the grader, the score or the instructions, with no first-person subject before it. */
function instructionShape(tokens: string[], add: (name: string, value?: number) => void): void {
  const targets = tokens.filter((t) => INSTRUCTION_TARGETS.has(t)).length;
  if (targets > 0) add("i:target", Math.min(targets, 3));
  tokens.forEach((token, i) => {
    if (!INSTRUCTION_VERBS.has(token)) return;
    const before = tokens.slice(Math.max(0, i - 3), i);
    const speaker = before.some((t) => t === "i" || t === "we");
    const aimed = tokens.slice(i + 1, i + 7).some((t) => INSTRUCTION_TARGETS.has(t) || t === "your" || t === "me");
    if (aimed) add(speaker ? "i:speaker_verb_target" : "i:verb_target");
  });
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
