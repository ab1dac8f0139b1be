/**
 * The synthetic catalogue and users, and the TRUE utility every stage is judged against.
 *
 * Items cluster by topic, and within a topic by author (an author's items share a style
 * direction), so the ANN candidates of a user are full of repeat authors and one topic: that is
 * what the author cap and the diversity rule have to fix. Item quality is partly the author's.
 *
 * True utility of (user u, item i), with s = u . i (both unit vectors):
 *   U = s + 0.8 s^2 + QUALITY_WEIGHT * beta_u * q_i + NOISE_SD * eps(u, i)
 * The convex term makes close matches disproportionately valuable; beta_u in [0.5, 1.5] is how
 * much this user cares about quality. The ANN stage sees only s (a good but imperfect proxy: it
 * misses high-quality items a little further away); the ranker also sees q_i and beta_u.
 * eps is a fixed standard normal per pair (a hash of seed, user and item), unknown to every stage.
 */
import { mulberry32, normal } from "../random";

export const QUALITY_WEIGHT = 0.08;
export const NOISE_SD = 0.01;

export interface Catalogue {
  count: number;
  dim: number;
  topics: number;
  authors: number;
  /** count x dim, each row a unit vector. */
  vectors: Float32Array;
  topic: Int32Array;
  author: Int32Array;
  quality: Float32Array;
  /** topics x dim: the unit centre of each topic, which users' interests are drawn around. */
  topicCentres: Float32Array;
}

export interface Users {
  count: number;
  /** count x dim, each row a unit vector. */
  vectors: Float32Array;
  /** beta_u: this user's weight on item quality, a user feature the ranker may use. */
  qualityWeight: Float32Array;
  /** Distinguishes users in the pair-noise hash (evaluation and training users never share keys). */
  keyOffset: number;
  seed: number;
}

/** One topic per 2,000 items, between 10 and 100. */
export function topicCount(items: number): number {
  return Math.min(100, Math.max(10, Math.round(items / 2_000)));
}

function randomUnit(random: () => number, dim: number): Float64Array {
  const v = new Float64Array(dim);
  for (let j = 0; j < dim; j++) v[j] = normal(random);
  return normalise(v);
}

function normalise(v: Float64Array): Float64Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < v.length; j++) v[j] = (v[j] as number) / norm;
  return v;
}

/** centre + spread x (a standard normal vector scaled to length about 1), normalised. */
function around(centre: Float64Array, spread: number, random: () => number): Float64Array {
  const dim = centre.length;
  const v = new Float64Array(dim);
  const scale = spread / Math.sqrt(dim);
  for (let j = 0; j < dim; j++) v[j] = (centre[j] as number) + scale * normal(random);
  return normalise(v);
}

/**
 * Builds the catalogue. Authors are prolific in a skewed way (author index r^2 within the topic),
 * about 25 items per author on average.
 */
export function makeCatalogue(count: number, dim: number, seed: number): Catalogue {
  const random = mulberry32(seed ^ 0x5eed1);
  const topics = topicCount(count);
  const authorsPerTopic = Math.max(2, Math.round(count / topics / 25));
  const authors = topics * authorsPerTopic;
  const topicCentres = Array.from({ length: topics }, () => randomUnit(random, dim));
  const authorStyles = Array.from({ length: authors }, (_, a) =>
    around(topicCentres[Math.floor(a / authorsPerTopic)] as Float64Array, 0.9, random),
  );
  const authorQuality = Float64Array.from({ length: authors }, () => normal(random));
  const vectors = new Float32Array(count * dim);
  const topic = new Int32Array(count);
  const author = new Int32Array(count);
  const quality = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const t = Math.floor(random() * topics);
    const a = t * authorsPerTopic + Math.floor(authorsPerTopic * random() ** 2);
    topic[i] = t;
    author[i] = a;
    quality[i] = 0.6 * (authorQuality[a] as number) + 0.8 * normal(random);
    vectors.set(around(authorStyles[a] as Float64Array, 0.9, random), i * dim);
  }
  const centres = new Float32Array(topics * dim);
  for (const [t, centre] of topicCentres.entries()) centres.set(centre, t * dim);
  return { count, dim, topics, authors, vectors, topic, author, quality, topicCentres: centres };
}

/** Users: a unit vector near a mix of one to three topic centres, and a quality weight in [0.5, 1.5]. */
export function makeUsers(catalogue: Catalogue, count: number, seed: number, keyOffset: number): Users {
  const random = mulberry32(seed ^ (0x05e7 + keyOffset));
  const dim = catalogue.dim;
  const vectors = new Float32Array(count * dim);
  const qualityWeight = new Float32Array(count);
  for (let u = 0; u < count; u++) {
    const mix = new Float64Array(dim);
    const interests = 1 + Math.floor(random() * 3);
    for (let k = 0; k < interests; k++) {
      const t = Math.floor(random() * catalogue.topics);
      const weight = 0.5 + random();
      for (let j = 0; j < dim; j++) {
        mix[j] = (mix[j] as number) + weight * (catalogue.topicCentres[t * dim + j] as number);
      }
    }
    vectors.set(around(normalise(mix), 0.6, random), u * dim);
    qualityWeight[u] = 0.5 + random();
  }
  return { count, vectors, qualityWeight, keyOffset, seed };
}

/** The largest |pairNoise|: Box-Muller's radius at the smallest uniform, 1 / (2^32 + 1). */
export const MAX_PAIR_NOISE = Math.sqrt(2 * Math.log(4294967297));

/** A fixed standard normal per (seed, user key, item): two 32-bit hashes through Box-Muller. */
export function pairNoise(seed: number, userKey: number, item: number): number {
  const h1 = mix32(seed ^ Math.imul(userKey + 1, 0x9e3779b1) ^ Math.imul(item + 1, 0x85ebca77));
  const h2 = mix32(h1 ^ 0x27d4eb2f);
  const a = (h1 + 1) / 4294967297;
  const b = h2 / 4294967296;
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
}

function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** U(u, i) from the dot product s: the formula in this file's header. */
export function trueUtility(s: number, quality: number, qualityWeight: number, noise: number): number {
  return s + 0.8 * s * s + QUALITY_WEIGHT * qualityWeight * quality + NOISE_SD * noise;
}

/** The dot product of a vector with one row of a flat matrix. */
export function dotWith(vector: Float32Array, matrix: Float32Array, row: number, dim: number): number {
  let sum = 0;
  const offset = row * dim;
  for (let j = 0; j < dim; j++) sum += (vector[j] as number) * (matrix[offset + j] as number);
  return sum;
}

/** The true utility of one (user, item) pair. */
export function utilityOf(users: Users, user: number, catalogue: Catalogue, item: number): number {
  const s = dotWith(users.vectors.subarray(user * catalogue.dim), catalogue.vectors, item, catalogue.dim);
  const noise = pairNoise(users.seed, users.keyOffset + user, item);
  return trueUtility(s, catalogue.quality[item] as number, users.qualityWeight[user] as number, noise);
}
