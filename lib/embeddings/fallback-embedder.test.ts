import { describe, expect, it } from "vitest";
import { buildIdfTable, createFallbackEmbedder, extractFeatures } from "./fallback-embedder";

const corpus = [
  "Position bias: items shown at the top get clicked more regardless of relevance.",
  "HNSW builds a layered proximity graph for approximate nearest neighbour search.",
  "Calibration compares the mean predicted probability with the observed click rate.",
  "Negative downsampling keeps a fraction of non-clicks and recalibrates predictions.",
];

const idf = buildIdfTable(corpus);

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
const norm = (a: Float32Array) => Math.sqrt(cosine(a, a));

describe("the fallback embedder", () => {
  it("yields deterministic unit vectors of the index dimension", async () => {
    const first = createFallbackEmbedder(idf, 384);
    const second = createFallbackEmbedder(idf, 384);
    const [a] = await first.embed(["position bias in click logs"]);
    const [b] = await second.embed(["position bias in click logs"]);
    expect(a).toHaveLength(384);
    expect(norm(a as Float32Array)).toBeCloseTo(1, 6);
    expect(Array.from(a as Float32Array)).toEqual(Array.from(b as Float32Array));
    expect(first.modelId).toBe(second.modelId);
    expect(first.modelId).toMatch(/^probe\/hashed-ngrams-v1@[0-9a-f]{10}$/);
  });

  it("names a different IDF table with a different model id", () => {
    expect(createFallbackEmbedder(buildIdfTable(corpus.slice(1)), 384).modelId).not.toBe(
      createFallbackEmbedder(idf, 384).modelId,
    );
  });

  it("counts documents per stemmed word, sorted for a stable file", () => {
    const table = buildIdfTable(["clicks and click", "a click"]);
    expect(table.documents).toBe(2);
    expect(table.documentFrequency.click).toBe(2);
    expect(Object.keys(table.documentFrequency)).toEqual([...Object.keys(table.documentFrequency)].sort());
  });

  it("ranks the passage that shares the query's words first, morphology included", async () => {
    const embedder = createFallbackEmbedder(idf, 384);
    const vectors = await embedder.embed([...corpus, "how do I calibrate predicted probabilities"]);
    const query = vectors.at(-1) as Float32Array;
    const scores = vectors.slice(0, -1).map((v) => cosine(v, query));
    expect(scores.indexOf(Math.max(...scores))).toBe(2);
  });

  it("drops stopwords and stems word features", () => {
    const features = [...extractFeatures("The rankings were ranked").keys()].filter((k) => k.startsWith("word:"));
    expect(features).toEqual(["word:ranking", "word:rank"]);
  });

  it("returns a zero vector, not NaN, for text with no features", async () => {
    const [v] = await createFallbackEmbedder(idf, 16).embed(["the of and"]);
    expect(Array.from(v as Float32Array).every((x) => x === 0)).toBe(true);
  });
});
