import { describe, expect, it } from "vitest";
import { parseNumberInput } from "./parse-number-input";

describe("parseNumberInput", () => {
  it.each([
    ["1,000,000,000", 1_000_000_000],
    ["1e9", 1_000_000_000],
    ["1E9", 1_000_000_000],
    ["1B", 1_000_000_000],
    ["1b", 1_000_000_000],
    ["1bn", 1_000_000_000],
    ["3 billion", 3_000_000_000],
    ["10k", 10_000],
    ["10K", 10_000],
    ["2.5M", 2_500_000],
    ["2.5m", 2_500_000],
    ["1.2T", 1_200_000_000_000],
    ["1 000 000", 1_000_000],
    ["1_000", 1_000],
    ["  42  ", 42],
    ["0.7", 0.7],
    [".5", 0.5],
    ["-3", -3],
    ["1e-6", 0.000001],
    ["0.1k", 100],
  ])("reads %j as %d", (raw, expected) => {
    expect(parseNumberInput(raw)).toBe(expected);
  });

  it.each(["", "  ", "abc", "1,2,3x", "10 kg", "1e", "1..2", "k", "1,000.5.5", "NaN", "Infinity"])(
    "refuses %j",
    (raw) => {
      expect(parseNumberInput(raw)).toBeNull();
    },
  );
});
