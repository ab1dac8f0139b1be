import { describe, expect, it } from "vitest";
import { axisScale, formatTick } from "./chart-axes";

describe("axisScale", () => {
  it.each([
    { values: [0.2, 5, 300], fromZero: false, expected: { scale: "log", domain: [0.1, 1000] } },
    { values: [1e6, 4.2e9], fromZero: true, expected: { scale: "log", domain: [1e6, 1e10] } },
    { values: [0.9, 0.95, 0.99], fromZero: false, expected: { scale: "linear", domain: [0.8955, 0.9945] } },
    { values: [2, 40], fromZero: true, expected: { scale: "linear", domain: [0, 40] } },
    { values: [0, 5], fromZero: false, expected: { scale: "linear", domain: [0, 5.25] } },
    { values: [-3, 3], fromZero: false, expected: { scale: "linear", domain: [-3.3, 3.3] } },
    { values: [7, 7], fromZero: false, expected: { scale: "linear", domain: [6.3, 7.7] } },
    { values: [], fromZero: false, expected: { scale: "linear", domain: [0, 1] } },
  ])("$values (from zero: $fromZero)", ({ values, fromZero, expected }) => {
    const axis = axisScale(values, { fromZero });
    expect(axis.scale).toBe(expected.scale);
    expect(axis.domain[0]).toBeCloseTo(expected.domain[0] as number, 9);
    expect(axis.domain[1]).toBeCloseTo(expected.domain[1] as number, 9);
  });
});

describe("formatTick", () => {
  it.each([
    [1_500, "1.5K"],
    [4_200_000_000, "4.2B"],
    [0.95, "0.95"],
    [0, "0"],
    [0.0001, "1e-4"],
  ])("%d reads %s", (value, expected) => {
    expect(formatTick(value)).toBe(expected);
  });
});
