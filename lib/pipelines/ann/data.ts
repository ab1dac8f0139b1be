import { mulberry32, normal } from "../random";

/**
 * Synthetic embeddings: Gaussian clusters around random centres, each vector L2-normalised so
 * that cosine similarity (what text and image embeddings are searched with) is the metric.
 * Centres are N(0, I); a point is its centre plus Gaussian noise whose standard deviation along
 * dimension d is spread x (1 + d)^-decay. Real embeddings put most variance in a few directions;
 * isotropic noise (decay 0) in 128-d is far harder for HNSW than they are. Queries come from the
 * same distribution with their own generator stream, so they are not copies of corpus vectors.
 */
export interface ClusteredData {
  dim: number;
  centres: Float32Array;
  generate(count: number, into: Float32Array, offset: number): void;
}

/** Builds the centres for `seed`; `generate` then fills vectors from the given stream. */
export function clusteredSource(
  seed: number,
  shape: { dim: number; clusters: number; spread: number; decay: number },
  stream: number,
) {
  const { dim, clusters } = shape;
  const scale = noiseScale(shape);
  const centreRandom = mulberry32(seed);
  const centres = new Float32Array(clusters * dim);
  for (let i = 0; i < centres.length; i++) centres[i] = normal(centreRandom);
  // A distinct odd multiplier keeps the corpus and query streams apart for any seed.
  const random = mulberry32((seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0);
  return {
    dim,
    centres,
    /** Writes `count` normalised vectors into `into` starting at vector `offset`. */
    generate(count: number, into: Float32Array, offset: number) {
      for (let v = offset; v < offset + count; v++) {
        const c = Math.min(clusters - 1, Math.floor(random() * clusters));
        const base = v * dim;
        let norm = 0;
        for (let d = 0; d < dim; d++) {
          const x = (centres[c * dim + d] as number) + (scale[d] as number) * normal(random);
          into[base + d] = x;
          norm += x * x;
        }
        const unit = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (let d = 0; d < dim; d++) into[base + d] = (into[base + d] as number) * unit;
      }
    },
  } satisfies ClusteredData;
}

/** Standard deviation of the within-cluster noise along each dimension. */
export function noiseScale(shape: { dim: number; spread: number; decay: number }): Float64Array {
  return Float64Array.from({ length: shape.dim }, (_, d) => shape.spread * (1 + d) ** -shape.decay);
}

/**
 * Participation ratio (sum of variances)^2 / (sum of squared variances) of the noise: how many
 * dimensions the within-cluster spread effectively uses (dim when isotropic).
 */
export function effectiveDimensions(shape: { dim: number; spread: number; decay: number }): number {
  const variances = Array.from(noiseScale(shape), (s) => s * s);
  const sum = variances.reduce((a, b) => a + b, 0);
  return (sum * sum) / variances.reduce((a, b) => a + b * b, 0);
}

/** Splits a flat matrix into per-row copies (copies, because usearch's exactSearch ignores byteOffset). */
export function rows(matrix: Float32Array, dim: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let i = 0; i < matrix.length / dim; i++) out.push(matrix.slice(i * dim, (i + 1) * dim));
  return out;
}

/** Mean over queries of |found top-k ∩ true top-k| / k. */
export function recallAtK(found: ArrayLike<number>[], truth: ArrayLike<number>[], k: number): number {
  if (truth.length === 0) return Number.NaN;
  let hits = 0;
  for (let q = 0; q < truth.length; q++) {
    const expected = new Set(Array.from(truth[q] ?? []).slice(0, k));
    for (const id of Array.from(found[q] ?? []).slice(0, k)) if (expected.has(id)) hits++;
  }
  return hits / (truth.length * k);
}
