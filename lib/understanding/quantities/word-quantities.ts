/** Quantities said without digits: number formats ("float32" is 4 bytes a value) and multiplier words ("twice", "triple"). */
import type { Quantity } from "../types";

const FORMATS: Array<[RegExp, number]> = [
  [/\b(?:float32|fp32|f32|single[- ]precision)\b/gi, 4],
  [/\b(?:float16|fp16|f16|half[- ]precision|bf16|bfloat16)\b/gi, 2],
  [/\b(?:int8|uint8|8-bit)\b/gi, 1],
  [/\b(?:float64|fp64|double[- ]precision)\b/gi, 8],
  [/\b(?:int4|4-bit)\b/gi, 0.5],
];

export function formatQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const [pattern, bytes] of FORMATS) {
    for (const m of text.matchAll(pattern)) {
      const word = m[0];
      found.push({
        text: word,
        kind: "bytes_per_value",
        value: bytes,
        unit: word.toLowerCase(),
        start: m.index,
        end: m.index + word.length,
      });
    }
  }
  return found;
}

/**
 * Multipliers written as words (general English): "twice the average", "double the peak", "triple
 * replication", "replicated twice", "store every file twice", "doubled for redundancy". "Twice a
 * day" is a frequency, not a multiplier.
 */
const MULTIPLIER_WORDS: Record<string, number> = {
  twice: 2,
  double: 2,
  doubled: 2,
  thrice: 3,
  triple: 3,
  tripled: 3,
  treble: 3,
  quadruple: 4,
  quadrupled: 4,
};
const MULTIPLIER = new RegExp(
  [
    // An adjective before what it multiplies: "double the peak", "triple replication".
    "\\b(double|triple|treble|quadruple)\\b(?=\\s+(?:the|that|this|its?|our|their|average|mean|normal|usual|peak|load|traffic|replicat\\w*|redundan\\w*|copies|writes?|storage)\\b)",
    // An adverb or participle standing on its own: "twice", "doubled for redundancy".
    "\\b(twice|thrice|doubled|tripled|quadrupled)\\b(?!\\s+(?:a|an|per|each|every)\\s+(?:second|minute|hour|day|week|month|year)\\b)(?!\\s+(?:daily|weekly|monthly|hourly|yearly|annually)\\b)",
  ].join("|"),
  "gi",
);

export function multiplierWords(text: string): Quantity[] {
  return [...text.matchAll(MULTIPLIER)].map((m) => ({
    text: m[0],
    kind: "count" as const,
    value: MULTIPLIER_WORDS[m[0].toLowerCase()] ?? 2,
    unit: "x",
    start: m.index,
    end: m.index + m[0].length,
  }));
}
