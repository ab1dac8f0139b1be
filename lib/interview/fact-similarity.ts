import type { Embedder } from "@/lib/embeddings/types";
import type { Fact } from "@/lib/scenarios/schema";

/** Cosine of two unit vectors. */
function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/**
 * Similarity of a question to each fact (its triggers and its answer), by the embedder. Fact
 * vectors are computed once per embedder and fact, so a turn embeds only the question.
 */
export function createFactSimilarity(getEmbedder: () => Promise<Embedder>) {
  const cache = new Map<string, Float32Array>();
  return async (question: string, facts: Fact[]): Promise<number[]> => {
    const embedder = await getEmbedder();
    const key = (f: Fact) => `${embedder.modelId}:${f.id}`;
    const missing = facts.filter((f) => !cache.has(key(f)));
    if (missing.length > 0) {
      const vectors = await embedder.embed(missing.map((f) => `${f.triggers.join(", ")}. ${f.answer}`));
      missing.forEach((f, i) => {
        const vector = vectors[i];
        if (vector) cache.set(key(f), vector);
      });
    }
    const [asked] = await embedder.embed([question]);
    if (!asked) return facts.map(() => 0);
    return facts.map((f) => {
      const vector = cache.get(key(f));
      return vector ? dot(asked, vector) : 0;
    });
  };
}
