/** Lower-case, ASCII-folded text with punctuation turned into single spaces (keeps @ . % for "recall@10", "0.5", "99%"). */
export function normalizeText(value: string): string {
  return (
    value
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9@.%+]+/g, " ")
      // (?<!\.): a run of dots is tried once from its first dot, not again from each dot inside it (quadratic).
      .replace(/(^|\s)\.+|(?<!\.)\.+(\s|$)/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** True when `phrase` occurs in `text` on word boundaries, both already normalised. */
export function containsPhrase(normalizedText: string, normalizedPhrase: string): boolean {
  if (normalizedPhrase.length === 0) return false;
  return ` ${normalizedText} `.includes(` ${normalizedPhrase} `);
}
