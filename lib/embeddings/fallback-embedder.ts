import { createHash } from "node:crypto";
import { normalizeText } from "@/lib/text/normalize";
import { isStopword, stem } from "@/lib/text/stem";
import type { Embedder } from "./types";

/**
 * The embedder used when no transformers.js model can be loaded. Deterministic and
 * dependency-free: each text becomes weighted features (stemmed words, word bigrams, and
 * character 3-5-grams of each word, so "calibrate" meets "calibration"), weighted by sublinear
 * TF times the corpus IDF, and folded into the index dimension by signed feature hashing.
 * It is a lexical model, so paraphrase recall comes from the search's query expansion.
 */
export const FALLBACK_MODEL_PREFIX = "probe/hashed-ngrams-v1";

const FEATURE_WEIGHTS = { word: 1, bigram: 0.6, char: 0.25 } as const;
type FeatureKind = keyof typeof FEATURE_WEIGHTS;

/** Counts of each feature in one text, keyed "<kind>:<value>". */
export function extractFeatures(text: string): Map<string, number> {
  const tokens = normalizeText(text)
    .split(" ")
    .filter((t) => t.length > 1 && !isStopword(t))
    .map(stem);
  const counts = new Map<string, number>();
  const add = (kind: FeatureKind, value: string) => {
    const key = `${kind}:${value}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  tokens.forEach((token, i) => {
    add("word", token);
    const next = tokens[i + 1];
    if (next) add("bigram", `${token} ${next}`);
    const padded = `<${token}>`;
    for (let n = 3; n <= 5; n++) {
      for (let start = 0; start + n <= padded.length; start++) add("char", padded.slice(start, start + n));
    }
  });
  return counts;
}

/** FNV-1a: fast, stable across platforms and runs. */
function hash32(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Document frequencies of word features, frozen when the index was built (see scripts/build-fallback-idf.ts). */
export interface IdfTable {
  version: 1;
  documents: number;
  /** Stemmed word -> number of documents containing it. */
  documentFrequency: Record<string, number>;
}

/** Counts the documents each stemmed word appears in. */
export function buildIdfTable(texts: string[]): IdfTable {
  const documentFrequency: Record<string, number> = {};
  for (const text of texts) {
    for (const feature of extractFeatures(text).keys()) {
      if (!feature.startsWith("word:")) continue;
      const word = feature.slice(5);
      // Own keys only: a word such as "constructor" must not read Object.prototype.
      documentFrequency[word] = (Object.hasOwn(documentFrequency, word) ? (documentFrequency[word] ?? 0) : 0) + 1;
    }
  }
  const sorted = Object.fromEntries(Object.entries(documentFrequency).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { version: 1, documents: texts.length, documentFrequency: sorted };
}

/**
 * IDF per feature: words from the table (unseen words get the rarest weight), bigrams the mean
 * of their two words, character n-grams a flat 1 since they only smooth over morphology.
 */
function inverseDocumentFrequency(feature: string, kind: FeatureKind, idf: IdfTable): number {
  // Own keys only: "constructor" or "toString" in a query is a word, not Object.prototype's method (NaN).
  const frequency = (word: string) =>
    Object.hasOwn(idf.documentFrequency, word) ? (idf.documentFrequency[word] ?? 0) : 0;
  const ofWord = (word: string) => Math.log((idf.documents + 1) / (frequency(word) + 1)) + 1;
  const value = feature.slice(kind.length + 1);
  if (kind === "word") return ofWord(value);
  if (kind === "bigram") {
    const [left = "", right = ""] = value.split(" ");
    return (ofWord(left) + ofWord(right)) / 2;
  }
  return 1;
}

export function embedWithIdf(text: string, idf: IdfTable, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  for (const [feature, count] of extractFeatures(text)) {
    const kind = feature.slice(0, feature.indexOf(":")) as FeatureKind;
    const weight = (1 + Math.log(count)) * inverseDocumentFrequency(feature, kind, idf) * FEATURE_WEIGHTS[kind];
    const h = hash32(feature);
    const sign = h & 0x80000000 ? -1 : 1;
    const index = h % dimension;
    vector[index] = (vector[index] ?? 0) + sign * weight;
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dimension; i++) vector[i] = (vector[i] ?? 0) / norm;
  return vector;
}

/**
 * A fallback embedder over a frozen IDF table. Its model id names the table, so vectors made
 * with another table are re-embedded, while editing one passage re-embeds only that passage.
 */
export function createFallbackEmbedder(idf: IdfTable, dimension: number): Embedder {
  const tableHash = createHash("sha256").update(JSON.stringify(idf)).digest("hex").slice(0, 10);
  return {
    modelId: `${FALLBACK_MODEL_PREFIX}@${tableHash}`,
    dimension,
    kind: "fallback",
    embed: async (texts) => texts.map((text) => embedWithIdf(text, idf, dimension)),
  };
}
