import { existsSync } from "node:fs";
import path from "node:path";
import type { Embedder } from "./types";

export interface TransformersOptions {
  model: string;
  /** Local models in the transformers.js layout: `<modelsDir>/<model id>/onnx/model*.onnx`. */
  modelsDir: string;
  allowRemote: boolean;
  /** Batch size for feature extraction; bounded so memory stays flat on long corpora. */
  batchSize?: number;
}

/** The local ONNX file decides the dtype: a quantised export is four times smaller and what most users have. */
function chooseDtype(options: TransformersOptions): "fp32" | "q8" {
  const dir = path.join(options.modelsDir, options.model, "onnx");
  if (existsSync(path.join(dir, "model.onnx"))) return "fp32";
  if (existsSync(path.join(dir, "model_quantized.onnx"))) return "q8";
  return options.allowRemote ? "q8" : "fp32";
}

/**
 * Loads a sentence-embedding model through transformers.js: mean pooling over the token
 * vectors and L2 normalisation, as sentence-transformers does. Throws when the model can be
 * neither read from `modelsDir` nor, where allowed, downloaded.
 */
export async function loadTransformersEmbedder(options: TransformersOptions): Promise<Embedder> {
  const { env, pipeline } = await import("@huggingface/transformers");
  env.allowLocalModels = true;
  env.localModelPath = `${options.modelsDir}${path.sep}`;
  env.allowRemoteModels = options.allowRemote;
  // Downloads go next to the local models, never into node_modules.
  env.cacheDir = path.join(options.modelsDir, ".cache");
  const extractor = await pipeline("feature-extraction", options.model, { dtype: chooseDtype(options) });
  const probe = await extractor(["probe"], { pooling: "mean", normalize: true });
  const dimension = probe.dims[1];
  if (typeof dimension !== "number") throw new Error(`model ${options.model} returned no embedding dimension`);
  const batchSize = options.batchSize ?? 32;
  return {
    modelId: options.model,
    dimension,
    kind: "transformers",
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        const batch = texts.slice(i, i + batchSize);
        const output = await extractor(batch, { pooling: "mean", normalize: true });
        const data = output.data as Float32Array;
        for (let row = 0; row < batch.length; row++) {
          vectors.push(data.slice(row * dimension, (row + 1) * dimension));
        }
      }
      return vectors;
    },
  };
}
