import { describe, expect, it } from "vitest";
import { createDefaultFallbackEmbedder } from "@/lib/embeddings/default-fallback";
import type { Embedder } from "@/lib/embeddings/types";
import { getScenario } from "@/lib/scenarios/library";
import { createFactSimilarity } from "./fact-similarity";

describe("createFactSimilarity", () => {
  it("scores a question closest to the fact it is about, and embeds each fact once", async () => {
    const inner = createDefaultFallbackEmbedder(384);
    const embedded: string[] = [];
    const counting: Embedder = {
      ...inner,
      modelId: inner.modelId,
      dimension: inner.dimension,
      kind: inner.kind,
      embed: (texts) => {
        embedded.push(...texts);
        return inner.embed(texts);
      },
    };
    const similarity = createFactSimilarity(async () => counting);
    const facts = getScenario("visual-search").facts;
    const first = await similarity("what is the p99 response time in milliseconds?", facts);
    const best = facts[first.scores.indexOf(Math.max(...first.scores))];
    expect(best?.id).toBe("vis-fact-latency");
    expect(first.threshold).toBe(0.3);
    await similarity("how many images are there?", facts);
    expect(embedded.length).toBe(facts.length + 2);
  });
});
