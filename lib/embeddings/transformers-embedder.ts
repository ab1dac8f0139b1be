import path from "node:path";
import { localModelDtype, withLocalTransformers } from "./local-model";
import type { Embedder } from "./types";

export interface TransformersOptions {
  model: string;
  /** Local models in the transformers.js layout: `<modelsDir>/<model id>/onnx/model*.onnx`. */
  modelsDir: string;
  /** Batch size for feature extraction; bounded so memory stays flat on long corpora. */
  batchSize?: number;
}

/**
 * Loads a sentence-embedding model from `modelsDir` through transformers.js: mean pooling over
 * the token vectors and L2 normalisation, as sentence-transformers does. Throws when the model
 * cannot be read; fetching it is ensureLocalModel's job, never this one's.
 */
export async function loadTransformersEmbedder(options: TransformersOptions): Promise<Embedder> {
  const dtype = localModelDtype(options.modelsDir, options.model);
  if (!dtype) throw new Error(`no ONNX file in ${path.join(options.modelsDir, options.model, "onnx")}`);
  const extractor = await withLocalTransformers(options.modelsDir, ({ pipeline }) =>
    pipeline("feature-extraction", options.model, { dtype }),
  );
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
