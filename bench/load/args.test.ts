import { describe, expect, it } from "vitest";
import { UsageError } from "@/lib/cli/usage-error";
import { BENCH_DATABASE_URL_ENV } from "../bench-databases";
import { parseLoadArgs } from "./args";

const SERVER = "postgres://postgres@127.0.0.1:5433/postgres";
const withServer = { [BENCH_DATABASE_URL_ENV]: SERVER };

/** The sentence a bad argument list fails with, or null when it is accepted. */
function problem(argv: string[], env: Record<string, string | undefined> = withServer): string | null {
  try {
    parseLoadArgs(argv, env);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message.split("\n")[0] ?? "";
  }
}

describe("parseLoadArgs", () => {
  it("defaults to 20 candidates x 10 turns on one server, on both databases when a server is given", () => {
    expect(parseLoadArgs([], withServer)).toEqual({
      candidates: 20,
      turnsPerCandidate: 10,
      servers: 1,
      databases: { kinds: ["pglite", "postgres"], serverUrl: SERVER, note: null },
    });
    expect(parseLoadArgs([], {}).databases.kinds).toEqual(["pglite"]);
  });

  it("reads each option, with = or a space", () => {
    const args = parseLoadArgs(["--candidates", "5", "--turns=3", "--database=postgres", "--servers", "2"], withServer);
    expect(args).toMatchObject({ candidates: 5, turnsPerCandidate: 3, servers: 2 });
    expect(args.databases.kinds).toEqual(["postgres"]);
  });

  it("rejects numbers out of range or not whole with a sentence naming the option", () => {
    expect(problem(["--candidates", "0"])).toBe("--candidates must be a whole number from 1 to 200.");
    expect(problem(["--candidates", "201"])).toBe("--candidates must be a whole number from 1 to 200.");
    expect(problem(["--turns", "2.5"])).toBe("--turns must be a whole number from 1 to 100.");
    expect(problem(["--turns", "ten"])).toBe("--turns must be a whole number from 1 to 100.");
    expect(problem(["--turns="])).toBe("--turns must be a whole number from 1 to 100.");
  });

  it("rejects unknown options, positionals and a bad --servers", () => {
    expect(problem(["--users", "3"])).toContain("--users");
    expect(problem(["extra"])).not.toBeNull();
    expect(problem(["--servers", "3", "--database=postgres"])).toBe("--servers must be 1 or 2.");
  });

  it("allows two servers only on Postgres alone", () => {
    expect(problem(["--servers", "2", "--database=postgres"])).toBeNull();
    expect(problem(["--servers", "2", "--database=pglite"])).toContain("--servers 2 needs --database=postgres");
    expect(problem(["--servers", "2", "--database=both"])).toContain("--servers 2 needs --database=postgres");
    expect(problem(["--servers", "2"])).toContain("--servers 2 needs --database=postgres");
  });

  it("passes database problems on from selectBenchDatabases", () => {
    expect(problem(["--database=mysql"])).toContain("--database must be pglite, postgres or both");
    expect(problem(["--database=postgres"], {})).toContain(BENCH_DATABASE_URL_ENV);
  });
});
