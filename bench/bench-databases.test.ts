import { describe, expect, it } from "vitest";
import { UsageError } from "@/lib/cli/usage-error";
import { BENCH_DATABASE_URL_ENV, selectBenchDatabases } from "./bench-databases";

const SERVER = "postgres://postgres@127.0.0.1:5433/postgres";
const withServer = { [BENCH_DATABASE_URL_ENV]: SERVER };

describe("selectBenchDatabases", () => {
  it("defaults to both when a server is given", () => {
    expect(selectBenchDatabases(undefined, withServer)).toEqual({
      kinds: ["pglite", "postgres"],
      serverUrl: SERVER,
      note: null,
    });
  });

  it("defaults to PGlite alone without a server, with a line saying how to add Postgres", () => {
    const selected = selectBenchDatabases(undefined, {});
    expect(selected.kinds).toEqual(["pglite"]);
    expect(selected.note).toContain(BENCH_DATABASE_URL_ENV);
  });

  it("takes each value of the flag", () => {
    expect(selectBenchDatabases("pglite", withServer).kinds).toEqual(["pglite"]);
    expect(selectBenchDatabases("pglite", {}).kinds).toEqual(["pglite"]);
    expect(selectBenchDatabases("postgres", withServer).kinds).toEqual(["postgres"]);
    expect(selectBenchDatabases("both", withServer).kinds).toEqual(["pglite", "postgres"]);
  });

  it("rejects a value it does not know with a sentence", () => {
    expect(() => selectBenchDatabases("mysql", withServer)).toThrow(UsageError);
    expect(() => selectBenchDatabases("mysql", withServer)).toThrow(/--database must be pglite, postgres or both/);
    expect(() => selectBenchDatabases("", withServer)).toThrow(UsageError);
  });

  it("asks for the server when Postgres is asked for without one", () => {
    expect(() => selectBenchDatabases("postgres", {})).toThrow(new RegExp(BENCH_DATABASE_URL_ENV));
    expect(() => selectBenchDatabases("both", { [BENCH_DATABASE_URL_ENV]: " " })).toThrow(UsageError);
    expect(() => selectBenchDatabases("both", { [BENCH_DATABASE_URL_ENV]: "not a url" })).toThrow(/not a URL/);
  });
});
