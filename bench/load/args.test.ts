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
  it("defaults to 50 candidates for 5 minutes, 5 s apart, then the stress phase, on one server", () => {
    expect(parseLoadArgs([], withServer)).toEqual({
      candidates: 50,
      durationSeconds: 300,
      thinkMs: 5000,
      turnsPerCandidate: null,
      warmupSeconds: 60,
      servers: 1,
      stress: true,
      stressSeconds: 20,
      seed: 1,
      databases: { kinds: ["pglite", "postgres"], serverUrl: SERVER, note: null },
    });
    expect(parseLoadArgs([], {}).databases.kinds).toEqual(["pglite"]);
  });

  it("reads each option, with = or a space", () => {
    const args = parseLoadArgs(["--candidates", "5", "--turns=3", "--database=postgres", "--servers", "2"], withServer);
    expect(args).toMatchObject({ candidates: 5, turnsPerCandidate: 3, servers: 2 });
    expect(args.databases.kinds).toEqual(["postgres"]);
    const timed = parseLoadArgs(
      ["--duration", "30", "--think=0", "--stress", "off", "--stress-seconds", "7", "--seed", "9"],
      withServer,
    );
    expect(timed).toMatchObject({ durationSeconds: 30, thinkMs: 0, stress: false, stressSeconds: 7, seed: 9 });
    // Without --warmup, a fifth of a run shorter than five minutes.
    expect(timed.warmupSeconds).toBe(6);
    expect(parseLoadArgs(["--duration", "600", "--warmup", "120"], withServer).warmupSeconds).toBe(120);
  });

  it("rejects numbers out of range or not whole with a sentence naming the option", () => {
    expect(problem(["--candidates", "0"])).toBe("--candidates must be a whole number from 1 to 500.");
    expect(problem(["--candidates", "501"])).toBe("--candidates must be a whole number from 1 to 500.");
    expect(problem(["--turns", "2.5"])).toBe("--turns must be a whole number from 1 to 10000.");
    expect(problem(["--turns", "ten"])).toBe("--turns must be a whole number from 1 to 10000.");
    expect(problem(["--turns="])).toBe("--turns must be a whole number from 1 to 10000.");
    expect(problem(["--duration", "4"])).toBe("--duration must be a whole number from 5 to 3600.");
    expect(problem(["--think=-1"])).toBe("--think must be a whole number from 0 to 60000.");
    expect(problem(["--stress", "maybe"])).toBe("--stress must be on or off.");
    expect(problem(["--duration", "60", "--warmup", "60"])).toContain("--warmup must be shorter than --duration");
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
