/** Multipliers of the suffixes people write after a number: 10k, 2.5M, 1B, 3bn, 1T (and finance's "mm"). */
export const MAGNITUDE_SUFFIXES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mm: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

const NUMBER = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]*)$/i;

/**
 * Reads a number as a person types it into a form: "1,000,000,000", "1 000 000", "1e9", "1B",
 * "10k", "2.5M". Thousands separators are commas, spaces or underscores; a suffix is k, M, B/bn
 * or T (case-insensitive, so "m" is a million, never milli). Returns null for anything else.
 */
export function parseNumberInput(raw: string): number | null {
  const compact = raw.trim().replace(/(\d)[,_\s\u00a0\u202f](?=\d)/g, "$1");
  const match = NUMBER.exec(compact);
  if (!match?.[1]) return null;
  const suffix = (match[2] ?? "").toLowerCase();
  const multiplier = suffix === "" ? 1 : MAGNITUDE_SUFFIXES[suffix];
  if (multiplier === undefined) return null;
  const value = Number(match[1]) * multiplier;
  // 2.5M is 2,500,000 exactly, not 2,499,999.9999999995: round away binary noise of the multiply.
  const rounded = Number(value.toPrecision(15));
  return Number.isFinite(rounded) ? rounded : null;
}
