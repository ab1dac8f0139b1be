import { describe, expect, it } from "vitest";
import { checkClaim } from "./check-claim";
import { PipelineRunError, runPipelineInWorker } from "./run-in-worker";

describe("runPipelineInWorker", () => {
  it("runs a pipeline on a worker thread and returns its plain-JSON result", async () => {
    const progress: number[] = [];
    const result = (await runPipelineInWorker(
      "capacity",
      { dau: 1e8 },
      { onProgress: (f) => progress.push(f) },
    )) as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(progress.at(-1)).toBe(1);
  });

  it("cancels a running pipeline when the signal aborts", async () => {
    const controller = new AbortController();
    const run = runPipelineInWorker(
      "ann",
      { n: 50_000, dim: 64, queries: 200 },
      {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    await expect(run).rejects.toBeInstanceOf(PipelineRunError);
    await expect(run).rejects.toMatchObject({ cancelled: true });
  });

  it("reports a pipeline's own error as a failed run", async () => {
    await expect(runPipelineInWorker("ann", { n: 10 })).rejects.toThrow(/n must be at least/);
  });

  it("says when the worker refused the parameters, in a sentence naming the field", async () => {
    const run = runPipelineInWorker("ann", { n: 10 });
    await expect(run).rejects.toMatchObject({ cancelled: false, invalidParams: true });
    await expect(run).rejects.toThrow(/^n: n must be at least 1,000$/);
  });

  it("turns an interview claim into a chat card", async () => {
    const card = await checkClaim(
      { pipeline: "capacity", quote: "The index fits in 64 GB.", memoryGB: 64, items: 1e8, dim: 128 },
      () => {},
    );
    expect(card.claim).toBe("The index fits in 64 GB.");
    expect(card.headline).toContain("64 GB");
    expect(card.rows.length).toBeGreaterThan(0);
  });
});
