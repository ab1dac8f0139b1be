import type { z } from "zod";
import { parseNumberInput } from "@/lib/format/parse-number-input";
import type { LabField } from "./lab-forms";

/** What a Lab form holds: text for numbers, lists and choices, a flag for checkboxes. */
export type LabValues = Record<string, string | boolean>;

function valueAt(object: Record<string, unknown>, path: string): unknown {
  let current: unknown = object;
  for (const key of path.split(".")) current = (current as Record<string, unknown> | undefined)?.[key];
  return current;
}

function setAt(object: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let current = object;
  for (const key of keys.slice(0, -1)) {
    current[key] ??= {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys.at(-1) as string] = value;
}

/** Shows a default as a person would type it: 100,000 rather than 100000. */
function formatNumber(value: number): string {
  return Math.abs(value) >= 10_000 && Number.isInteger(value) ? value.toLocaleString("en-US") : String(value);
}

/** The form's starting values from the schema's defaults; fields without a default start empty. */
export function initialValues(fields: LabField[], defaults: Record<string, unknown>): LabValues {
  const values: LabValues = {};
  for (const field of fields) {
    const value = valueAt(defaults, field.path);
    if (field.kind === "boolean") values[field.path] = value === true;
    else if (field.kind === "list") values[field.path] = Array.isArray(value) ? value.map(formatNumber).join(", ") : "";
    else if (typeof value === "number") values[field.path] = formatNumber(value);
    else values[field.path] = value === undefined ? "" : String(value);
  }
  return values;
}

const NOT_A_NUMBER = "Enter a number, such as 1,000,000, 1e6 or 1M.";

/**
 * Turns the form into pipeline parameters. Empty fields are left out so the schema's default (or
 * absence) applies; a number that does not read is an error against its field.
 */
export function toParams(
  fields: LabField[],
  values: LabValues,
): { params: Record<string, unknown>; errors: Record<string, string> } {
  const params: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.path];
    if (field.kind === "boolean") {
      setAt(params, field.path, raw === true);
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    if (text === "") continue;
    if (field.kind === "choice") setAt(params, field.path, text);
    else if (field.kind === "list") {
      const items = text
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map(parseNumberInput);
      if (items.some((item) => item === null))
        errors[field.path] = "Enter numbers separated by commas, e.g. 16, 32, 64.";
      else setAt(params, field.path, items);
    } else {
      const value = parseNumberInput(text);
      if (value === null) errors[field.path] = NOT_A_NUMBER;
      else setAt(params, field.path, value);
    }
  }
  return { params, errors };
}

/**
 * Validates parameters with the pipeline's schema and words each problem for the form: against
 * the field it concerns, without the parameter names the schema's messages use for the CLI.
 */
export function validateParams(
  schema: z.ZodType,
  fields: LabField[],
  params: Record<string, unknown>,
): { errors: Record<string, string>; formErrors: string[] } {
  const result = schema.safeParse(params);
  const errors: Record<string, string> = {};
  const formErrors: string[] = [];
  if (result.success) return { errors, formErrors };
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    // A list item's issue ("efSweep.2") belongs to the list's field.
    const field = fields.find((f) => f.path === path.join(".")) ?? fields.find((f) => f.path === path[0]);
    const message = humanise(issue.message, fields, field);
    if (field) errors[field.path] = errors[field.path] ? `${errors[field.path]} ${message}` : message;
    else formErrors.push(message);
  }
  return { errors, formErrors };
}

/** Drops a leading parameter name and puts labels in place of the others. */
export function humanise(message: string, fields: LabField[], field?: LabField): string {
  let text = message;
  const own = field?.path.split(".").at(-1);
  if (own && (text.startsWith(`${own} `) || text.startsWith(`${field?.path} `))) {
    text = text.slice(text.indexOf(" ") + 1);
  }
  for (const other of [...fields].sort((a, b) => b.path.length - a.path.length)) {
    const key = other.path.split(".").at(-1) ?? "";
    // Only multi-letter names are replaced: "n" and "M" also appear as ordinary words and symbols.
    if (key.length > 1) text = text.replace(new RegExp(`\\b${key}\\b`, "g"), other.label.toLowerCase());
  }
  text = text.replace(/^each ef /, "each width ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
