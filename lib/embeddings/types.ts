/** Turns texts into unit-length vectors of one fixed dimension. */
export interface Embedder {
  /** Stored beside every vector; a different id means a different vector space. */
  readonly modelId: string;
  readonly dimension: number;
  /** "transformers" for a real model, "fallback" for the hashed-feature embedder. */
  readonly kind: "transformers" | "fallback";
  embed(texts: string[]): Promise<Float32Array[]>;
}

/**
 * A cross-encoder that reads a query and a passage together and scores how well the passage
 * answers the query. Higher is better; scores compare only within one call.
 */
export interface Reranker {
  readonly modelId: string;
  score(query: string, passages: string[]): Promise<number[]>;
}
