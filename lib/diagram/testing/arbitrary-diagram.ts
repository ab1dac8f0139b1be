import fc from "fast-check";
import { readAnnotations } from "@/lib/diagram/annotations";
import { DIAGRAM_NODE_KINDS, type DiagramText } from "@/lib/diagram/types";

/**
 * Random diagrams for property tests of the readers and writers: unique node ids, any kind, the
 * labels and groups each test stresses, and arrows whose ends may be loose (null).
 */
export function arbitraryDiagram(options: {
  ids: fc.Arbitrary<string>;
  label: fc.Arbitrary<string>;
  group: fc.Arbitrary<string>;
  maxNodes: number;
  maxEdges: number;
}): fc.Arbitrary<DiagramText> {
  return fc
    .uniqueArray(options.ids, { minLength: 1, maxLength: options.maxNodes })
    .chain((ids) =>
      fc.record({
        nodes: fc.tuple(
          ...ids.map((id) =>
            fc.record({
              id: fc.constant(id),
              kind: fc.constantFrom(...DIAGRAM_NODE_KINDS),
              label: options.label,
              group: fc.option(options.group, { nil: null }),
            }),
          ),
        ),
        edges: fc.array(
          fc.record({
            from: fc.option(fc.constantFrom(...ids), { nil: null, freq: 6 }),
            to: fc.option(fc.constantFrom(...ids), { nil: null, freq: 6 }),
            label: options.label,
            dashed: fc.boolean(),
          }),
          { maxLength: options.maxEdges },
        ),
      }),
    )
    .map(({ nodes, edges }) => ({
      nodes: nodes.map((n) => ({ ...n, annotations: readAnnotations(n.label) })),
      edges: edges.map((e) => ({ ...e, annotations: readAnnotations(e.label) })),
    }));
}
