import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/pipelines/random";
import { FIELD_COUNT, HASH_SIZE, hashFeature, POSITION_FIELD } from "./features";
import { predictLogistic, sigmoid, trainLogistic } from "./logistic";

/** Rows whose only varying fields are a two-valued "segment" and a position (1..3); the other fields are constant. */
function makeRows(n: number, rate: (segment: number, position: number) => number) {
  const features = new Uint32Array(n * FIELD_COUNT);
  const labels = new Uint8Array(n);
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let i = 0; i < n; i++) {
    const segment = i % 2;
    const position = 1 + (i % 3);
    const base = i * FIELD_COUNT;
    for (let f = 0; f < POSITION_FIELD; f++) features[base + f] = hashFeature(f, 0);
    features[base + 1] = hashFeature(1, segment);
    features[base + POSITION_FIELD] = hashFeature(POSITION_FIELD, position);
    labels[i] = random() < rate(segment, position) ? 1 : 0;
  }
  return { features, labels, rows: Uint32Array.from({ length: n }, (_, i) => i) };
}

describe("trainLogistic", () => {
  it("recovers the click rate of each segment", async () => {
    const { features, labels, rows } = makeRows(40_000, (segment) => (segment === 0 ? 0.05 : 0.2));
    const options = { epochs: 3, learningRate: 0.3, l2: 0, seed: 1, usePosition: false };
    const weights = await trainLogistic(features, rows, labels, options);
    const p = predictLogistic(weights, features, rows.subarray(0, 2), false);
    expect(p[0]).toBeGreaterThan(0.04);
    expect(p[0]).toBeLessThan(0.06);
    expect(p[1]).toBeGreaterThan(0.18);
    expect(p[1]).toBeLessThan(0.22);
  });

  it("learns a position effect and serves every row as if it were in the pinned slot", async () => {
    const { features, labels, rows } = makeRows(60_000, (_, position) => 0.2 * position ** -1);
    const options = { epochs: 3, learningRate: 0.3, l2: 0, seed: 2, usePosition: true };
    const weights = await trainLogistic(features, rows, labels, options);
    const pinned = predictLogistic(weights, features, rows.subarray(0, 6), true, 1);
    const asLogged = predictLogistic(weights, features, rows.subarray(0, 6), true);
    for (const p of pinned) expect(p).toBeCloseTo(0.2, 1);
    // Row 2 was logged in slot 3, where the rate is 0.2 / 3.
    expect(asLogged[2]).toBeGreaterThan(0.05);
    expect(asLogged[2]).toBeLessThan(0.085);
  });

  it("returns the average of the weights over the second half of the steps (checked against a plain loop)", async () => {
    const { features, labels, rows } = makeRows(50, (segment) => 0.3 + 0.2 * segment);
    const options = { epochs: 2, learningRate: 0.5, l2: 0.01, seed: 3, usePosition: true };
    const averaged = await trainLogistic(features, rows, labels, options);
    // The same steps done eagerly, summing every weight after every step of the second half.
    const order = rows.slice();
    const replay = new Float64Array(HASH_SIZE);
    const squares = new Float64Array(HASH_SIZE).fill(1);
    const sum = new Float64Array(HASH_SIZE);
    const random = mulberry32(3);
    let step = 0;
    for (let epoch = 0; epoch < 2; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (const row of order) {
        const slots = Array.from({ length: FIELD_COUNT }, (_, f) => features[row * FIELD_COUNT + f] as number);
        const error = sigmoid(slots.reduce((z, j) => z + (replay[j] as number), 0)) - (labels[row] as number);
        slots.forEach((j, f) => {
          const gradient = f === 0 ? error : error + 0.01 * (replay[j] as number);
          squares[j] = (squares[j] as number) + gradient * gradient;
          replay[j] = (replay[j] as number) - (0.5 * gradient) / Math.sqrt(squares[j] as number);
        });
        step++;
        if (step > 50) for (let j = 0; j < HASH_SIZE; j++) sum[j] = (sum[j] as number) + (replay[j] as number) / 50;
      }
    }
    for (const j of new Set(features)) expect(averaged[j]).toBeCloseTo(sum[j] as number, 10);
  });
});
