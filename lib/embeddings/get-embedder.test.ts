import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTestModel } from "@/scripts/generate-test-model";
import { chooseEmbedder } from "./get-embedder";

let modelsDir: string;
// Fetching is off, so the hub (the discard port) is never contacted.
const config = (model: string) => ({ model, modelsDir, allowRemote: false, hubUrl: "http://127.0.0.1:9/" });
const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

beforeAll(async () => {
  modelsDir = mkdtempSync(path.join(tmpdir(), "probe-models-"));
  await generateTestModel(modelsDir);
  await generateTestModel(modelsDir, { modelId: "probe/tiny-64", dimension: 64 });
});
afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

describe("chooseEmbedder", () => {
  it("loads a local transformers.js model and embeds in batches with mean pooling and normalisation", async () => {
    const { embedder, fallbackReason } = await chooseEmbedder({ config: config("probe/tiny-minilm"), dimension: 384 });
    expect(fallbackReason).toBeNull();
    expect(embedder.kind).toBe("transformers");
    expect(embedder.modelId).toBe("probe/tiny-minilm");
    const texts = Array.from({ length: 40 }, (_, i) => `passage number ${i} about ranking and recall`);
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(40);
    for (const v of vectors) {
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    const [again] = await embedder.embed([texts[7] as string]);
    expect(Array.from(again as Float32Array)).toEqual(Array.from(vectors[7] as Float32Array));
    expect(Array.from(vectors[0] as Float32Array)).not.toEqual(Array.from(vectors[1] as Float32Array));
  });

  it("falls back, with the reason and the remedy, when the model is missing and fetching is off", async () => {
    const { embedder, fallbackReason } = await chooseEmbedder({
      config: config("Xenova/all-MiniLM-L6-v2"),
      dimension: 384,
    });
    expect(embedder.kind).toBe("fallback");
    expect(embedder.dimension).toBe(384);
    expect(fallbackReason).toBe(
      `model Xenova/all-MiniLM-L6-v2 is not in ${modelsDir} and fetching is off (ALLOW_REMOTE_MODELS=false); ` +
        `using the built-in fallback embedder (${embedder.modelId}). ` +
        `Put its files in ${path.join(modelsDir, "Xenova/all-MiniLM-L6-v2")} or unset ALLOW_REMOTE_MODELS to fetch it once.`,
    );
  });

  it("falls back when the model's dimension does not fit the index", async () => {
    const { embedder, fallbackReason } = await chooseEmbedder({ config: config("probe/tiny-64"), dimension: 384 });
    expect(embedder.kind).toBe("fallback");
    expect(fallbackReason).toContain("produces 64-dimensional vectors but the index holds 384");
  });
});
