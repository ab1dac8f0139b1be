import { z } from "zod";

/**
 * The caps keep every run at them to about 20 s on this 2-core machine (measured: `npm run
 * pipeline -- ann` at each cap at once, docs/cli-contracts.md). Each product bounds one stage's
 * work; a refusal names the cap and the stage it protects.
 */
/** Largest corpus: the HNSW build is the cost (about 6 s at 100,000 x 128, the default). */
export const MAX_N = 100_000;
/** Largest n x dim: 12.8M float32 values are 51 MB of vectors, a few times that once indexed and copied. */
export const MAX_VALUES = 12_800_000;
/**
 * Largest n x dim x max(efConstruction, M): the build's work, as each insert searches at least M
 * candidates whatever efConstruction says (the default build, 100,000 x 128 at 64: about 6 s, 8 s at M = 64).
 */
export const MAX_BUILD_WORK = 819_200_000;
/** Largest queries x the sum of efSweep x dim: the HNSW query passes (1,000 queries at 4 x 256 on 128-d: about 3 s). */
export const MAX_SEARCH_WORK = 131_072_000;
/** Largest queries x n x dim: the exact scan every query also gets (about 51 GB read, ~3 s here). */
export const MAX_SCAN_VALUES = 12_800_000_000;
/** The hnswlib-node cross-check builds on one core: only up to this n x dim x max(efConstruction, M) (25,000 x 128 at 64). */
export const MAX_HNSWLIB_BUILD_WORK = 204_800_000;

const count = (name: string, min: number, max: number, why: string) =>
  z
    .number()
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min.toLocaleString("en-US")}`)
    .max(max, `${name} must be at most ${max.toLocaleString("en-US")} on this machine: ${why}`);

/** A figure the candidate stated, to check against what this run measured or extrapolated. */
export const claimSchema = z.object({
  n: z.number().positive("claim.n must be positive").optional(),
  latencyMs: z.number().positive("claim.latencyMs must be positive").optional(),
  recall: z.number().min(0).max(1, "claim.recall is a fraction between 0 and 1").optional(),
  memoryGB: z.number().positive("claim.memoryGB must be positive").optional(),
});

/**
 * Parameters of the ANN pipeline. A default run takes about 10 s on this machine, a run at the
 * caps about 20 s; the maxima refuse sizes it cannot build or hold in that time, and say so.
 */
export const annParamsSchema = z
  .object({
    n: count("n", 1_000, MAX_N, "the HNSW build time and memory grow with n (100,000 takes about 6 s)").default(
      100_000,
    ),
    dim: count("dim", 2, 1024, "vectors wider than 1,024 make the build and the exact scan too slow").default(128),
    clusters: count("clusters", 1, 10_000, "more clusters than that add nothing to the test").default(100),
    /** Noise standard deviation around a cluster centre along the first dimension (centres are N(0, 1)). */
    spread: z.number().min(0.01, "spread must be at least 0.01").max(4, "spread must be at most 4").default(1),
    /** Along dimension d the noise is spread x (1 + d)^-decay; 0 is isotropic (hardest), 0.5 uses ~18 of 128 dims. */
    decay: z.number().min(0, "decay must be at least 0").max(2, "decay must be at most 2").default(0.5),
    k: count("k", 1, 100, "recall@k is checked for k up to 100").default(10),
    queries: count("queries", 10, 5_000, "every query is also answered by the exact scan").default(500),
    M: count("M", 4, 64, "graph memory grows with M").default(16),
    efConstruction: count("efConstruction", 8, 512, "the build time grows with efConstruction").default(64),
    efSweep: z
      .array(count("each ef", 1, 512, "a larger ef is slower than the exact scan"))
      .min(1, "efSweep needs at least one ef")
      .max(8, "efSweep takes at most 8 values on this machine: each one is a full query pass")
      .default([16, 32, 64, 128]),
    seed: z.number().int("seed must be a whole number").default(42),
    /** Also build hnswlib-node (the reference HNSW) as a cross-check: single-threaded, only for small builds (MAX_HNSWLIB_BUILD_WORK). */
    hnswlib: z.boolean().default(false),
    /** Bytes per vector of an IVF-PQ code (default dim / 8, i.e. 8 dimensions per sub-quantiser). */
    pqBytes: count("pqBytes", 1, 1024, "a PQ code is at most one byte per dimension").optional(),
    /** IVF lists (default 4 x sqrt(n), FAISS's rule of thumb). */
    nlist: count("nlist", 1, 10_000_000, "more lists than that is not a realistic IVF").optional(),
    /** RAM per shard assumed when sharding an extrapolated index. */
    shardMemoryGB: z.number().positive().max(4_096, "shardMemoryGB must be at most 4,096").default(64),
    /** The candidate's corpus size, for extrapolation (e.g. 1e9). */
    targetN: z.number().positive("targetN must be positive").max(1e13, "targetN must be at most 1e13").optional(),
    claim: claimSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const limit = (value: number, max: number, path: string, what: string, why: string) => {
      if (value <= max) return;
      ctx.addIssue({
        code: "custom",
        path: [path],
        message: `${what} must be at most ${max.toLocaleString("en-US")} on this machine, ${why}; got ${value.toLocaleString("en-US")}`,
      });
    };
    limit(p.n * p.dim, MAX_VALUES, "n", "n x dim", "51 MB of float32 vectors before indexing");
    const build = p.n * p.dim * Math.max(p.efConstruction, p.M);
    limit(
      build,
      MAX_BUILD_WORK,
      "efConstruction",
      "n x dim x max(efConstruction, M)",
      "the HNSW build's work, about 8 s at the cap",
    );
    const sweep = p.efSweep.reduce((sum, ef) => sum + ef, 0);
    limit(
      p.queries * sweep * p.dim,
      MAX_SEARCH_WORK,
      "efSweep",
      "queries x the sum of efSweep x dim",
      "the HNSW query passes, about 3 s at the cap",
    );
    limit(
      p.queries * p.n * p.dim,
      MAX_SCAN_VALUES,
      "queries",
      "queries x n x dim",
      "the exact scan of every query, about 3 s at the cap",
    );
    if (p.hnswlib && build > MAX_HNSWLIB_BUILD_WORK) {
      ctx.addIssue({
        code: "custom",
        path: ["hnswlib"],
        message: `the hnswlib cross-check runs only for n x dim x max(efConstruction, M) up to ${MAX_HNSWLIB_BUILD_WORK.toLocaleString("en-US")} on this machine (e.g. 25,000 x 128 x 64): it builds on one core; got ${build.toLocaleString("en-US")}`,
      });
    }
    if (p.k > p.n) ctx.addIssue({ code: "custom", path: ["k"], message: "k must be at most n" });
    if (p.pqBytes !== undefined && p.pqBytes > p.dim) {
      ctx.addIssue({
        code: "custom",
        path: ["pqBytes"],
        message: "pqBytes must be at most dim (one byte per dimension)",
      });
    }
  });

export type AnnParams = z.infer<typeof annParamsSchema>;
export type Claim = z.infer<typeof claimSchema>;
