import path from "node:path";
import { localModelDtype, withLocalTransformers } from "./local-model";
import type { Reranker } from "./types";

export interface CrossEncoderOptions {
  model: string;
  /** Local models in the transformers.js layout: `<modelsDir>/<model id>/onnx/model*.onnx`. */
  modelsDir: string;
  /** Query-passage pairs per forward pass; bounded so memory stays flat on long candidate lists. */
  batchSize?: number;
}

/**
 * Loads a cross-encoder (a sequence-classification model such as ms-marco-MiniLM) from
 * `modelsDir`: each (query, passage) pair is read together and its relevance logit is the score.
 * A model with one output takes that logit; one with two takes relevant minus not relevant.
 * Throws when the model cannot be read or has another number of outputs.
 */
export async function loadCrossEncoder(options: CrossEncoderOptions): Promise<Reranker> {
  const dtype = localModelDtype(options.modelsDir, options.model);
  if (!dtype) throw new Error(`no ONNX file in ${path.join(options.modelsDir, options.model, "onnx")}`);
  const { tokenizer, classifier } = await withLocalTransformers(options.modelsDir, async (transformers) => ({
    tokenizer: await transformers.AutoTokenizer.from_pretrained(options.model),
    classifier: await transformers.AutoModelForSequenceClassification.from_pretrained(options.model, { dtype }),
  }));

  const logitsOf = async (query: string, passages: string[]) => {
    const inputs = tokenizer(
      passages.map(() => query),
      { text_pair: passages, padding: true, truncation: true },
    );
    const { logits } = await classifier(inputs);
    if (!logits) throw new Error(`model ${options.model} has no "logits" output: it is not a sequence classifier`);
    return { data: logits.data as Float32Array, labels: Number(logits.dims[1]) };
  };

  const { labels } = await logitsOf("probe", ["probe"]);
  if (labels !== 1 && labels !== 2) {
    throw new Error(
      `model ${options.model} has ${labels} outputs; a cross-encoder has one (or two: not relevant, relevant)`,
    );
  }
  const batchSize = options.batchSize ?? 16;
  return {
    modelId: options.model,
    async score(query, passages) {
      const scores: number[] = [];
      for (let i = 0; i < passages.length; i += batchSize) {
        const { data } = await logitsOf(query, passages.slice(i, i + batchSize));
        for (let row = 0; row < data.length / labels; row++) {
          const relevant = data[row * labels + labels - 1] ?? Number.NaN;
          scores.push(labels === 1 ? relevant : relevant - (data[row * labels] ?? Number.NaN));
        }
      }
      return scores;
    },
  };
}
