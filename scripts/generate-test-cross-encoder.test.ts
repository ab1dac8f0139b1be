/**
 * Loads the generated cross-encoder through transformers.js's own text-classification pipeline,
 * so a change in transformers.js's file layout or pair handling breaks here first.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { env, pipeline } from "@huggingface/transformers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CROSS_ENCODER_MODEL_ID, generateTestCrossEncoder } from "./generate-test-cross-encoder";

let root = "";

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "probe-test-cross-encoder-"));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("generateTestCrossEncoder", () => {
  it("writes a one-label BERT sequence classifier in the transformers.js layout, deterministically", async () => {
    const a = await generateTestCrossEncoder(path.join(root, "a"));
    const b = await generateTestCrossEncoder(path.join(root, "b"));
    expect(a.modelId).toBe(CROSS_ENCODER_MODEL_ID);
    const files = (await readdir(a.path, { recursive: true })).sort();
    expect(files).toEqual(["config.json", "onnx", "onnx/model.onnx", "tokenizer.json", "tokenizer_config.json"]);
    const config = JSON.parse(await readFile(path.join(a.path, "config.json"), "utf8"));
    expect(config).toMatchObject({ model_type: "bert", architectures: ["BertForSequenceClassification"] });
    expect(Object.keys(config.id2label)).toHaveLength(1);
    for (const file of files.filter((f) => f.includes("."))) {
      expect((await readFile(path.join(a.path, file))).equals(await readFile(path.join(b.path, file))), file).toBe(
        true,
      );
    }
  });

  it("counts the query's tokens found in the passage, read through the real text-classification pipeline", async () => {
    const dir = path.join(root, "models");
    await generateTestCrossEncoder(dir);
    env.allowRemoteModels = false;
    env.localModelPath = `${dir}/`;
    env.useFSCache = false;
    const classifier = await pipeline("text-classification", CROSS_ENCODER_MODEL_ID, { dtype: "fp32" });
    const inputs = classifier.tokenizer(["feature store latency", "feature store latency"], {
      text_pair: ["the feature store", "ranking model training"],
      padding: true,
      truncation: true,
    });
    const { logits } = await classifier.model(inputs);
    expect(logits.dims).toEqual([2, 1]);
    // "feature" and "store" occur in the first passage, none of the query's words in the second; [SEP] adds 1 to both.
    expect(Array.from(logits.data as Float32Array)).toEqual([3, 1]);
    await classifier.dispose();
  });
});
