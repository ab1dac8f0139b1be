/**
 * Abbreviations of the field and their spelled-out forms, as any glossary of machine learning,
 * search and ads gives them: the only vocabulary of the search written by hand. It holds no
 * paraphrases or plain-language descriptions, which would be written from the queries one
 * tests with; ambiguous short forms that are also common words ("map", "lr") are left out.
 *
 * Where the search's other words come from: the BM25 index and the embeddings are built from
 * the passages table (the library's case-study passages), and the terms added to a query by
 * RM3 feedback (feedback-terms.ts) are read from the passages the query itself finds first.
 * Expansion built from the library's rubrics (their titles, "earns" and evidence, as query
 * feedback or as extra passage text) was measured on the tuning set and lowered hit@5, so
 * the search does not use it.
 */
export const ABBREVIATION_GROUPS: string[][] = [
  ["ann", "approximate nearest neighbour", "approximate nearest neighbor"],
  ["knn", "k nearest neighbours", "k nearest neighbors"],
  ["hnsw", "hierarchical navigable small world"],
  ["ivf", "inverted file index"],
  ["pq", "product quantization", "product quantisation"],
  ["ctr", "click-through rate"],
  ["cvr", "conversion rate"],
  ["cpc", "cost per click"],
  ["cpm", "cost per mille"],
  ["ne", "normalized entropy", "normalised entropy"],
  ["ltr", "learning to rank"],
  ["ndcg", "normalized discounted cumulative gain", "normalised discounted cumulative gain"],
  ["mrr", "mean reciprocal rank"],
  ["auprc", "pr-auc", "area under the precision-recall curve"],
  ["auc", "roc-auc", "area under the curve"],
  ["roc", "receiver operating characteristic"],
  ["fpr", "false positive rate"],
  ["tpr", "true positive rate"],
  ["logloss", "log loss"],
  ["tf-idf", "term frequency inverse document frequency"],
  ["ttft", "time to first token"],
  ["kv cache", "key-value cache"],
  ["gbdt", "gradient boosted decision trees", "gradient boosted trees"],
  ["sgd", "stochastic gradient descent"],
  ["dnn", "deep neural network"],
  ["cnn", "convolutional neural network"],
  ["rnn", "recurrent neural network"],
  ["gnn", "graph neural network"],
  ["llm", "large language model"],
  ["rag", "retrieval-augmented generation"],
  ["a/b test", "ab test"],
  ["dau", "daily active users"],
  ["mau", "monthly active users"],
  ["ltv", "lifetime value"],
  ["gmv", "gross merchandise value"],
  ["qps", "queries per second"],
  ["rps", "requests per second"],
  ["p99", "99th percentile"],
  ["sla", "service level agreement"],
  ["iou", "intersection over union"],
  ["nms", "non-maximum suppression"],
  ["ocr", "optical character recognition"],
  ["asr", "automatic speech recognition"],
  ["pymk", "people you may know"],
  ["ope", "off-policy evaluation"],
  ["ips", "inverse propensity scoring", "inverse propensity weighting"],
  ["psi", "population stability index"],
  ["srm", "sample ratio mismatch"],
  ["shap", "shapley additive explanations"],
  ["rrf", "reciprocal rank fusion"],
];
