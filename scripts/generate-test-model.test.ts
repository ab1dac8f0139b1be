/**
 * Loads the generated model through the real transformers.js pipeline, exactly as the app does,
 * so a change in transformers.js's file layout or input handling breaks here rather than in CI
 * jobs that depend on the test model.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { env, pipeline } from "@huggingface/transformers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DIMENSION, DEFAULT_MODEL_ID, generateTestModel } from "./generate-test-model";

let root = "";

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "probe-test-model-"));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Relative path -> bytes for every file under `dir`, for byte-level comparison. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full));
  }
  return files;
}

function norm(row: number[]): number {
  return Math.sqrt(row.reduce((sum, x) => sum + x * x, 0));
}

describe("generateTestModel", () => {
  it("writes the transformers.js local layout", async () => {
    const { modelId, path: modelPath } = await generateTestModel(path.join(root, "layout"));
    expect(modelId).toBe(DEFAULT_MODEL_ID);
    const files = [...(await snapshot(modelPath)).keys()].sort();
    expect(files).toEqual(["config.json", "onnx/model.onnx", "tokenizer.json", "tokenizer_config.json"]);
    const config = JSON.parse(await readFile(path.join(modelPath, "config.json"), "utf8"));
    expect(config).toMatchObject({ model_type: "bert", hidden_size: DEFAULT_DIMENSION });
    const model = await readFile(path.join(modelPath, "onnx", "model.onnx"));
    expect(model.length).toBeLessThan(1024 * 1024);
  });

  it("is byte-for-byte deterministic", async () => {
    const a = await snapshot((await generateTestModel(path.join(root, "a"))).path);
    const b = await snapshot((await generateTestModel(path.join(root, "b"))).path);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name) ?? Buffer.alloc(0)), name).toBe(true);
  });

  it("embeds text through the real transformers.js pipeline", async () => {
    const dir = path.join(root, "models");
    await generateTestModel(dir);
    env.allowRemoteModels = false;
    env.localModelPath = `${dir}/`;
    env.cacheDir = path.join(root, "cache");

    const started = performance.now();
    const extractor = await pipeline("feature-extraction", DEFAULT_MODEL_ID, { dtype: "fp32" });
    const loaded = performance.now();
    const out = await extractor(["a sentence", "another one"], { pooling: "mean", normalize: true });
    const embedded = performance.now();
    console.log(`load ${(loaded - started).toFixed(0)} ms, embed ${(embedded - loaded).toFixed(0)} ms`);

    expect(out.dims).toEqual([2, DEFAULT_DIMENSION]);
    const rows = out.tolist() as number[][];
    for (const row of rows) expect(Math.abs(norm(row) - 1)).toBeLessThan(1e-5);
    const [first, second] = rows;
    expect(first).not.toEqual(second);

    const again = await extractor(["a sentence"], { pooling: "mean", normalize: true });
    expect((again.tolist() as number[][])[0]).toEqual(first);

    // Tokenisation is real WordPiece: known words stay whole, unknown words fall back to ## pieces.
    const tokens = extractor.tokenizer.tokenize("Feature store latency zqx!", { add_special_tokens: true });
    expect(tokens).toEqual(["[CLS]", "feature", "store", "latency", "z", "##q", "##x", "!", "[SEP]"]);
    await extractor.dispose();
  });
});
