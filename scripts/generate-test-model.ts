/**
 * `npx tsx scripts/generate-test-model.ts [DIR]`: writes a tiny BERT-shaped embedding model
 * (default `.test-data/models/probe/tiny-minilm`) in the transformers.js local-model layout.
 *
 * Why: real weights cannot be downloaded in CI or offline, yet the embedding code should run its
 * real path (local load, WordPiece tokenisation, ONNX inference, mean pooling, normalisation)
 * everywhere. The "model" is a lookup table, so vectors carry no meaning, but shapes, file names
 * and tensor names match all-MiniLM-L6-v2. Output is byte-for-byte deterministic so tests and
 * caches can rely on it.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { mulberry32 } from "@/lib/pipelines/random";

export const DEFAULT_MODEL_ID = "probe/tiny-minilm";
export const DEFAULT_DIMENSION = 384;
/** Rows in the embedding table; token ids are taken modulo this to keep the file well under 1 MB. */
const TABLE_ROWS = 256;
const SEED = 0x5eed_1e55;
const MAX_WORDS = 4000;
const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;
const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];
/** A few words that must be whole tokens even if the scenario files change or are absent. */
const CORE_WORDS =
  "the of and to in is for on that with as by this be are from or an it at model data user users system training features feature embedding embeddings latency search ranking recommendation".split(
    " ",
  );

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const SCENARIOS_DIR = path.resolve(SCRIPT_DIR, "../scenarios");

/**
 * Subset of onnx.proto (same field numbers) covering what this graph needs. Enums are declared as
 * int32, which has the same wire encoding, to keep the schema short.
 */
const ONNX_PROTO = `
syntax = "proto3";
package onnx;
message AttributeProto { string name = 1; float f = 2; int64 i = 3; bytes s = 4; repeated int64 ints = 8; int32 type = 20; }
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message NodeProto { repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4; repeated AttributeProto attribute = 5; }
message TensorProto { repeated int64 dims = 1; int32 data_type = 2; repeated int64 int64_data = 7; string name = 8; bytes raw_data = 9; }
message TensorShapeProto { message Dimension { int64 dim_value = 1; string dim_param = 2; } repeated Dimension dim = 1; }
message TypeProto { message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; } Tensor tensor_type = 1; }
message GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5; repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message ModelProto { int64 ir_version = 1; string producer_name = 2; string producer_version = 3; int64 model_version = 5; string doc_string = 6; GraphProto graph = 7; repeated OperatorSetIdProto opset_import = 8; }
`;

export const FLOAT = 1;
export const INT64 = 7;
export const ATTR_INT = 2;
/** The inputs transformers.js feeds a BERT-type model. */
export const BERT_INPUTS = ["input_ids", "attention_mask", "token_type_ids"] as const;

/** Little-endian float32 bytes regardless of host endianness (ONNX raw_data is little-endian). */
function tableBytes(rows: number, dimension: number): Uint8Array {
  const random = mulberry32(SEED);
  const bytes = new Uint8Array(rows * dimension * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < rows * dimension; i++) view.setFloat32(i * 4, random() * 2 - 1, true);
  return bytes;
}

export function tensorType(elemType: number, dims: Array<string | number>) {
  return {
    tensorType: {
      elemType,
      shape: { dim: dims.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
    },
  };
}

/**
 * last_hidden_state = Gather(table, input_ids mod R) + Unsqueeze(float(attention_mask + token_type_ids) * 0).
 * The second term is always zero; it exists so every input transformers.js feeds is consumed.
 */
export function buildOnnxModel(dimension: number): Uint8Array {
  const tokenDims = ["batch_size", "sequence_length"];
  return encodeOnnxModel("Deterministic lookup-table stand-in for a BERT sentence encoder (tests only).", {
    name: "tiny_bert",
    node: [
      { opType: "Mod", name: "mod", input: ["input_ids", "table_rows"], output: ["row_ids"] },
      {
        opType: "Gather",
        name: "gather",
        input: ["embedding_table", "row_ids"],
        output: ["token_vectors"],
        attribute: [{ name: "axis", type: ATTR_INT, i: 0 }],
      },
      { opType: "Add", name: "mask_plus_type", input: ["attention_mask", "token_type_ids"], output: ["side_ids"] },
      {
        opType: "Cast",
        name: "side_float",
        input: ["side_ids"],
        output: ["side_values"],
        attribute: [{ name: "to", type: ATTR_INT, i: FLOAT }],
      },
      { opType: "Mul", name: "side_zero", input: ["side_values", "zero"], output: ["side_zeroed"] },
      { opType: "Unsqueeze", name: "side_3d", input: ["side_zeroed", "last_axis"], output: ["side_offset"] },
      { opType: "Add", name: "output", input: ["token_vectors", "side_offset"], output: ["last_hidden_state"] },
    ],
    initializer: [
      { name: "table_rows", dataType: INT64, dims: [], int64Data: [TABLE_ROWS] },
      { name: "last_axis", dataType: INT64, dims: [1], int64Data: [-1] },
      { name: "zero", dataType: FLOAT, dims: [], rawData: new Uint8Array(4) },
      {
        name: "embedding_table",
        dataType: FLOAT,
        dims: [TABLE_ROWS, dimension],
        rawData: tableBytes(TABLE_ROWS, dimension),
      },
    ],
    input: BERT_INPUTS.map((name) => ({ name, type: tensorType(INT64, tokenDims) })),
    output: [{ name: "last_hidden_state", type: tensorType(FLOAT, [...tokenDims, dimension]) }],
  });
}

/** Encodes an ONNX graph (opset 17) as a model file, with the fields this generator always sets. */
export function encodeOnnxModel(docString: string, graph: object): Uint8Array {
  const Model = protobuf.parse(ONNX_PROTO, { keepCase: false }).root.lookupType("onnx.ModelProto");
  const model = {
    irVersion: 8,
    producerName: "probe/generate-test-model",
    producerVersion: "1",
    modelVersion: 1,
    docString,
    opsetImport: [{ domain: "", version: 17 }],
    graph,
  };
  return Model.encode(Model.fromObject(model)).finish();
}

/** Most frequent words (2+ letters) in the scenario files, ties broken alphabetically. */
async function scenarioWords(): Promise<string[]> {
  const files = (await readdir(SCENARIOS_DIR).catch(() => [] as string[])).filter((f) => f.endsWith(".yaml")).sort();
  const counts = new Map<string, number>();
  for (const file of files) {
    const text = (await readFile(path.join(SCENARIOS_DIR, file), "utf8")).toLowerCase();
    for (const word of text.match(/[a-z]{2,}/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_WORDS)
    .map(([word]) => word);
}

/** Vocab: specials, punctuation, single characters and their `##` forms (so any ASCII word tokenises), then words. */
export async function buildVocab(): Promise<Record<string, number>> {
  const chars = [..."0123456789abcdefghijklmnopqrstuvwxyz"];
  const words = [...new Set([...CORE_WORDS, ...(await scenarioWords())])].sort();
  const tokens = [...new Set([...SPECIAL_TOKENS, ...PUNCTUATION, ...chars, ...chars.map((c) => `##${c}`), ...words])];
  return Object.fromEntries(tokens.map((token, id) => [token, id]));
}

export function tokenizerJson(vocab: Record<string, number>) {
  const id = (token: string) => vocab[token] ?? 0;
  const special = (token: string) => ({ id: token, ids: [id(token)], tokens: [token] });
  const piece = (token: string, typeId: number) => ({ SpecialToken: { id: token, type_id: typeId } });
  const sequence = (seq: "A" | "B", typeId: number) => ({ Sequence: { id: seq, type_id: typeId } });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [piece("[CLS]", 0), sequence("A", 0), piece("[SEP]", 0)],
      pair: [piece("[CLS]", 0), sequence("A", 0), piece("[SEP]", 0), sequence("B", 1), piece("[SEP]", 1)],
      special_tokens: { "[CLS]": special("[CLS]"), "[SEP]": special("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

export function configJson(modelId: string, dimension: number, vocabSize: number) {
  return {
    _name_or_path: modelId,
    architectures: ["BertModel"],
    model_type: "bert",
    hidden_size: dimension,
    num_hidden_layers: 1,
    num_attention_heads: dimension % 12 === 0 ? 12 : 1,
    intermediate_size: dimension * 4,
    hidden_act: "gelu",
    hidden_dropout_prob: 0,
    attention_probs_dropout_prob: 0,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: vocabSize,
    layer_norm_eps: 1e-12,
    initializer_range: 0.02,
    pad_token_id: 0,
    position_embedding_type: "absolute",
    torch_dtype: "float32",
  };
}

const TOKENIZER_CONFIG = {
  tokenizer_class: "BertTokenizer",
  do_lower_case: true,
  do_basic_tokenize: true,
  tokenize_chinese_chars: true,
  strip_accents: null,
  model_max_length: 512,
  clean_up_tokenization_spaces: true,
  pad_token: "[PAD]",
  unk_token: "[UNK]",
  cls_token: "[CLS]",
  sep_token: "[SEP]",
  mask_token: "[MASK]",
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes `<dir>/<modelId>/{config.json,tokenizer.json,tokenizer_config.json,onnx/model.onnx}`:
 * the shared WordPiece tokenizer, the config `config(vocabSize)` returns, and the ONNX graph.
 */
export async function writeTestModel(
  dir: string,
  modelId: string,
  { config, onnx }: { config: (vocabSize: number) => object; onnx: Uint8Array },
): Promise<{ modelId: string; path: string }> {
  if (modelId.split("/").some((part) => part === "" || part === "." || part === "..")) {
    throw new Error(`invalid modelId: ${modelId}`);
  }
  const modelDir = path.resolve(dir, modelId);
  await mkdir(path.join(modelDir, "onnx"), { recursive: true });
  const vocab = await buildVocab();
  await writeFile(path.join(modelDir, "config.json"), json(config(Object.keys(vocab).length)));
  await writeFile(path.join(modelDir, "tokenizer.json"), json(tokenizerJson(vocab)));
  await writeFile(path.join(modelDir, "tokenizer_config.json"), json(TOKENIZER_CONFIG));
  await writeFile(path.join(modelDir, "onnx", "model.onnx"), onnx);
  return { modelId, path: modelDir };
}

/** Writes the tiny sentence encoder (see the file comment) in the transformers.js layout. */
export async function generateTestModel(
  dir: string,
  options: { modelId?: string; dimension?: number } = {},
): Promise<{ modelId: string; path: string }> {
  const modelId = options.modelId ?? DEFAULT_MODEL_ID;
  const dimension = options.dimension ?? DEFAULT_DIMENSION;
  if (!Number.isInteger(dimension) || dimension < 1) throw new Error("dimension must be a positive integer");
  return writeTestModel(dir, modelId, {
    config: (vocabSize) => configJson(modelId, dimension, vocabSize),
    onnx: buildOnnxModel(dimension),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? ".test-data/models";
  generateTestModel(dir)
    .then(({ modelId, path: modelPath }) => console.log(`Wrote ${modelId} to ${modelPath}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
