import { describe, expect, it } from "vitest";
import { clusteredSource, effectiveDimensions, noiseScale, recallAtK, rows } from "./data";

const shape = { dim: 16, clusters: 4, spread: 1, decay: 0.5 };
const generate = (seed: number, stream: number, count = 50) => {
  const out = new Float32Array(count * shape.dim);
  clusteredSource(seed, shape, stream).generate(count, out, 0);
  return out;
};

describe("clusteredSource", () => {
  it("is deterministic for a seed, and differs across seeds and streams", () => {
    expect(generate(7, 0)).toEqual(generate(7, 0));
    expect(generate(7, 0)).not.toEqual(generate(8, 0));
    expect(generate(7, 1)).not.toEqual(generate(7, 0));
  });

  it("fills in chunks exactly as in one go", () => {
    const source = clusteredSource(7, shape, 0);
    const chunked = new Float32Array(50 * shape.dim);
    source.generate(20, chunked, 0);
    source.generate(30, chunked, 20);
    expect(chunked).toEqual(generate(7, 0));
  });

  it("writes unit vectors", () => {
    for (const v of rows(generate(3, 0), shape.dim)) {
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
  });
});

describe("noise shape", () => {
  it("decays as spread x (1 + d)^-decay", () => {
    expect(Array.from(noiseScale({ dim: 4, spread: 2, decay: 1 }))).toEqual([2, 1, 2 / 3, 0.5]);
  });

  it("uses every dimension when isotropic, fewer as the spectrum decays", () => {
    expect(effectiveDimensions({ dim: 128, spread: 1, decay: 0 })).toBeCloseTo(128, 9);
    // variances 1 and 1/4: (1.25)^2 / (1 + 1/16) = 1.470588...
    expect(effectiveDimensions({ dim: 2, spread: 1, decay: 1 })).toBeCloseTo(1.5625 / 1.0625, 12);
  });
});

describe("recallAtK", () => {
  it("is 1 for a result against itself", () => {
    const truth = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect(recallAtK(truth, truth, 3)).toBe(1);
  });

  it("counts the overlap of the top k, order aside", () => {
    // query 1: {2} of {1, 2}; query 2: {5, 4} of {4, 5} -> (1 + 2) / 4
    expect(
      recallAtK(
        [
          [2, 3],
          [5, 4],
        ],
        [
          [1, 2],
          [4, 5],
        ],
        2,
      ),
    ).toBe(0.75);
  });
});
