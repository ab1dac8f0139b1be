import { existsSync } from "node:fs";
import path from "node:path";

type Transformers = typeof import("@huggingface/transformers");

/** The files every text model here needs besides its ONNX graph. */
export const MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json"] as const;

/**
 * The dtype of the ONNX file in `<modelsDir>/<model>/onnx/`, or null when there is none. The full
 * export wins when both exist; the quantised one is four times smaller and what a fetch brings.
 */
export function localModelDtype(modelsDir: string, model: string): "fp32" | "q8" | null {
  const dir = path.join(modelsDir, model, "onnx");
  if (existsSync(path.join(dir, "model.onnx"))) return "fp32";
  if (existsSync(path.join(dir, "model_quantized.onnx"))) return "q8";
  return null;
}

/** True when `<modelsDir>/<model>/` holds a complete model: a partial fetch does not count. */
export function hasLocalModel(modelsDir: string, model: string): boolean {
  return (
    localModelDtype(modelsDir, model) !== null &&
    MODEL_FILES.every((file) => existsSync(path.join(modelsDir, model, file)))
  );
}

let loading: Promise<unknown> = Promise.resolve();

/**
 * Runs `load` with transformers.js reading from `modelsDir` only. transformers.js keeps its
 * settings in one global `env`, so loads are queued to keep two model directories from mixing.
 * Remote loading stays off: fetching is ours (see model-hub.ts), so a load never touches the network.
 */
export function withLocalTransformers<T>(
  modelsDir: string,
  load: (transformers: Transformers) => Promise<T>,
): Promise<T> {
  const run = loading.then(async () => {
    const transformers = await import("@huggingface/transformers");
    const { env } = transformers;
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = `${modelsDir}${path.sep}`;
    // Nothing is downloaded through transformers.js, so its file cache would only add lookups.
    env.useFSCache = false;
    return load(transformers);
  });
  loading = run.catch(() => undefined);
  return run;
}
