import { createFallbackEmbedder, type IdfTable } from "./fallback-embedder";
import idfTable from "./fallback-idf.json";
import type { Embedder } from "./types";

/** The fallback embedder over the committed IDF table (see scripts/build-fallback-idf.ts). */
export function createDefaultFallbackEmbedder(dimension: number): Embedder {
  return createFallbackEmbedder(idfTable as IdfTable, dimension);
}
