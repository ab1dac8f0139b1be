import { describe, expect, it } from "vitest";
import { DiagramParseError, MAX_DIAGRAM_BYTES, MAX_DIAGRAM_ELEMENTS } from "@/lib/diagram/types";
import { parseScene, readScene } from "./scene";
import { box } from "./testing/scenes";

/** The sentence of the DiagramParseError that reading `input` throws. */
function failure(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof DiagramParseError) return error.message;
    throw error;
  }
  throw new Error("read without error");
}

describe("readScene and parseScene: limits and malformed input", () => {
  it("refuses more than the element limit and a JSON text over the byte limit", () => {
    const many = Array.from({ length: MAX_DIAGRAM_ELEMENTS + 1 }, (_, i) => box(`b${i}`, i * 200, 0));
    expect(failure(() => readScene({ type: "excalidraw", elements: many }))).toBe(
      "The drawing has 5,001 elements; at most 5,000 can be read.",
    );
    expect(readScene(many.slice(1)).elements).toHaveLength(MAX_DIAGRAM_ELEMENTS);
    const huge = JSON.stringify({ type: "excalidraw", elements: [], appState: { pad: "x".repeat(MAX_DIAGRAM_BYTES) } });
    expect(failure(() => parseScene(huge))).toMatch(/larger than 2,097,152 bytes \(2 MB\)/);
    // Under the limit in characters but over it in UTF-8 bytes.
    const wide = JSON.stringify({ elements: [], appState: { pad: "é".repeat(MAX_DIAGRAM_BYTES / 2 + 10) } });
    expect(failure(() => parseScene(wide))).toMatch(/larger than/);
  });

  it.each([
    ["not JSON", "{elements:", /not valid JSON/],
    ["a number", "42", /expected an object with an "elements" list/],
    ["null", "null", /expected an object/],
    ["elements not a list", '{"type":"excalidraw","elements":{}}', /"elements" must be a list/],
    [
      "an element without x",
      JSON.stringify([{ id: "a", type: "rectangle", y: 0, width: 1, height: 1 }]),
      /element 1 \("a"\) field "x": missing \(expected number\)/,
    ],
    ["an element that is a string", '{"elements":[1]}', /element 1: expected object/],
  ])("refuses %s with a sentence", (_, json, message) => {
    expect(failure(() => parseScene(json))).toMatch(message);
  });
});
