/**
 * Picks one of several phrasings. The choice depends only on `seed` (the turn number), so a
 * node replayed after a crash says exactly what it said before.
 */
export function pickPhrase<T>(options: readonly T[], seed: number): T {
  if (options.length === 0) throw new Error("pickPhrase needs at least one option");
  return options[Math.abs(seed) % options.length] as T;
}

/** Joins names as "a", "a and b", "a, b and c". */
export function listInProse(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A title in the middle of a sentence: first letter lowered, acronyms ("pCTR", "ANN") kept. */
export function lowerFirst(title: string): string {
  if (/^[A-Z]{2,}/.test(title)) return title;
  return title.charAt(0).toLowerCase() + title.slice(1);
}
