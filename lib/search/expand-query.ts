import { containsPhrase, normalizeText } from "@/lib/text/normalize";
import { ABBREVIATION_GROUPS } from "./expansion-terms";

export interface ExpandedQuery {
  /** The query as typed. */
  original: string;
  /** Spelled-out forms of the query's abbreviations and vice versa, without repeats of the query's own words. */
  added: string[];
  /** The original followed by the added phrases: what is embedded. */
  text: string;
}

/** Adds the other forms of each abbreviation or spelled-out term the query contains ("CTR" adds "click-through rate"). */
export function expandQuery(query: string): ExpandedQuery {
  const normalized = normalizeText(query);
  const added = new Set<string>();
  for (const group of ABBREVIATION_GROUPS) {
    if (group.some((phrase) => containsPhrase(normalized, normalizeText(phrase)))) {
      for (const phrase of group) added.add(phrase);
    }
  }
  const fresh = [...added].filter((phrase) => !containsPhrase(normalized, normalizeText(phrase)));
  return { original: query, added: fresh, text: [query, ...fresh].join(" ") };
}
