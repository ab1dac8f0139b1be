import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arrow, box, edges } from "./testing/scenes";

/** Boxes in distinct cells of a 200 px grid, so the gaps between them dwarf the tolerance. */
const CELL = 200;
const gridBox = fc.record({ w: fc.integer({ min: 20, max: 150 }), h: fc.integer({ min: 20, max: 150 }) });
const edgePoint = fc.record({
  side: fc.integer({ min: 0, max: 3 }),
  t: fc.double({ min: 0, max: 1, noNaN: true }),
  out: fc.double({ min: -4, max: 7, noNaN: true }), // past the edge, inside the 8 px tolerance
});

describe("sceneToDiagram: property", () => {
  it("attaches an arrow whose ends sit on box edges to those boxes", () => {
    const scenario = fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 8 }).chain((cells) =>
      fc.record({
        boxes: fc.tuple(...cells.map((cell) => gridBox.map((size) => ({ cell, ...size })))),
        arrows: fc.array(
          fc.record({ from: fc.nat(cells.length - 1), to: fc.nat(cells.length - 1), a: edgePoint, b: edgePoint }),
          { maxLength: 6 },
        ),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ boxes, arrows }) => {
        const placed = boxes.map((b, i) => ({
          id: `n${i}`,
          x: (b.cell % 4) * CELL + 20,
          y: Math.floor(b.cell / 4) * CELL + 20,
          w: b.w,
          h: b.h,
        }));
        const on = (i: number, p: { side: number; t: number; out: number }) => {
          const b = placed[i] ?? { x: 0, y: 0, w: 0, h: 0 };
          if (p.side === 0) return [b.x + p.t * b.w, b.y - p.out];
          if (p.side === 1) return [b.x + b.w + p.out, b.y + p.t * b.h];
          if (p.side === 2) return [b.x + p.t * b.w, b.y + b.h + p.out];
          return [b.x - p.out, b.y + p.t * b.h];
        };
        const elements = [
          ...placed.map((b) => box(b.id, b.x, b.y, { width: b.w, height: b.h })),
          ...arrows.map((a, i) => arrow(`e${i}`, on(a.from, a.a), on(a.to, a.b))),
        ];
        expect(edges(elements).map(([from, to]) => [from, to])).toEqual(arrows.map((a) => [`n${a.from}`, `n${a.to}`]));
      }),
      { numRuns: 150 },
    );
  });
});
