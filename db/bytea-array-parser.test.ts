import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseByteaArray } from "./bytea-array-parser";
import type { Database } from "./client";
import { openTestDatabase } from "./testing/test-database";

const library = (pg.types.getTypeParser as (oid: number, format: "text") => (text: string) => unknown)(1001, "text");

type Nested = Array<Uint8Array | null | Nested>;

/** A bytea[] as Postgres writes it in text with bytea_output = hex. */
function arrayText(value: Nested): string {
  const element = (item: Uint8Array | null | Nested): string =>
    item === null ? "NULL" : Array.isArray(item) ? arrayText(item) : `"\\\\x${Buffer.from(item).toString("hex")}"`;
  return `{${value.map(element).join(",")}}`;
}

const bytes = fc.uint8Array({ maxLength: 64 });
// Postgres arrays are rectangular: every row of a 2-D array has the same length.
const flat = fc.array(fc.option(bytes, { nil: null }), { maxLength: 8 });
const rows = fc
  .integer({ min: 1, max: 4 })
  .chain((width) =>
    fc.array(fc.array(fc.option(bytes, { nil: null }), { minLength: width, maxLength: width }), { maxLength: 5 }),
  );

describe("parseByteaArray", () => {
  it("reads what pg-types reads, for flat and two-dimensional arrays", () => {
    fc.assert(
      fc.property(fc.oneof(flat, rows as fc.Arbitrary<Nested>), (value) => {
        const text = arrayText(value);
        expect(parseByteaArray(text)).toEqual(library(text));
      }),
      { numRuns: 500 },
    );
  });

  it("hands every other shape to pg-types: escape format, explicit bounds, broken text", () => {
    for (const text of ['{"\\\\001abc"}', '[0:1]={"\\\\x00","\\\\x01"}', '{"\\\\x0"}', '{"\\\\xzz"}', "{}", "{NULL}"]) {
      let expected: unknown;
      try {
        expected = library(text);
      } catch (error) {
        expect(() => parseByteaArray(text)).toThrow((error as Error).message);
        continue;
      }
      expect(parseByteaArray(text)).toEqual(expected);
    }
  });
});

describe("bytea[] through the database's pool", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("reads a 2-D array of blobs, nulls and empties as pg-types would", async () => {
    const { rows: result } = await database.pool.query<{ blobs: unknown; text: string }>(
      `select array[array['channel'::bytea, 'json'::bytea, decode('00ff10', 'hex')],
                    array['other'::bytea, ''::bytea, null]] as blobs,
              array[array['channel'::bytea, 'json'::bytea, decode('00ff10', 'hex')],
                    array['other'::bytea, ''::bytea, null]]::text as text`,
    );
    const row = result[0];
    expect(row?.blobs).toEqual(library(row?.text ?? ""));
    expect(row?.blobs).toEqual([
      [Buffer.from("channel"), Buffer.from("json"), Buffer.from([0, 255, 16])],
      [Buffer.from("other"), Buffer.alloc(0), null],
    ]);
  });
});
