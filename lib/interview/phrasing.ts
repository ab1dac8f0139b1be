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
