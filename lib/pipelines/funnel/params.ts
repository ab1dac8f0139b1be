/**
 * Parameters of the funnel pipeline, with the defaults the bench runs and the limits this 2-core
 * machine can serve. Messages leave out the field name: the CLI puts it in front.
 */
import { z } from "zod";

/**
 * The caps keep every run at them to about 20 s on this 2-core machine (measured: `npm run
 * pipeline -- funnel` at each cap at once, docs/cli-contracts.md). Each product bounds one
 * stage's work; a refusal names the cap and the stage it protects.
 */
/** The HNSW build (on one thread) is the cost: about 3 s at 100,000 items, the default. */
export const MAX_ITEMS = 100_000;
/** items x dim float32 values: 12.8M is 51 MB of vectors before the index copies them. */
export const MAX_ITEM_VALUES = 12_800_000;
/**
 * items x dim x max(efConstruction, M): the one-thread build's work, as each insert searches at
 * least M candidates (the default, 100,000 x 64 at 32: 3 s in int8, about 6 s in float32).
 */
export const MAX_BUILD_WORK = 204_800_000;
/** Every user's true top-K comes from an exact scan of the catalogue: users x items x dim bounds that scan (about 4 s). */
export const MAX_SCAN_VALUES = 2_560_000_000;
/** users x candidates bounds the timed requests: each searches, ranks and re-ranks its candidates (about 4 s). */
export const MAX_USER_CANDIDATES = 250_000;

const whole = (min: number, max: number, why: string) =>
  z
    .number()
    .int("must be a whole number")
    .min(min, `must be at least ${min.toLocaleString("en-US")}`)
    .max(max, `must be at most ${max.toLocaleString("en-US")} on this machine: ${why}`);

const milliseconds = z
  .number()
  .positive("must be a positive number of milliseconds")
  .max(60_000, "must be at most 60,000 ms");

/** The candidate's latency budget: a total, per-stage figures, or both; and the candidate count they rank. */
export const budgetSchema = z
  .object({
    totalMs: milliseconds.optional(),
    retrievalMs: milliseconds.optional(),
    rankingMs: milliseconds.optional(),
    rerankMs: milliseconds.optional(),
    /** The number of candidates the candidate said they rank: the measured ranking cost is scaled to it. */
    candidateCount: whole(1, 1_000_000_000, "a larger candidate set is not a two-stage design").optional(),
  })
  .strict();

export const funnelParamsSchema = z
  .object({
    items: whole(1_000, MAX_ITEMS, "the one-thread HNSW build takes more than seconds beyond that").default(100_000),
    dim: whole(4, 512, "wider embeddings make the build and the exact scan too slow").default(64),
    users: whole(1, 5_000, "each user is one timed request plus an exact scan of the catalogue").default(200),
    candidates: whole(10, 5_000, "the ANN search returns at most that many candidates a request").default(500),
    rankKeep: whole(1, 5_000, "the ranker keeps at most that many").default(50),
    finalK: whole(1, 100, "the final list holds at most 100 items").default(10),
    authorCap: whole(1, 100, "a cap above the list length does nothing").default(2),
    diversityLambda: z
      .number()
      .min(0, "must be between 0 (only diversity) and 1 (only relevance)")
      .max(1, "must be between 0 (only diversity) and 1 (only relevance)")
      .default(0.7),
    /** HNSW graph degree (usearch `connectivity`). */
    M: whole(4, 64, "graph memory and build time grow with M").default(16),
    /** Candidate list width while building (usearch `expansion_add`): lower builds faster, searching with ef >= C compensates. */
    efConstruction: whole(8, 512, "the build time grows with efConstruction").default(32),
    /** How the index stores vectors: int8 builds about twice as fast as float32 here (see retrieval.ts). */
    quantization: z.enum(["i8", "f16", "f32"]).default("i8"),
    seed: z.number().int("must be a whole number").default(7),
    budget: budgetSchema.default({ totalMs: 200 }),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const limit = (value: number, max: number, path: string, what: string, why: string) => {
      if (value > max) {
        issue(
          path,
          `${what} must be at most ${max.toLocaleString("en-US")} on this machine (${why}); got ${value.toLocaleString("en-US")}`,
        );
      }
    };
    limit(p.items * p.dim, MAX_ITEM_VALUES, "items", "x dim", "51 MB of float32 vectors");
    limit(
      p.items * p.dim * Math.max(p.efConstruction, p.M),
      MAX_BUILD_WORK,
      "efConstruction",
      "x items x dim (or M, when larger, in place of efConstruction)",
      "the one-thread HNSW build's work, about 7 s at the cap",
    );
    limit(
      p.users * p.items * p.dim,
      MAX_SCAN_VALUES,
      "users",
      "x items x dim",
      "every user's true top-K is an exact scan of the catalogue, about 4 s at the cap",
    );
    limit(
      p.users * p.candidates,
      MAX_USER_CANDIDATES,
      "candidates",
      "x users",
      "each user's request searches, ranks and re-ranks that many candidates, about 4 s at the cap",
    );
    if (p.candidates > p.items) issue("candidates", "must be at most items");
    if (p.rankKeep > p.candidates) issue("rankKeep", "must be at most candidates (the ranker keeps a subset of them)");
    if (p.finalK > p.rankKeep)
      issue("finalK", "must be at most rankKeep (the final list is chosen from what the ranker kept)");
  });

export type FunnelParams = z.infer<typeof funnelParamsSchema>;
export type Budget = z.infer<typeof budgetSchema>;
