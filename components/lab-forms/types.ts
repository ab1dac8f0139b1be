import type { z } from "zod";

/** How a Lab field is typed in: a number (with separators and suffixes), a checkbox, a list or a choice. */
export type LabFieldKind = "number" | "boolean" | "list" | "choice";

/** One parameter of a pipeline as the Lab shows it; `path` is the parameter's key ("claim.recall" when nested). */
export interface LabField {
  path: string;
  label: string;
  unit?: string;
  help: string;
  kind: LabFieldKind;
  /** "main" is always shown, "advanced" is folded, "claim" holds the optional figures a run is checked against. */
  group: "main" | "advanced" | "claim";
  options?: Array<{ value: string; label: string }>;
}

/** A pipeline's form: the fields in order and the schema that validates them before a run. */
export interface LabForm {
  schema: z.ZodType;
  fields: LabField[];
}

/** Every pipeline takes a seed. */
export const SEED_FIELD: LabField = {
  path: "seed",
  label: "Random seed",
  help: "The same seed gives the same synthetic data and the same result.",
  kind: "number",
  group: "advanced",
};

/** HNSW's graph degree, a field of both the vector search and the funnel forms. */
export const HNSW_LINKS_FIELD: LabField = {
  path: "M",
  label: "Graph links per node (M)",
  help: "More links raise recall, memory and build time. 4 to 64.",
  kind: "number",
  group: "advanced",
};
