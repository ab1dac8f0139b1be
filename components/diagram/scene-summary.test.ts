import { describe, expect, it } from "vitest";
import { sceneSummary } from "./scene-summary";

describe("sceneSummary", () => {
  it("counts live shapes, stores and arrows, in the singular where there is one", () => {
    expect(
      sceneSummary([
        { id: "a", type: "rectangle" },
        { id: "b", type: "ellipse", customData: { probeKind: "store" } },
        { id: "c", type: "diamond" },
        { id: "d", type: "arrow" },
        { id: "e", type: "text" },
        { id: "f", type: "rectangle", isDeleted: true },
      ]),
    ).toBe("3 shapes (1 store), 1 arrow");
  });

  it("says when nothing is drawn", () => {
    expect(sceneSummary([{ id: "x", type: "rectangle", isDeleted: true }])).toBe("The diagram is empty.");
  });
});
