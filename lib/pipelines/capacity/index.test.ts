import { describe, expect, it } from "vitest";
import { zodSentence } from "@/lib/cli/zod-sentence";
import { PipelineCancelledError } from "../types";
import { capacityPipeline } from "./index";

const context = (signal = new AbortController().signal, progress: number[] = []) => ({
  signal,
  onProgress: (fraction: number) => {
    progress.push(fraction);
  },
});
const run = (raw: Record<string, unknown> = {}) =>
  capacityPipeline.run(capacityPipeline.paramsSchema.parse(raw), context());
const formulas = async (raw: Record<string, unknown> = {}) =>
  Object.fromEntries(capacityPipeline.summarize(await run(raw)).rows.map((row) => [row.label, row.formula]));

describe("capacityPipeline", () => {
  it("gives every summary row a formula with the numbers filled in", async () => {
    const { rows, headline, charts } = capacityPipeline.summarize(await run());
    expect(rows.length).toBeGreaterThanOrEqual(11);
    for (const row of rows) expect(row.formula).toMatch(/\d.* = .*\d/);
    expect(headline).toBe(
      "69,444/s at peak needs 209 servers at 1,000/s each with 3 replicas; 1B × 128-d float32 vectors take 512 GB flat, 640 GB as HNSW and 24.1 GB as IVF-PQ.",
    );
    expect(charts[0]?.series[0]?.points).toEqual([
      { x: "flat", y: 512 },
      { x: "HNSW", y: 640 },
      { x: "IVF-PQ", y: 24.064894464 },
    ]);
  });

  it("writes the formulas as at a whiteboard", async () => {
    expect(await formulas({ dau: 500e6 })).toMatchObject({
      "Average QPS": "500M × 10 / 86,400 s = 57,870/s",
      "Peak QPS": "500M × 10 / 86,400 s × 3 = 173,611/s",
      "Event storage per day": "500M × 10 × 200 B = 1 TB",
    });
    expect(await formulas()).toMatchObject({
      "Peak QPS": "200M × 10 / 86,400 s × 3 = 69,444/s",
      "Servers needed": "69,444/s / 1,000/s × 3 replicas = 208.3 → 209",
      "Peak bandwidth (events)": "69,444/s × 200 B = 13.9 MB/s = 111 Mbit/s",
      "Index memory, flat": "1B × 128 × 4 B = 512 GB",
      "Index memory, HNSW": "512 GB + 1B × 16 × 2 × 4 B = 640 GB",
      "Index memory, IVF-PQ": "1B × (16 + 8) B + (126,491 + 256) × 128 × 4 B = 24.1 GB",
    });
  });

  it("leads with the memory rows when checking a candidate's figure", async () => {
    // The interview check passes items, dim and claimedMemoryGB (lib/pipelines/check-claim.ts).
    const summary = capacityPipeline.summarize(await run({ items: 100e6, dim: 128, claimedMemoryGB: 64 }));
    expect(summary.headline).toBe(
      "100M × 128-d float32 vectors take 51.2 GB flat, 64 GB as HNSW and 2.42 GB as IVF-PQ: your 64 GB is 1.00× the HNSW estimate, the closest.",
    );
    expect(summary.rows[0]).toEqual({
      label: "Your stated memory",
      value: "64 GB",
      formula: "64 GB / 64 GB HNSW = 1.00×",
    });
    expect(summary.charts[0]?.series.map((s) => s.name)).toEqual(["estimate", "your figure"]);
  });

  it("is deterministic and plain JSON", async () => {
    const first = await run({ dau: 3e7, items: 5e6 });
    expect(await run({ dau: 3e7, items: 5e6 })).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it("reports progress and stops when cancelled", async () => {
    const progress: number[] = [];
    await capacityPipeline.run(capacityPipeline.paramsSchema.parse({}), context(undefined, progress));
    expect(progress).toEqual([0, 1]);
    const controller = new AbortController();
    controller.abort();
    await expect(
      capacityPipeline.run(capacityPipeline.paramsSchema.parse({}), context(controller.signal)),
    ).rejects.toThrow(PipelineCancelledError);
  });

  it.each([
    [{ dau: 2e10 }, "Dau must be at most 10,000,000,000 (more people than are alive)."],
    [{ peakFactor: 0.5 }, "PeakFactor must be at least 1 (the peak is never below the average)."],
    [{ dim: 100, pqBytesPerVector: 16 }, "Each PQ sub-quantizer encodes dim / pqBytesPerVector dimensions"],
    [{ items: 10, ivfLists: 20 }, "Each IVF list needs at least one vector, so ivfLists must be at most items."],
    [{ replication: 1.5 }, "Replication must be a whole number."],
  ])("refuses impossible parameters with a sentence that states the limit %#", (raw, sentence) => {
    const parsed = capacityPipeline.paramsSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(zodSentence(parsed.error)).toContain(sentence);
  });
});
