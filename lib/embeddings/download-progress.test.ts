import { describe, expect, it } from "vitest";
import { createProgressLines, formatBytes } from "./download-progress";

function linesFor(events: Array<[file: string, loaded: number, total: number | null]>): string[] {
  const lines: string[] = [];
  const report = createProgressLines("owner/model", (line) => lines.push(line));
  for (const [file, loaded, total] of events) report({ file, loaded, total });
  return lines;
}

describe("createProgressLines", () => {
  it("writes one line per tenth of a file, whatever the chunk sizes", () => {
    const total = 20_000_000;
    const percents = [1, 4, 9, 10, 11, 35, 36, 99, 100];
    expect(linesFor(percents.map((p) => ["onnx/model.onnx", (total * p) / 100, total]))).toEqual([
      "fetching owner/model: onnx/model.onnx 1% of 20.0 MB",
      "fetching owner/model: onnx/model.onnx 10% of 20.0 MB",
      "fetching owner/model: onnx/model.onnx 35% of 20.0 MB",
      "fetching owner/model: onnx/model.onnx 99% of 20.0 MB",
      "fetching owner/model: onnx/model.onnx 100% of 20.0 MB",
    ]);
  });

  it("writes a small file that arrives in one chunk as one line, and keeps files apart", () => {
    expect(
      linesFor([
        ["config.json", 612, 612],
        ["tokenizer.json", 100, 1000],
        ["tokenizer.json", 1000, 1000],
      ]),
    ).toEqual([
      "fetching owner/model: config.json 100% of 612 B",
      "fetching owner/model: tokenizer.json 10% of 1.0 kB",
      "fetching owner/model: tokenizer.json 100% of 1.0 kB",
    ]);
  });

  it("counts megabytes every 10 MB when the hub sends no length", () => {
    const mb = 1_000_000;
    expect(linesFor([1, 5, 12, 19, 20, 21].map((n) => ["onnx/model.onnx", n * mb, null]))).toEqual([
      "fetching owner/model: onnx/model.onnx 1.0 MB so far",
      "fetching owner/model: onnx/model.onnx 12.0 MB so far",
      "fetching owner/model: onnx/model.onnx 20.0 MB so far",
    ]);
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [999, "999 B"],
    [1000, "1.0 kB"],
    [48_349, "48.3 kB"],
    [22_900_000, "22.9 MB"],
  ])("%d bytes -> %s", (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
