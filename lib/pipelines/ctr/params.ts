/**
 * Parameters of the CTR pipeline, with the defaults the bench runs and the limits this 2-core
 * machine can serve interactively. Messages leave out the field name: the CLI puts it in front.
 */
import { z } from "zod";

/**
 * The caps keep every run at them to about 10 s of CPU on this 2-core machine (measured: `npm run
 * pipeline -- ctr` at the caps, docs/cli-contracts.md); the default takes about 2 s.
 */
export const MAX_IMPRESSIONS = 1_000_000;
/** Impressions x epochs bounds the SGD work: four logistic models make about 4 x 0.8 x this many updates. */
export const MAX_IMPRESSION_EPOCHS = 5_000_000;

export const claimSchema = z
  .object({
    logLoss: z.number().positive("logLoss must be a positive number of nats").optional(),
    ne: z.number().positive("ne (normalized entropy) must be positive").optional(),
    auc: z.number().min(0, "auc must be between 0 and 1").max(1, "auc must be between 0 and 1").optional(),
  })
  .strict();

export const ctrParamsSchema = z
  .object({
    impressions: z
      .number()
      .int("must be a whole number")
      .min(5_000, "must be at least 5,000 (fewer leaves too few test clicks to measure)")
      .max(
        MAX_IMPRESSIONS,
        `must be at most ${MAX_IMPRESSIONS.toLocaleString("en-US")} on this machine (the simulated log is held in memory, and a run at the caps takes about 10 s)`,
      )
      .default(200_000),
    positions: z
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(20, "must be at most 20 slots a page")
      .default(10),
    downsampleRate: z
      .number()
      .min(0.001, "must be at least 0.001 (the share of negatives kept)")
      .max(1, "must be at most 1 (the share of negatives kept)")
      .default(0.1),
    delayShare: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").default(0.3),
    meanDelayDays: z
      .number()
      .min(0.01, "must be at least 0.01 days")
      .max(4, "must be at most 4 days (the training window is 8 days)")
      .default(1),
    epochs: z
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(20, "must be at most 20")
      .default(5),
    learningRate: z
      .number()
      .positive("must be positive (AdaGrad's base step)")
      .max(2, "must be at most 2 (AdaGrad's base step)")
      .default(0.3),
    l2: z.number().min(0, "must be at least 0").max(0.1, "must be at most 0.1").default(1e-6),
    seed: z
      .number()
      .int("must be a whole number")
      .min(0, "must be at least 0")
      .max(2 ** 32 - 1)
      .default(42),
    claim: claimSchema.optional(),
  })
  .refine((p) => p.impressions * p.epochs <= MAX_IMPRESSION_EPOCHS, {
    message: `impressions x epochs must be at most ${MAX_IMPRESSION_EPOCHS.toLocaleString("en-US")} on this machine (the training passes, about 10 s at the cap: e.g. 1,000,000 impressions x 5 epochs)`,
    path: [],
  });

export type CtrParams = z.infer<typeof ctrParamsSchema>;
export type CtrClaim = z.infer<typeof claimSchema>;
