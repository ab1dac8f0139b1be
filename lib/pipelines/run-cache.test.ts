import { afterEach, describe, expect, it } from "vitest";
import { cached, disableRunCache, enableRunCache, runCacheStats, withCached } from "./run-cache";

const MB = 2 ** 20;
const value = (bytes: number) => async () => ({ bytes });
const size = (v: { bytes: number }) => v.bytes;

afterEach(() => disableRunCache());

describe("run cache", () => {
  it("computes every time while off", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    await cached("a", compute, () => 1);
    await cached("a", compute, () => 1);
    expect(computed).toBe(2);
    expect(runCacheStats()).toMatchObject({ enabled: false, entries: 0, hits: 0 });
  });

  it("returns the stored value on a hit", async () => {
    enableRunCache({ maxEntries: 4, maxBytes: 10 * MB });
    const first = await cached("a", value(1), size);
    const second = await cached("a", value(1), size);
    expect(second).toBe(first);
    expect(runCacheStats()).toMatchObject({ entries: 1, bytes: 1 });
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    enableRunCache({ maxEntries: 2, maxBytes: 10 * MB });
    const a = await cached("a", value(1), size);
    await cached("b", value(1), size);
    await cached("a", value(1), size);
    await cached("c", value(1), size);
    expect(runCacheStats().entries).toBe(2);
    expect(await cached("a", value(1), size)).toBe(a);
    expect(await cached("b", value(1), size)).not.toBe(a);
  });

  it("keeps at most maxBytes, and never stores a value larger than that", async () => {
    enableRunCache({ maxEntries: 10, maxBytes: 3 * MB });
    await cached("a", value(2 * MB), size);
    await cached("b", value(2 * MB), size);
    expect(runCacheStats()).toMatchObject({ entries: 1, bytes: 2 * MB });
    await cached("huge", value(4 * MB), size);
    expect(runCacheStats()).toMatchObject({ entries: 1, bytes: 2 * MB });
  });

  it("disposes an evicted value, but only once the run using it is done", async () => {
    enableRunCache({ maxEntries: 1, maxBytes: 10 * MB });
    const disposed: string[] = [];
    const options = (name: string) => ({ bytes: () => 1, dispose: () => disposed.push(name) });
    await withCached("a", value(1), options("a"), async () => {
      await withCached("b", value(1), options("b"), () => {});
      expect(disposed).toEqual([]);
    });
    expect(disposed).toEqual(["a"]);
  });

  it("disposes a value it did not keep, and stores nothing when the work fails", async () => {
    const disposed: number[] = [];
    await withCached("a", value(1), { bytes: () => 1, dispose: () => disposed.push(1) }, () => {});
    expect(disposed).toEqual([1]);
    enableRunCache({ maxEntries: 2, maxBytes: MB });
    await expect(
      cached(
        "x",
        () => Promise.reject(new Error("cancelled")),
        () => 1,
      ),
    ).rejects.toThrow("cancelled");
    expect(runCacheStats().entries).toBe(0);
  });
});
