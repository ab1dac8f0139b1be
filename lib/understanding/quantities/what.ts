/**
 * The noun phrase a number counts ("1 billion 256-dim float32 vectors" counts "vectors"; "5 visits
 * a day" is a rate of visits). A short phrase after the number, stopped by function words and
 * verbs, is enough for system-design talk and costs microseconds, where a tagger costs milliseconds.
 */
import { perPeriod } from "./units";

const STOP = new Set(
  (
    "a an the of in on at to for with by from into onto over under than as if then so and or but nor " +
    "is are was were be been being am it its we i you they he she this that these those which who whom " +
    "fit fits take takes need needs would will can could should may might must do does did has have had " +
    "gives give get gets means mean make makes hold holds return returns answer answers serve serves " +
    "handle handles use uses store stores cost costs requires require stay stays sit sits run runs " +
    "each every per about around roughly approximately nearly almost only just total up down all no not " +
    "x × peak average avg"
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

function words(text: string, from: number, skip: Skip, max: number): { words: string[]; end: number } {
  const found: string[] = [];
  let at = from;
  while (found.length < max) {
    at = skip(at);
    const match = WORD.exec(text.slice(at));
    const word = match?.[1];
    // Verbs in -ing ("doing", "making") end the phrase; plural nouns in -ings ("embeddings") do not.
    // "daily" opens a phrase ("daily events") but after a noun it is the period ("posts daily").
    const opensPhrase = found.length === 0 && /^(daily|hourly)$/i.test(word ?? "");
    if (!match || !word || STOP.has(word.toLowerCase()) || /ing$/i.test(word)) break;
    if (!opensPhrase && perPeriod(text.slice(at))) break;
    found.push(word);
    at += match[0].length;
  }
  return { words: found, end: at };
}

/** Reads the noun phrase (and a period, making a rate) that follows a number ending at `from`. */
export function readNoun(text: string, from: number, skip: Skip): NounReading {
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
  const daily = /^(daily|hourly)$/i.test(parts[0] ?? "") && !PEOPLE.test(parts[1] ?? "");
  const period = perPeriod(text.slice(end));
  if (parts.length && period) {
    return {
      what: `${parts.join(" ")} ${period.text}`,
      periodSeconds: period.seconds,
      periodText: period.text,
      length: end + period.length - from,
    };
  }
  if (daily) {
    return {
      what: parts.join(" "),
      periodSeconds: parts[0]?.toLowerCase() === "daily" ? 86_400 : 3_600,
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
  if (per?.[2] && !perPeriod(rest) && !STOP.has(per[2].toLowerCase())) {
    return { what: `per ${per[2].toLowerCase()}`, length: per[0].length };
  }
  if (/^\s*each\b/i.test(rest)) return { what: "each", length: (/^\s*each/i.exec(rest)?.[0] ?? "").length };
  const of = /^\s*of\b/i.exec(rest);
  const noun = readNoun(text, from + (of?.[0].length ?? 0), skip);
  if (!noun.what) return { length: 0 };
  return { ...noun, length: noun.length + (of?.[0].length ?? 0) };
}
