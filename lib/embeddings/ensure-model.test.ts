import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ModelConfig } from "@/lib/env";
import { DEFAULT_MODEL_ID, generateTestModel } from "@/scripts/generate-test-model";
import { ensureLocalModel } from "./ensure-model";
import { chooseEmbedder } from "./get-embedder";
import { closedPortUrl, type FakeModelHub, startFakeModelHub, startSilentServer } from "./testing/fake-model-hub";

let root: string;
let hubFiles: string;
let hub: FakeModelHub;
/** A fresh, empty MODELS_DIR. */
const emptyModelsDir = () => mkdtempSync(path.join(root, "models-"));

const config = (overrides: Partial<ModelConfig>): ModelConfig => ({
  model: DEFAULT_MODEL_ID,
  modelsDir: emptyModelsDir(),
  allowRemote: true,
  hubUrl: hub.url,
  ...overrides,
});

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "probe-fetch-"));
  hubFiles = path.join(root, "hub");
  await generateTestModel(hubFiles);
  // A model whose ONNX export is missing on the hub.
  await generateTestModel(hubFiles, { modelId: "probe/no-onnx" });
  rmSync(path.join(hubFiles, "probe/no-onnx/onnx"), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A new hub (so a new URL) per test: reachability answers are kept per hub URL for the life of the process.
beforeEach(async () => {
  hub = await startFakeModelHub(hubFiles);
});
afterEach(() => hub.close());

describe("fetching a missing model", () => {
  it("fetches it from the hub into MODELS_DIR with progress lines, then later loads it with no request", async () => {
    const modelsDir = emptyModelsDir();
    const lines: string[] = [];
    const first = await chooseEmbedder({ config: config({ modelsDir }), dimension: 384, log: (l) => lines.push(l) });

    expect(first.fallbackReason).toBeNull();
    expect(first.embedder).toMatchObject({ kind: "transformers", modelId: DEFAULT_MODEL_ID });
    const modelDir = path.join(modelsDir, DEFAULT_MODEL_ID);
    expect(readdirSync(modelDir, { recursive: true }).sort()).toEqual([
      "config.json",
      "onnx",
      "onnx/model.onnx",
      "tokenizer.json",
      "tokenizer_config.json",
    ]);
    const base = `/${DEFAULT_MODEL_ID}/resolve/main`;
    expect(hub.requests).toEqual([
      { method: "HEAD", path: "/" },
      { method: "GET", path: `${base}/config.json` },
      { method: "GET", path: `${base}/tokenizer.json` },
      { method: "GET", path: `${base}/tokenizer_config.json` },
      // The quantised export is asked for first; this hub only has the full one.
      { method: "GET", path: `${base}/onnx/model_quantized.onnx` },
      { method: "GET", path: `${base}/onnx/model.onnx` },
    ]);
    expect(lines[0]).toBe(`model ${DEFAULT_MODEL_ID} is not in ${modelsDir}; fetching it once from ${hub.url}`);
    const onnxLines = lines.filter((l) => l.includes("onnx/model.onnx"));
    expect(onnxLines.length).toBeGreaterThan(1);
    expect(onnxLines.length).toBeLessThanOrEqual(11);
    expect(onnxLines.at(-1)).toMatch(/^fetching probe\/tiny-minilm: onnx\/model\.onnx 100% of 3\d\d\.\d kB$/);
    expect(lines.at(-1)).toMatch(/^fetched probe\/tiny-minilm \(4 files, \d+\.\d kB\) into /);

    // The fetched copy is the hub's model, byte for byte: it embeds exactly as the original does.
    const original = await chooseEmbedder({
      config: config({ modelsDir: hubFiles, allowRemote: false }),
      dimension: 384,
    });
    const [a] = await first.embedder.embed(["position bias in click logs"]);
    const [b] = await original.embedder.embed(["position bias in click logs"]);
    expect(Array.from(a as Float32Array)).toEqual(Array.from(b as Float32Array));

    hub.requests.length = 0;
    const second = await chooseEmbedder({ config: config({ modelsDir }), dimension: 384, log: (l) => lines.push(l) });
    expect(second.fallbackReason).toBeNull();
    expect(second.embedder.kind).toBe("transformers");
    expect(hub.requests).toEqual([]);
  });

  it("leaves nothing that looks like a model when the hub lacks a file", async () => {
    const modelsDir = emptyModelsDir();
    const result = await ensureLocalModel({ config: config({ model: "probe/no-onnx", modelsDir }) });
    expect(result).toEqual({
      available: false,
      why: `model probe/no-onnx could not be fetched from ${hub.url} (the hub has neither onnx/model_quantized.onnx nor onnx/model.onnx for probe/no-onnx)`,
      remedy: "Set ALLOW_REMOTE_MODELS=false to stop trying.",
    });
    // Fetched files keep their temporary names until the whole model is there, and are removed on failure.
    expect(existsSync(path.join(modelsDir, "probe/no-onnx"))).toBe(true);
    expect(readdirSync(path.join(modelsDir, "probe/no-onnx"))).toEqual([]);
  });

  it("asks whether a hub can be reached once per process, however many models are missing", async () => {
    await ensureLocalModel({ config: config({ model: "probe/absent-one" }) });
    await ensureLocalModel({ config: config({ model: "probe/absent-two" }) });
    expect(hub.requests.filter((r) => r.path === "/")).toHaveLength(1);
  });

  it("requests nothing when fetching is off", async () => {
    const { embedder, fallbackReason } = await chooseEmbedder({
      config: config({ allowRemote: false }),
      dimension: 384,
    });
    expect(embedder.kind).toBe("fallback");
    expect(fallbackReason).toMatch(/fetching is off \(ALLOW_REMOTE_MODELS=false\)/);
    expect(hub.requests).toEqual([]);
  });
});

describe("a hub that cannot be reached", () => {
  it("falls back at once, with one sentence and no progress lines, when the port is closed", async () => {
    const hubUrl = await closedPortUrl();
    const lines: string[] = [];
    const started = performance.now();
    const { embedder, fallbackReason } = await chooseEmbedder({
      config: config({ hubUrl }),
      dimension: 384,
      log: (l) => lines.push(l),
    });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(embedder.kind).toBe("fallback");
    expect(fallbackReason).toMatch(
      new RegExp(
        `^the model hub at ${hubUrl.replaceAll(".", "\\.")} cannot be reached \\(connect ECONNREFUSED [^)]+\\); using the built-in fallback embedder \\(probe/hashed-ngrams-v1@[0-9a-f]+\\)\\. Set ALLOW_REMOTE_MODELS=false to stop trying\\.$`,
      ),
    );
    expect(lines).toEqual([]);
  });

  it("gives up after the timeout when the hub accepts connections but never answers", async () => {
    const silent = await startSilentServer();
    try {
      const started = performance.now();
      const result = await ensureLocalModel({ config: config({ hubUrl: silent.url }), hubTimeoutMs: 300 });
      expect(performance.now() - started).toBeLessThan(2000);
      expect(result).toMatchObject({
        available: false,
        why: `the model hub at ${silent.url} cannot be reached (no answer within 0.3 s)`,
      });
    } finally {
      await silent.close();
    }
  });
});
