import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CROSS_ENCODER_MODEL_ID, generateTestCrossEncoder } from "@/scripts/generate-test-cross-encoder";
import { getReranker } from "./reranker";

let modelsDir: string;

beforeAll(async () => {
  modelsDir = mkdtempSync(path.join(tmpdir(), "probe-server-reranker-"));
  await generateTestCrossEncoder(modelsDir);
  // Read once, at the first getConfig(); this test file runs in its own process.
  vi.stubEnv("MODELS_DIR", modelsDir);
  vi.stubEnv("RERANKER_MODEL", CROSS_ENCODER_MODEL_ID);
  vi.stubEnv("ALLOW_REMOTE_MODELS", "false");
  vi.stubEnv("LOG_LEVEL", "info");
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(modelsDir, { recursive: true, force: true });
});

describe("getReranker", () => {
  it("loads the configured cross-encoder once per process and says so once", async () => {
    const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
    const [first, second] = await Promise.all([getReranker(), getReranker()]);
    const third = await getReranker();
    expect(first?.modelId).toBe(CROSS_ENCODER_MODEL_ID);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(stderr.mock.calls).toEqual([[`[probe] re-ranking with ${CROSS_ENCODER_MODEL_ID}`]]);
    stderr.mockRestore();
  });
});
