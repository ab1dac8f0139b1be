/**
 * Parameters of the capacity pipeline. It is arithmetic only, so the limits bound realism, not
 * this machine: beyond them a figure means a typo. Messages leave out the field name, which the
 * CLI puts in front. `items`, `dim` and `claimedMemoryGB` are what an interview check passes.
 */
import { z } from "zod";

const positive = (max: number, limit: string) =>
  z.number("must be a number").positive("must be greater than 0").max(max, `must be at most ${limit}`);
const whole = (min: number, max: number, limits: string) =>
  z
    .number("must be a number")
    .int("must be a whole number")
    .min(min, `must be ${limits}`)
    .max(max, `must be ${limits}`);

export const capacityParamsSchema = z
  .object({
    dau: positive(1e10, "10,000,000,000 (more people than are alive)").default(200_000_000),
    actionsPerUserPerDay: positive(100_000, "100,000 (over one a second, all day)").default(10),
    peakFactor: z
      .number("must be a number")
      .min(1, "must be at least 1 (the peak is never below the average)")
      .max(100, "must be at most 100")
      .default(3),
    items: positive(1e13, "10,000,000,000,000").default(1_000_000_000),
    dim: whole(1, 65_536, "between 1 and 65,536").default(128),
    bytesPerValue: whole(1, 8, "between 1 (int8) and 8 (float64)").default(4),
    bytesPerEvent: positive(1e9, "1,000,000,000 (1 GB an event)").default(200),
    perServerQps: positive(1e9, "1,000,000,000").default(1_000),
    replication: whole(1, 100, "between 1 and 100 copies").default(3),
    hnswM: whole(2, 256, "between 2 and 256 links a node").default(16),
    pqBytesPerVector: whole(1, 4_096, "between 1 and 4,096 bytes (one byte a sub-quantizer)").default(16),
    /** IVF lists; absent means FAISS's rule of thumb, 4·√n. */
    ivfLists: whole(1, 1e9, "between 1 and 1,000,000,000").optional(),
    /** A candidate's stated index memory, set beside the estimates. */
    claimedMemoryGB: positive(1e9, "1,000,000,000 GB").optional(),
  })
  .refine((p) => p.dim % p.pqBytesPerVector === 0, {
    message: "Each PQ sub-quantizer encodes dim / pqBytesPerVector dimensions, so pqBytesPerVector must divide dim",
    path: [],
  })
  .refine((p) => p.ivfLists === undefined || p.ivfLists <= p.items, {
    message: "Each IVF list needs at least one vector, so ivfLists must be at most items",
    path: [],
  });

export type CapacityParams = z.infer<typeof capacityParamsSchema>;
