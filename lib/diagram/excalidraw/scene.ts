/**
 * The part of an Excalidraw scene the diagram reader looks at (issue 16), written from the public
 * element format rather than imported: the excalidraw package is a React component with a DOM, and
 * the server only needs a few fields. Fields we do not read pass through untouched, and elements of
 * types we do not read (freedraw, image, embeddable, types added later) are kept but ignored.
 */
import { z } from "zod";
import { DiagramParseError, MAX_DIAGRAM_BYTES, MAX_DIAGRAM_ELEMENTS } from "@/lib/diagram/types";

const binding = z.looseObject({ elementId: z.string() }).nullish();

export const excalidrawElementSchema = z.looseObject({
  id: z.string().min(1),
  // A string, not an enum: a type we do not know is ignored, never refused.
  type: z.string(),
  // Every element carries its geometry; a scene missing it is malformed rather than defaulted,
  // because attaching arrows by geometry would silently go wrong.
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  angle: z.number().optional(),
  isDeleted: z.boolean().optional(),
  text: z.string().optional(),
  originalText: z.string().nullish(),
  containerId: z.string().nullish(),
  boundElements: z.array(z.looseObject({ id: z.string(), type: z.string() })).nullish(),
  startBinding: binding,
  endBinding: binding,
  points: z.array(z.tuple([z.number(), z.number()])).optional(),
  startArrowhead: z.string().nullish(),
  endArrowhead: z.string().nullish(),
  // Excalidraw has "solid" | "dashed" | "dotted"; any other value reads as solid.
  strokeStyle: z.string().optional(),
  frameId: z.string().nullish(),
  name: z.string().nullish(),
  customData: z.record(z.string(), z.unknown()).nullish(),
});
export type ExcalidrawElement = z.infer<typeof excalidrawElementSchema>;

export const excalidrawSceneSchema = z.looseObject({
  // "excalidraw" for a saved file, "excalidraw/clipboard" for a copy; absent when hand-made.
  type: z.string().optional(),
  elements: z.array(excalidrawElementSchema),
  appState: z.record(z.string(), z.unknown()).nullish(),
  files: z.record(z.string(), z.unknown()).nullish(),
});
export type ExcalidrawScene = z.infer<typeof excalidrawSceneSchema>;

const fmt = (n: number) => n.toLocaleString("en-US");

/** A scene from its JSON text (a saved .excalidraw file or a paste); refuses what is too big to read. */
export function parseScene(jsonText: string): ExcalidrawScene {
  if (overByteLimit(jsonText)) {
    throw new DiagramParseError(
      `The drawing is larger than ${fmt(MAX_DIAGRAM_BYTES)} bytes (2 MB), the most that can be read.`,
      null,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch {
    throw new DiagramParseError("The drawing is not valid JSON, so it cannot be read as an Excalidraw scene.", null);
  }
  return readScene(value);
}

/** A scene from a parsed value: `{type: "excalidraw", elements, …}` or a bare list of elements. */
export function readScene(value: unknown): ExcalidrawScene {
  const scene = Array.isArray(value) ? { elements: value } : value;
  if (typeof scene !== "object" || scene === null) {
    throw new DiagramParseError(
      'The drawing is not an Excalidraw scene: expected an object with an "elements" list, or a list of elements.',
      null,
    );
  }
  const elements: unknown = (scene as { elements?: unknown }).elements;
  if (!Array.isArray(elements)) {
    throw new DiagramParseError('The drawing is not an Excalidraw scene: its "elements" must be a list.', null);
  }
  // Counted before validating, so an oversized scene costs no more than its length to refuse.
  if (elements.length > MAX_DIAGRAM_ELEMENTS) {
    throw new DiagramParseError(
      `The drawing has ${fmt(elements.length)} elements; at most ${fmt(MAX_DIAGRAM_ELEMENTS)} can be read.`,
      null,
    );
  }
  const parsed = excalidrawSceneSchema.safeParse(scene);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DiagramParseError(`The drawing is not a valid Excalidraw scene: ${issueSentence(issue, elements)}`, null);
}

/** One zod issue as a sentence naming the element (by position and id) and the field. */
function issueSentence(issue: z.core.$ZodIssue | undefined, elements: unknown[]): string {
  if (!issue) return "it could not be read.";
  const [top, index, ...rest] = issue.path;
  const what = issue.message
    .replace(/^Invalid input: /, "")
    .replace(/\.$/, "")
    .replace(/^expected (\w+), received undefined$/, "missing (expected $1)");
  if (top === "elements" && typeof index === "number") {
    const raw = elements[index] as { id?: unknown } | null;
    const id = raw && typeof raw === "object" && typeof raw.id === "string" ? ` ("${raw.id}")` : "";
    const field = rest.length > 0 ? ` field "${rest.join(".")}"` : "";
    return `element ${index + 1}${id}${field}: ${what}.`;
  }
  return `field "${issue.path.join(".") || "(scene)"}": ${what}.`;
}

/** Whether the UTF-8 form is over the limit, encoding only when the UTF-16 length cannot tell. */
function overByteLimit(text: string): boolean {
  // Each UTF-16 unit is 1 to 3 UTF-8 bytes, so only the middle range needs counting.
  if (text.length > MAX_DIAGRAM_BYTES) return true;
  if (text.length * 3 <= MAX_DIAGRAM_BYTES) return false;
  return new TextEncoder().encode(text).length > MAX_DIAGRAM_BYTES;
}
