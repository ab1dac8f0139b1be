import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import type { ScenarioId } from "@/lib/framework";
import { type Scenario, scenarioSchema, type TopicPassage, topicsFileSchema } from "./schema";

/** A scenario file that failed validation; the message names the file and each bad field. */
export class ScenarioFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join("; ")}`);
    this.name = "ScenarioFileError";
  }
}

export const TOPICS_FILE = "_topics.yaml";

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(file)";
    const message = issue.message.replace(
      /^Invalid input: expected (\w+), received undefined$/,
      "is missing (expected $1)",
    );
    return `${field}: ${message}`;
  });
}

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    throw new ScenarioFileError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`]);
  }
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    throw new ScenarioFileError(file, [`not valid YAML (${(error as Error).message.split("\n")[0]})`]);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new ScenarioFileError(file, describeIssues(result.error));
  return result.data;
}

/** Reads and validates one scenario file; its id must match its file name. */
export function loadScenarioFile(file: string): Scenario {
  const scenario = parseFile(file, scenarioSchema);
  const expected = path.basename(file, ".yaml");
  if (scenario.id !== expected) {
    throw new ScenarioFileError(file, [`id: "${scenario.id}" does not match the file name "${expected}"`]);
  }
  return scenario;
}

export function loadTopicsFile(file: string): TopicPassage[] {
  return parseFile(file, topicsFileSchema).passages;
}

export interface ScenarioLibrary {
  scenarios: Map<ScenarioId, Scenario>;
  topics: TopicPassage[];
}

/** The default library location: `scenarios/` under the project root. */
export function defaultScenariosDir(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "scenarios");
}

/** Loads every `*.yaml` in `dir`; collects the problems of all files before throwing. */
export function loadScenarioLibrary(dir: string = defaultScenariosDir()): ScenarioLibrary {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort();
  const scenarios = new Map<ScenarioId, Scenario>();
  let topics: TopicPassage[] = [];
  const errors: ScenarioFileError[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    try {
      if (name === TOPICS_FILE) topics = loadTopicsFile(file);
      else {
        const scenario = loadScenarioFile(file);
        scenarios.set(scenario.id, scenario);
      }
    } catch (error) {
      if (error instanceof ScenarioFileError) errors.push(error);
      else throw error;
    }
  }
  const [first, ...rest] = errors;
  if (first && rest.length === 0) throw first;
  if (first)
    throw new ScenarioFileError(
      dir,
      errors.map((e) => e.message),
    );
  return { scenarios, topics };
}
