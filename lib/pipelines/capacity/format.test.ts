import { describe, expect, it } from "vitest";
import { bitsPerSecond, bytes, count, grouped, rate, valueType } from "./format";

describe("capacity number formats", () => {
  it.each([
    [500e6, "500M"],
    [1e9, "1B"],
    [1.5e9, "1.5B"],
    [2e12, "2T"],
    [123_456_789, "123,456,789"],
    [86_400, "86,400"],
    [10, "10"],
  ])("count(%d) = %s", (value, text) => expect(count(value)).toBe(text));

  it.each([
    [57_870.37, "57,870/s"],
    [69_444.44, "69,444/s"],
    [42.37, "42.4/s"],
    [0.1157, "0.12/s"],
  ])("rate(%d) = %s", (value, text) => expect(rate(value)).toBe(text));

  it.each([
    [512e9, "512 GB"],
    [24_064_894_464, "24.1 GB"],
    [999.7e6, "1 GB"],
    [146e12, "146 TB"],
    [200, "200 B"],
    [2.56e9, "2.56 GB"],
  ])("bytes(%d) = %s", (value, text) => expect(bytes(value)).toBe(text));

  it("writes links in bits and names value widths", () => {
    // 13.89 MB/s × 8 = 111 Mbit/s.
    expect(bitsPerSecond(13_888_888.89)).toBe("111 Mbit/s");
    expect([valueType(4), valueType(2), valueType(1), valueType(3)]).toEqual(["float32", "float16", "int8", "3-byte"]);
    expect(grouped(208.33)).toBe("208");
  });
});
