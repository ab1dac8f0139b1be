/**
 * The noun phrase a number counts ("1 billion 256-dim float32 vectors" counts "vectors"; "5 visits
 * a day" is a rate of visits). A short phrase after the number, stopped by function words and
 * verbs, is enough for system-design talk and costs microseconds, where a tagger costs milliseconds.
 */
import { PERIOD_WORDS, perPeriod } from "./units";

export const STOP = new Set(
  (
    "a an the of in on at to for with by from into onto over under than as if then so and or but nor " +
    "is are was were be been being am it its we i you they he she this that these those which who whom " +
    "fit fits take takes need needs would will can could should may might must do does did has have had " +
    "gives give get gets means mean make makes hold holds return returns answer answers serve serves " +
    "handle handles use uses store stores cost costs requires require stay stays sit sits run runs " +
    "come comes came total totals amount amounts add adds work works equal equals " +
    "each every per about around roughly approximately nearly almost only just total up down all no not " +
    "x × peak average avg across between through within without among via during apiece " +
    "since because given while whereas although though before after until once " +
    // Contractions of a pronoun and a verb end a noun phrase too ("50 million customers that's 5 TB").
    "that's it's there's here's what's which's we're we'll we'd i'd i'll i'm they're they'll you're"
  ).split(" "),
);

/** Words that turn "100 million daily X" into a count rather than a rate (daily active users). */
const PEOPLE = /^(active|users?|people|visitors?|actives?|members?|customers?|viewers?|players?|listeners?)$/i;

const WORD = /^\s*-?\s*([A-Za-z][A-Za-z'-]*)/;

export interface NounReading {
  what?: string;
  /** Seconds in the period when the phrase makes the number a rate ("a day" = 86,400). */
  periodSeconds?: number;
  periodText?: string;
  /** Characters consumed after the number. */
  length: number;
}

/** Jumps over the spans of other quantities ("256-dim", "float32") between a number and its noun. */
export type Skip = (offset: number) => number;

/** Whether the next word can continue a noun phrase: not a function word, verb in -ing or period. */
function nounFollows(text: string, at: number): boolean {
  const next = WORD.exec(text.slice(at))?.[1];
  return Boolean(next && !STOP.has(next.toLowerCase()) && !/ing$/i.test(next) && !perPeriod(text.slice(at)));
}

function words(text: string, from: number, skip: Skip, max: number): { words: string[]; end: number } {
  const found: string[] = [];
  let at = from;
  while (found.length < max) {
    at = skip(at);
    const match = WORD.exec(text.slice(at));
    const word = match?.[1];
    // Verbs in -ing ("doing", "making") end the phrase; plural nouns in -ings ("embeddings") do not.
    // "daily" opens a phrase ("daily events") but after a noun it is the period ("posts daily").
    const opensPhrase = found.length === 0 && PERIOD_WORDS[word?.toLowerCase() ?? ""] !== undefined;
    if (!match || !word || STOP.has(word.toLowerCase())) break;
    // "500M users times 128 floats": after the noun, "times" is the multiplication sign.
    if (found.length > 0 && /^times$/i.test(word)) break;
    // "6 billion times 256 times 4 bytes": "times" before a number is the sign, whatever precedes it.
    if (/^times$/i.test(word) && /^\s*[\d.]/.test(text.slice(at + match[0].length))) break;
    // A verb in -ing ends the phrase ("users doing", "making"); a hyphenated modifier ("item-scoring")
    // does not, nor an -ing word right after the number when a noun follows ("40 serving nodes").
    // So does an -ing modifier after an adjective ("new listing photos"), but not after a plural noun ("users making requests").
    const modifier =
      (found.length === 0 || !/s$/i.test(found[found.length - 1] ?? "")) && nounFollows(text, at + match[0].length);
    if (/ing$/i.test(word) && !word.includes("-") && !modifier) {
      break;
    }
    if (!opensPhrase && perPeriod(text.slice(at))) break;
    found.push(word);
    at += match[0].length;
  }
  return { words: found, end: at };
}

/** The words for which load a rate is (general capacity vocabulary), said before its noun. */
const LOAD_ADJECTIVE = /^\s*(?:peak|average|avg|mean)\s+(?=[A-Za-z])/i;

/** Reads the noun phrase (and a period, making a rate) that follows a number ending at `from`. */
export function readNoun(text: string, from: number, skip: Skip): NounReading {
  // "17,000 peak posts per second": a load's adjective before a noun and its period joins neither.
  const adjective = LOAD_ADJECTIVE.exec(text.slice(from));
  if (adjective) {
    const rest = readNoun(text, from + adjective[0].length, skip);
    if (rest.periodSeconds && rest.what) return { ...rest, length: rest.length + adjective[0].length };
  }
  const head = words(text, from, skip, 3);
  let end = head.end;
  const parts = [...head.words];
  // "10 searches per user per day": the per-entity words belong to the phrase.
  const perEntity = /^\s*(per|each|a|an)\s+([A-Za-z]+)/i.exec(text.slice(end));
  if (parts.length && perEntity && !perPeriod(text.slice(end))) {
    const word = perEntity[2] ?? "";
    if (!STOP.has(word.toLowerCase()) && perPeriod(text.slice(end + perEntity[0].length))) {
      parts.push(`${perEntity[1]?.toLowerCase()} ${word}`);
      end += perEntity[0].length;
    }
  }
  const opening = PERIOD_WORDS[parts[0]?.toLowerCase() ?? ""];
  // "100 million daily events" is a rate; "100 million monthly active users" a count of people.
  const periodFirst = opening !== undefined && !PEOPLE.test(parts[1] ?? "");
  const period = perPeriod(text.slice(end));
  if (period) {
    // "400M a day", "2,000 per second", "8k/s": a number with a period and no noun is a rate of unnamed things.
    return {
      ...(parts.length ? { what: `${parts.join(" ")} ${period.text}` } : {}),
      periodSeconds: period.seconds,
      periodText: period.text,
      length: end + period.length - from,
    };
  }
  if (periodFirst) {
    return {
      what: parts.join(" "),
      periodSeconds: opening,
      periodText: parts[0]?.toLowerCase() ?? "daily",
      length: end - from,
    };
  }
  return { ...(parts.length ? { what: parts.join(" ") } : {}), length: end - from };
}

/** What a size counts: "of RAM", "per event", "each", "responses". */
export function readSizeTarget(text: string, from: number, skip: Skip): NounReading {
  const rest = text.slice(from);
  const per = /^\s*(per|a|an|each|for each)\s+([A-Za-z]+)/i.exec(rest);
  if (per?.[2] && !perPeriod(rest) && !STOP.has(per[2].toLowerCase()) && !/[^e]ed$/i.test(per[2])) {
    return { what: `per ${per[2].toLowerCase()}`, length: per[0].length };
  }
  // "each", "apiece": a size of one of something.
  const each = /^\s*(?:each|apiece)\b/i.exec(rest);
  if (each) return { what: "each", length: each[0].length };
  const of = /^\s*of\b/i.exec(rest);
  const noun = readNoun(text, from + (of?.[0].length ?? 0), skip);
  if (!noun.what) return { length: 0 };
  return { ...noun, length: noun.length + (of?.[0].length ?? 0) };
}

/** "servers" → "server", "boxes" → "box", "replicas" → "replica": enough to match a noun with its plural. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (/(?:x|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/[^s]s$/.test(w)) return w.slice(0, -1);
  return w;
}

const HEDGE_WORD = /^(about|around|roughly|approximately|approx|nearly|almost|maybe|perhaps|some|up|to)$/i;
const NAME_WORD = /^[A-Za-z][\w-]*$/;

/** The noun nearest before `at` in its clause: "hosts" of "on hosts doing 250 QPS". */
function nounBefore(clause: string): string | undefined {
  const ws = clause.split(/\s+/).filter((w) => NAME_WORD.test(w));
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = ws[i] ?? "";
    // "5 million clicks a day, each about 100 bytes": the period is no unit; the clicks are.
    if (/^(?:second|minute|hour|day|week|month|year)s?$/i.test(w) || PERIOD_WORDS[w.toLowerCase()] !== undefined)
      continue;
    if (!STOP.has(w.toLowerCase()) && !/ing$/i.test(w) && !HEDGE_WORD.test(w) && !/\d/.test(w)) return singular(w);
  }
  return undefined;
}

/**
 * The unit a rate belongs to when it is one unit's share, whatever the unit is called: "2k QPS per
 * box", "500 per host", "250 QPS each" (of the hosts named before), "each instance does 400", "one
 * pod can score 5k requests a second", "GPUs each handling 2k QPS". `length` is how far the words
 * after the number reach ("per box"), 0 when they come before it.
 */
export function perUnitEntity(
  text: string,
  start: number,
  end: number,
): { entity: string; length: number } | undefined {
  const after = text.slice(end);
  const clauseStart = Math.max(...[",", ";", ":", ".", "(", "\n"].map((c) => text.lastIndexOf(c, start - 1))) + 1;
  const clause = text.slice(clauseStart, start);
  const per = /^\s*(?:per|a|an|for each|for every|on each)\s+([A-Za-z][\w-]*)/i.exec(after);
  if (per?.[1] && !perPeriod(after) && !STOP.has(per[1].toLowerCase()) && isEntity(singular(per[1]))) {
    return { entity: singular(per[1]), length: per[0].length };
  }
  const each = /^\s*(?:each|apiece)\b/i.exec(after);
  if (each) {
    const entity = nounBefore(clause);
    return entity ? { entity, length: each[0].length } : undefined;
  }
  // "each embedding service instance handles 3k", "a GPU handles about 400 QPS": the words after
  // "each"/"a", up to the verb. After "a" the verb must be there, so "at a peak of 9k" names no unit.
  const before =
    /\b(each|every|one|a single)\s+([A-Za-z][\w\s-]*)$/i.exec(clause) ?? /\b(an?)\s+([A-Za-z][\w\s-]*)$/i.exec(clause);
  // "One hundred million vectors": "one" there is a number, not one unit.
  if (!before || /^(?:hundred|thousand|million|billion|trillion|and|or|of)\b/i.test(before[2] ?? "")) return undefined;
  // "Each session log is 20 KB and we get 10 million sessions": a figure between the unit and the
  // number is the unit's own; the number belongs to another subject.
  if (/\d/.test(before[2] ?? "")) return undefined;
  const article = /^an?$/i.test(before[1] ?? "");
  const ws: string[] = [];
  let stop = "";
  for (const w of (before[2] ?? "").trim().split(/\s+/)) {
    if (STOP.has(w.toLowerCase()) || HEDGE_WORD.test(w)) {
      stop = w;
      break;
    }
    ws.push(w);
  }
  if (ws.length === 0) {
    // "nodes that each handle 7k", "40 machines, since each does 500 rps": "each" as a pronoun
    // (clause-initial or after a conjunction) stands for the noun said before it.
    const lead = clause.slice(0, before.index);
    // The verb must lead straight to the number: "each does 500" (not "each does 500 rps and peak is 18k").
    const verbThenNumber =
      /^(?:(?:can|could|will|would|should|may|might)\s+)?[a-z]+\s+(?:(?:about|around|roughly|approximately|maybe|up to|~)\s+)*$/i;
    if (
      article ||
      !verbThenNumber.test(before[2] ?? "") ||
      !/^\s*$|\b(?:that|which|who|since|because|as|and|so|while|where|with)\s*$/i.test(lead)
    ) {
      // "2 KB each come to": an "each" closing a phrase names no unit of what follows.
      return undefined;
    }
    const entity = nounBefore(lead) ?? nounBefore(text.slice(0, Math.max(0, clauseStart - 1)));
    return entity && isEntity(entity) ? { entity, length: 0 } : undefined;
  }
  // After a singular subject the verb ends in -s ("instance handles"); an -ing word is a verb too.
  const verb = ws.length >= 2 && /[^s]s$/i.test(ws[ws.length - 1] ?? "");
  if (verb) ws.pop();
  // "a pod handles 200", "a GPU can do 400": after "a" a verb must follow the noun.
  // "a GPU server doing 200 QPS": a participle after the noun is its verb too.
  const participle = ws.length >= 2 && /ing$/i.test(ws[ws.length - 1] ?? "");
  if (article && !verb && !participle && !/^(?:[a-z]+[^s]s|can|could|will|would|does|do|should|may|might)$/i.test(stop))
    return undefined;
  while (ws.length && /ing$/i.test(ws[ws.length - 1] ?? "")) ws.pop();
  const entity = ws.length ? singular(ws[ws.length - 1] ?? "") : nounBefore(clause.slice(0, before.index));
  // "requests a day times 2 KB": after "a", a period is the rate's, not a unit doing work.
  if (article && entity && /^(?:second|minute|hour|day|week|month|year)$/.test(entity)) return undefined;
  return entity && isEntity(entity) ? { entity, length: 0 } : undefined;
}

/** A unit's name: a word, not a participle ("each compressed to 400 bytes" names no unit). */
const isEntity = (word: string) => /^[a-z][a-z-]*$/.test(word) && !/[^e]ed$/.test(word);
