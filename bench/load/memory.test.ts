import { describe, expect, it } from "vitest";
import { growthPerMinute, rssAt } from "./memory";

const MB = 2 ** 20;

describe("rssAt", () => {
  it("takes the last sample at or before the time, else the first", () => {
    const samples: Array<[number, number]> = [
      [1000, 10],
      [2000, 20],
      [3000, 30],
    ];
    expect(rssAt(samples, 500)).toBe(10);
    expect(rssAt(samples, 2000)).toBe(20);
    expect(rssAt(samples, 2999)).toBe(20);
    expect(rssAt(samples, 10_000)).toBe(30);
  });
});

describe("growthPerMinute", () => {
  it("is the least-squares slope after `from`, per minute", () => {
    // 1 MB every 10 s after the warm-up, with a jump before it that must not count.
    const samples: Array<[number, number]> = [[0, 0]];
    for (let s = 10; s <= 120; s += 10) samples.push([s * 1000, 500 * MB + (s - 10) * 0.1 * MB]);
    expect(growthPerMinute(samples, 10_000) / MB).toBeCloseTo(6, 6);
  });

  it("is zero for flat memory and with fewer than two samples", () => {
    const flat: Array<[number, number]> = [0, 1, 2, 3].map((s) => [s * 1000, 400 * MB]);
    expect(growthPerMinute(flat, 0)).toBe(0);
    expect(growthPerMinute([[0, 1]], 0)).toBe(0);
  });
});
