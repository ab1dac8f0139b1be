import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { LAB_FORMS } from "./lab-forms";
import { humanise, initialValues, toParams, validateParams } from "./lab-params";

/** The keys of an object schema, one level of nesting included ("claim.recall"). */
function schemaPaths(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).flatMap(([key, value]) => {
    let inner: unknown = value;
    // Unwrap optional/default wrappers to find a nested object.
    while ((inner as { unwrap?: () => unknown }).unwrap) inner = (inner as { unwrap: () => unknown }).unwrap();
    const nested = (inner as { shape?: Record<string, unknown> }).shape;
    return nested ? Object.keys(nested).map((k) => `${key}.${k}`) : [key];
  });
}

describe("Lab forms", () => {
  it.each(Object.entries(LAB_FORMS))("%s has a labelled field for every parameter and no other", (_name, form) => {
    expect(form.fields.map((f) => f.path).sort()).toEqual(schemaPaths(form.schema).sort());
  });

  it.each(Object.entries(LAB_FORMS))("%s shows no parameter names in its labels and help", (_name, form) => {
    for (const field of form.fields)
      expect(`${field.label} ${field.help} ${field.unit ?? ""}`).not.toMatch(/\b[a-z]+[A-Z]\w*/);
  });

  it.each(Object.entries(LAB_FORMS))("%s defaults pass its own schema", (_name, form) => {
    const defaults = form.schema.parse({}) as Record<string, unknown>;
    const { params, errors } = toParams(form.fields, initialValues(form.fields, defaults));
    expect(errors).toEqual({});
    expect(form.schema.parse(params)).toEqual(defaults);
  });
});

describe("toParams", () => {
  const fields = LAB_FORMS.ann?.fields ?? [];

  it("reads 1B, lists, checkboxes and nested fields, and leaves empty ones out", () => {
    const { params, errors } = toParams(fields, {
      n: "10k",
      targetN: "1B",
      efSweep: "16, 32,64",
      hnswlib: true,
      "claim.recall": "0.95",
      pqBytes: "",
    });
    expect(errors).toEqual({});
    expect(params).toMatchObject({
      n: 10_000,
      targetN: 1e9,
      efSweep: [16, 32, 64],
      hnswlib: true,
      claim: { recall: 0.95 },
    });
    expect(params).not.toHaveProperty("pqBytes");
  });

  it("names the field whose number does not read", () => {
    expect(toParams(fields, { n: "lots" }).errors.n).toMatch(/Enter a number/);
    expect(toParams(fields, { efSweep: "16, x" }).errors.efSweep).toMatch(/separated by commas/);
  });
});

describe("validateParams", () => {
  const form = LAB_FORMS.ann;
  if (!form) throw new Error("no ann form");

  it("puts the schema's message against the field, without parameter names", () => {
    const { errors } = validateParams(form.schema, form.fields, { n: 100_000_000 });
    expect(errors.n).toMatch(/^Must be at most 100,000 on this machine/);
    const target = validateParams(form.schema, form.fields, { targetN: -1 }).errors.targetN;
    expect(target).toBe("Must be positive");
  });

  it("replaces other parameter names with labels", () => {
    expect(humanise("pqBytes must be at most dim (one byte per dimension)", form.fields)).toBe(
      "Compressed code size must be at most dimensions (one byte per dimension)",
    );
  });
});
