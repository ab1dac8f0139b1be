import { containsPhrase, normalizeText } from "@/lib/text/normalize";
import { isStopword, stem } from "@/lib/text/stem";
import { CONCEPTS } from "./expansion-concepts";
import { SYNONYM_GROUPS } from "./expansion-terms";

export interface ExpandedQuery {
  /** The query as typed. */
  original: string;
  /** Phrases added by synonym groups and concepts, without repeats of the query's own words. */
  added: string[];
  /** The original followed by the added phrases: what is embedded and matched. */
  text: string;
}

function contentStems(text: string): string[] {
  return normalizeText(text)
    .split(" ")
    .filter((w) => w.length > 1 && !isStopword(w))
    .map(stem);
}

/** A cue word meets a query word when their stems agree, or one is a long prefix of the other ("fabricat"). */
function stemsMeet(cue: string, word: string): boolean {
  if (cue === word) return true;
  const [shorter, longer] = cue.length <= word.length ? [cue, word] : [word, cue];
  return shorter.length >= 5 && longer.startsWith(shorter);
}

function cueMatches(cue: string, queryStems: string[]): boolean {
  const cueStems = contentStems(cue);
  return cueStems.length > 0 && cueStems.every((c) => queryStems.some((w) => stemsMeet(c, w)));
}

/** Adds the field's abbreviations, spelled-out forms and technical names for plain descriptions. */
export function expandQuery(query: string): ExpandedQuery {
  const normalized = normalizeText(query);
  const queryStems = contentStems(query);
  const added = new Set<string>();
  for (const group of SYNONYM_GROUPS) {
    if (group.some((phrase) => containsPhrase(normalized, normalizeText(phrase)))) {
      for (const phrase of group) added.add(phrase);
    }
  }
  for (const concept of CONCEPTS) {
    if (concept.cues.some((cue) => cueMatches(cue, queryStems))) {
      for (const term of concept.terms) added.add(term);
    }
  }
  const fresh = [...added].filter((phrase) => !containsPhrase(normalized, normalizeText(phrase)));
  return { original: query, added: fresh, text: [query, ...fresh].join(" ") };
}

/**
 * A websearch_to_tsquery string that matches any of the query's content words or added
 * phrases: candidates' sentences rarely contain every word of a passage, so terms are OR-ed
 * and ts_rank does the ordering.
 */
export function keywordQuery(expanded: ExpandedQuery): string {
  const words = normalizeText(expanded.original)
    .split(" ")
    .filter((w) => w.length > 1 && !isStopword(w) && /[a-z0-9]/.test(w));
  const phrases = expanded.added.map((p) => normalizeText(p)).filter(Boolean);
  const parts = [...new Set([...words, ...phrases.map((p) => (p.includes(" ") ? `"${p}"` : p))])];
  return parts.join(" or ");
}
