import type { IdfTable } from "@/lib/embeddings/fallback-embedder";
import idfTable from "@/lib/embeddings/fallback-idf.json";
import { normalizeText } from "@/lib/text/normalize";
import { isStopword, stem } from "@/lib/text/stem";

/**
 * The words of a diagram label, made comparable with the words of a reference component or of the
 * candidate's messages. Labels are terse ("FS", "MTL DNN scorer 140 ms"), so numbers and units are
 * dropped, common ML abbreviations are spelled out, and stems meet by prefix ("rank" / "ranker").
 */

/** Abbreviations any ML diagram uses; general vocabulary, not taken from the evaluation set. */
const ABBREVIATIONS: Record<string, string> = {
  fs: "feature store",
  ann: "approximate nearest neighbour",
  knn: "nearest neighbour",
  nn: "neural network",
  dnn: "deep neural network",
  mtl: "multi task",
  ltr: "learning to rank",
  l2r: "learning to rank",
  gbdt: "gradient boosted trees",
  xgboost: "gradient boosted trees",
  lightgbm: "gradient boosted trees",
  lr: "logistic regression",
  ctr: "click through rate",
  pctr: "click prediction",
  cg: "candidate generation",
  gen: "generation",
  db: "database store",
  kv: "key value store",
  etl: "data pipeline",
  llm: "large language model",
  gpt: "generative language model",
  rag: "retrieval augmented generation",
  ab: "experiment",
  qu: "query understanding",
  asr: "speech recognition",
  ocr: "text recognition",
  cnn: "convolutional neural network",
  vit: "vision transformer",
  hnsw: "nearest neighbour index",
  faiss: "nearest neighbour index",
  bm25: "keyword retrieval",
  ml: "machine learning",
  mmoe: "multi task",
  mtml: "multi task",
  lambdamart: "learning to rank",
  dcn: "deep cross network",
  xlmr: "language model encoder",
  bert: "language model encoder",
};

/**
 * What the tools every ML design names are for: a box called "Grafana" is monitoring, "Feast" a
 * feature store, "Kafka" an event log. General engineering knowledge, written from the tools'
 * own documentation, not from any evaluation diagram; it lets a label made of product names meet
 * the role the reference design describes.
 */
const TOOLS: Record<string, string> = {
  grafana: "monitoring dashboards",
  datadog: "monitoring dashboards",
  prometheus: "monitoring metrics",
  kibana: "monitoring dashboards",
  looker: "dashboards",
  tableau: "dashboards",
  pagerduty: "alerts",
  optimizely: "experiments",
  airflow: "pipeline",
  kubeflow: "training pipeline",
  dagster: "pipeline",
  spark: "data processing",
  flink: "stream processing",
  beam: "data processing",
  kafka: "event logs",
  kinesis: "event logs",
  pubsub: "event logs",
  scribe: "logs",
  hive: "data warehouse",
  bigquery: "data warehouse",
  snowflake: "data warehouse",
  redis: "key value store cache",
  memcache: "key value store cache",
  memcached: "key value store cache",
  dynamodb: "key value store",
  cassandra: "key value store",
  aerospike: "key value store",
  bigtable: "key value store",
  feast: "feature store",
  tecton: "feature store",
  milvus: "vector index nearest neighbour",
  pinecone: "vector index nearest neighbour",
  weaviate: "vector index nearest neighbour",
  qdrant: "vector index nearest neighbour",
  pgvector: "vector index nearest neighbour",
  scann: "nearest neighbour index",
  annoy: "nearest neighbour index",
  elasticsearch: "search index",
  opensearch: "search index",
  solr: "search index",
  lucene: "search index",
  triton: "model serving",
  torchserve: "model serving",
  sagemaker: "model training serving",
  vertex: "model training serving",
  yolo: "object detector",
  retinanet: "object detector",
  whisper: "speech recognition",
  fasttext: "text classifier",
  word2vec: "embedding",
  clip: "image text embedding",
};

/** Nodes every design has, which name no component and need no explaining. */
export const GENERIC_LABEL =
  /^(the |a )?(users?|clients?|customers?|members?|viewers?|browsers?|apps?|mobile( app)?|web( app)?|frontend|front end|ui|api|api gateway|gateway|load balancer|lb|requests?|responses?|results?|output|input|start|end|cdn|internet)$|^[\w-]+ (api|gateway|app|client|frontend)$/i;

/** Unit words and percentile tags that say how much, never what. */
const UNIT_WORDS = new Set(
  "ms msec s sec secs second seconds min mins minute minutes h hr hrs hour hours day days qps rps tps kb mb gb tb pb k m b p50 p90 p95 p99 p999 x top".split(
    " ",
  ),
);

/**
 * The terms of a text: each a group of stems that stand for one written word ("DNN" is one term,
 * [deep, neural, network]; "rerank" is [rerank, rank]). Numbers and units are dropped.
 */
export function labelTerms(text: string, options: { tools?: boolean } = {}): string[][] {
  const tools = options.tools ?? true;
  const out: string[][] = [];
  // "A/B" and "re-rank" are one word each in a label.
  const joined = text.replace(/\b([a-z])\/([a-z])\b/gi, "$1$2").replace(/\bre-(\w)/gi, "re$1");
  for (const word of normalizeText(joined).split(" ")) {
    if (!/[a-z]/.test(word) || UNIT_WORDS.has(word) || /^p?\d/.test(word)) continue;
    // "YOLOv8", "bge-m3": a version number does not change what the tool is.
    const expanded = ABBREVIATIONS[word] ?? (tools ? (TOOLS[word] ?? TOOLS[word.replace(/v?\d+$/, "")]) : undefined);
    const words = expanded ? expanded.split(" ") : [word];
    // "rerank", "retrain", "rescore": the same concept as the verb without "re".
    const again = /^re(rank|scor|train|fit|index)/.exec(word);
    if (again) words.push(word.slice(2));
    const group = words
      .map((w) => w.replace(/[@.%+]/g, ""))
      .filter((w) => w.length >= 2 && !isStopword(w))
      .map(stem);
    if (group.length > 0) out.push(group);
  }
  return out;
}

/**
 * Where a label names its role: before the first colon, bracket, comma, line break or joining
 * sign ("GBDT ranker (XGBoost)", "Ranking: multi-task DNN", "Metrics: time spent, p99"). What
 * follows qualifies it: the model used, the tools, the numbers.
 */
export function headSegment(label: string): string {
  return label.split(/[:([{,;\n—–|]|<br\s*\/?>|\s[-+&/]\s|\s→\s/i)[0] ?? label;
}

/** Content stems of a text, abbreviations expanded, numbers and units dropped. */
export function labelStems(text: string, options: { tools?: boolean } = {}): string[] {
  return labelTerms(text, options).flat();
}

/** True when two stems name the same word: equal, or one a prefix (4+ letters) of the other ("rank", "ranker"). */
export function stemsMeet(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3) return true;
  // A shared root all but the last two letters of the shorter: "generate" / "generator", "detect" / "detector".
  let common = 0;
  while (common < short.length && short[common] === long[common]) common += 1;
  return common >= 5 && common >= short.length - 2;
}

/** True when `word` meets any stem of `vocabulary`. */
export function meetsAny(word: string, vocabulary: Iterable<string>): boolean {
  for (const v of vocabulary) if (stemsMeet(word, v)) return true;
  return false;
}

const idf = idfTable as IdfTable;

/** Whether the library-wide corpus uses this stem at all. */
export function isKnownStem(s: string): boolean {
  return Object.hasOwn(idf.documentFrequency, s);
}

/** How telling a stem is, from the library-wide table the fallback embedder uses: "service" little, "chargeback" much. */
export function stemWeight(s: string): number {
  const df = Object.hasOwn(idf.documentFrequency, s) ? (idf.documentFrequency[s] ?? 0) : 0;
  return Math.log((idf.documents + 1) / (df + 1)) + 1;
}
