import concepts from "./expansion-concepts.json";

/**
 * Plain descriptions a candidate uses ("top slots get clicked more") mapped to the terms the case
 * studies use ("position bias"), kept as data in expansion-concepts.json. Cues match on stemmed
 * words in any order, so "slots at the top" meets "top slot".
 */
export interface Concept {
  terms: string[];
  cues: string[];
}

export const CONCEPTS: Concept[] = concepts;
