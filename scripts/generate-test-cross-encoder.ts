/**
 * `npx tsx scripts/generate-test-cross-encoder.ts [DIR]`: writes a tiny BERT-shaped cross-encoder
 * (default `.test-data/models/probe/tiny-cross-encoder`) in the transformers.js local-model layout,
 * beside the tiny sentence encoder of generate-test-model.ts and with the same tokenizer.
 *
 * Why: the re-ranker should run its real path (pair tokenisation with token types, padding,
 * ONNX inference, logits) in tests without downloadable weights. Unlike the sentence encoder,
 * this graph means something: its one logit counts the query's tokens that also occur in the
 * passage, so a passage sharing the query's words outranks one that does not.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  ATTR_INT,
  BERT_INPUTS,
  configJson,
  encodeOnnxModel,
  FLOAT,
  INT64,
  tensorType,
  writeTestModel,
} from "./generate-test-model";

export const CROSS_ENCODER_MODEL_ID = "probe/tiny-cross-encoder";
const HIDDEN_SIZE = 32;

const cast = (name: string, input: string, output: string) => ({
  opType: "Cast",
  name,
  input: [input],
  output: [output],
  attribute: [{ name: "to", type: ATTR_INT, i: FLOAT }],
});
/** Little-endian float32 bytes regardless of host endianness (ONNX raw_data is little-endian). */
function floatBytes(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, value, true);
  return bytes;
}

const op = (opType: string, name: string, input: string[], output: string) => ({
  opType,
  name,
  input,
  output: [output],
});

/**
 * Token types split the pair: 0 marks the query (with [CLS] and its [SEP]), 1 the passage.
 * logits[b] = sum over query positions j of min(1, #passage positions i with ids[i] = ids[j]).
 * The two [SEP] tokens always match, adding the same 1 to every pair.
 */
export function buildCrossEncoderOnnx(): Uint8Array {
  const tokenDims = ["batch_size", "sequence_length"];
  return encodeOnnxModel("Query-token overlap stand-in for a BERT cross-encoder (tests only).", {
    name: "tiny_cross_encoder",
    node: [
      op("Unsqueeze", "ids_column", ["input_ids", "axis_2"], "ids_col"),
      op("Unsqueeze", "ids_row", ["input_ids", "axis_1"], "ids_row"),
      op("Equal", "same_token", ["ids_col", "ids_row"], "same"),
      cast("same_float", "same", "same_f"),
      cast("mask_float", "attention_mask", "mask_f"),
      cast("type_float", "token_type_ids", "type_f"),
      op("Mul", "passage_positions", ["mask_f", "type_f"], "passage"),
      op("Sub", "query_positions", ["mask_f", "passage"], "query"),
      op("Unsqueeze", "passage_column", ["passage", "axis_2"], "passage_col"),
      op("MatMul", "passage_matches", ["same_f", "passage_col"], "matches"),
      op("Min", "found_in_passage", ["matches", "one"], "found"),
      op("Unsqueeze", "query_column", ["query", "axis_2"], "query_col"),
      op("Mul", "query_found", ["found", "query_col"], "covered"),
      {
        ...op("ReduceSum", "logits", ["covered", "axis_1"], "logits"),
        attribute: [{ name: "keepdims", type: ATTR_INT, i: 0 }],
      },
    ],
    initializer: [
      { name: "axis_1", dataType: INT64, dims: [1], int64Data: [1] },
      { name: "axis_2", dataType: INT64, dims: [1], int64Data: [2] },
      { name: "one", dataType: FLOAT, dims: [], rawData: floatBytes(1) },
    ],
    input: BERT_INPUTS.map((name) => ({ name, type: tensorType(INT64, tokenDims) })),
    output: [{ name: "logits", type: tensorType(FLOAT, ["batch_size", 1]) }],
  });
}

/** Writes the tiny cross-encoder in the transformers.js layout: a BERT sequence classifier with one label. */
export function generateTestCrossEncoder(
  dir: string,
  options: { modelId?: string } = {},
): Promise<{ modelId: string; path: string }> {
  const modelId = options.modelId ?? CROSS_ENCODER_MODEL_ID;
  return writeTestModel(dir, modelId, {
    config: (vocabSize) => ({
      ...configJson(modelId, HIDDEN_SIZE, vocabSize),
      architectures: ["BertForSequenceClassification"],
      id2label: { "0": "LABEL_0" },
      label2id: { LABEL_0: 0 },
    }),
    onnx: buildCrossEncoderOnnx(),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  generateTestCrossEncoder(process.argv[2] ?? ".test-data/models")
    .then(({ modelId, path: modelPath }) => console.log(`Wrote ${modelId} to ${modelPath}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
