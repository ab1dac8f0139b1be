import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelConfig } from "@/lib/env";
import { CROSS_ENCODER_MODEL_ID, generateTestCrossEncoder } from "@/scripts/generate-test-cross-encoder";
import { generateTestModel } from "@/scripts/generate-test-model";
import { loadCrossEncoder } from "./cross-encoder";
import { chooseReranker } from "./get-reranker";
import { startFakeModelHub } from "./testing/fake-model-hub";

let modelsDir: string;
const local = (model: string): ModelConfig => ({ model, modelsDir, allowRemote: false, hubUrl: "http://127.0.0.1:9/" });

const query = "how does position bias affect click models";
const relevant = "Position bias: items shown at the top get clicked more, so click models correct for it.";
const unrelated = "A feature store serves precomputed features with low latency.";

beforeAll(async () => {
  modelsDir = mkdtempSync(path.join(tmpdir(), "probe-rerankers-"));
  await generateTestCrossEncoder(modelsDir);
  await generateTestModel(modelsDir, { modelId: "probe/sentence-encoder" });
  await generateTestCrossEncoder(modelsDir, { modelId: "probe/broken" });
  writeFileSync(path.join(modelsDir, "probe/broken/onnx/model.onnx"), "not an onnx graph");
});
afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

describe("loadCrossEncoder", () => {
  it("scores each (query, passage) pair: the passage sharing the query's words comes first", async () => {
    const reranker = await loadCrossEncoder({ model: CROSS_ENCODER_MODEL_ID, modelsDir });
    expect(reranker.modelId).toBe(CROSS_ENCODER_MODEL_ID);
    const scores = await reranker.score(query, [unrelated, relevant]);
    expect(scores).toHaveLength(2);
    expect(scores.every(Number.isFinite)).toBe(true);
    expect(scores[1]).toBeGreaterThan(scores[0] as number);
  });

  it("gives the same scores however the pairs are batched, and none for no passages", async () => {
    const passages = Array.from({ length: 7 }, (_, i) => (i % 2 ? `${relevant} (${i})` : `${unrelated} (${i})`));
    const one = await loadCrossEncoder({ model: CROSS_ENCODER_MODEL_ID, modelsDir, batchSize: 1 });
    const three = await loadCrossEncoder({ model: CROSS_ENCODER_MODEL_ID, modelsDir, batchSize: 3 });
    const scores = await three.score(query, passages);
    expect(scores).toHaveLength(7);
    expect(await one.score(query, passages)).toEqual(scores);
    expect(await three.score(query, passages)).toEqual(scores);
    expect(await three.score(query, [])).toEqual([]);
  });
});

describe("chooseReranker", () => {
  it("loads the configured cross-encoder from MODELS_DIR", async () => {
    const { reranker, reason } = await chooseReranker({ config: local(CROSS_ENCODER_MODEL_ID) });
    expect(reason).toBeNull();
    expect(reranker?.modelId).toBe(CROSS_ENCODER_MODEL_ID);
  });

  it.each([
    [null, /^re-ranking is off \(RERANKER=off\)\.$/],
    [
      "Xenova/ms-marco-MiniLM-L-6-v2",
      /^model Xenova\/ms-marco-MiniLM-L-6-v2 is not in .+ and fetching is off \(ALLOW_REMOTE_MODELS=false\); re-ranking is off\. Put its files in /,
    ],
    ["probe/broken", /^cross-encoder probe\/broken could not be loaded from .+ \(.+\); re-ranking is off\.$/],
    [
      "probe/sentence-encoder",
      /^cross-encoder probe\/sentence-encoder could not be loaded from .+ \(.+ has no "logits" output: it is not a sequence classifier\); re-ranking is off\.$/,
    ],
  ])("is off, with one sentence saying why, for %s", async (model, reason) => {
    const choice = await chooseReranker({ config: model ? local(model) : null });
    expect(choice.reranker).toBeNull();
    expect(choice.reason).toMatch(reason);
  });

  it("fetches a missing cross-encoder once from the hub, then uses it", async () => {
    const hub = await startFakeModelHub(modelsDir);
    try {
      const target = mkdtempSync(path.join(tmpdir(), "probe-rerankers-fetched-"));
      const lines: string[] = [];
      const config = { ...local(CROSS_ENCODER_MODEL_ID), modelsDir: target, allowRemote: true, hubUrl: hub.url };
      const { reranker, reason } = await chooseReranker({ config, log: (line) => lines.push(line) });
      expect(reason).toBeNull();
      expect(lines.at(-1)).toMatch(/^fetched probe\/tiny-cross-encoder \(4 files, .+\) into /);
      const [low, high] = (await reranker?.score(query, [unrelated, relevant])) ?? [];
      expect(high).toBeGreaterThan(low as number);
      rmSync(target, { recursive: true, force: true });
    } finally {
      await hub.close();
    }
  });
});
