import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadScenarioFile, loadScenarioLibrary, ScenarioFileError } from "./load";

const SOURCE = path.resolve("scenarios", "video-recommendation.yaml");
let dir: string;

/** Writes a copy of a real scenario, changed by `edit`, and returns its path. */
// biome-ignore lint/suspicious/noExplicitAny: the edits reach into arbitrary YAML paths on purpose
function writeVariant(edit: (doc: Record<string, any>) => void, name = "video-recommendation.yaml"): string {
  const doc = parse(readFileSync(SOURCE, "utf8"));
  edit(doc);
  const file = path.join(dir, name);
  writeFileSync(file, stringify(doc));
  return file;
}

function problemsOf(file: string): string {
  try {
    loadScenarioFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFileError);
    return (error as ScenarioFileError).message;
  }
  throw new Error("the file was accepted");
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "probe-scenarios-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("scenario files", () => {
  it("accept the real video-recommendation file", () => {
    const scenario = loadScenarioFile(SOURCE);
    expect(scenario.id).toBe("video-recommendation");
    expect(Object.keys(scenario.steps)).toHaveLength(7);
  });

  it("name the file and the field of a bad weight", () => {
    const file = writeVariant((doc) => {
      doc.steps.evaluation.rubric[1].weight = 7;
    });
    const message = problemsOf(file);
    expect(message).toContain(file);
    expect(message).toContain("steps.evaluation.rubric.1.weight");
  });

  it("reject a step with too few rubric items", () => {
    const file = writeVariant((doc) => {
      doc.steps.monitoring.rubric = doc.steps.monitoring.rubric.slice(0, 2);
    });
    expect(problemsOf(file)).toMatch(/steps\.monitoring\.rubric: .*4/);
  });

  it("reject a follow-up that targets a rubric item of another step", () => {
    const file = writeVariant((doc) => {
      doc.steps["frame-problem"].followUps[0].targets = ["no-such-item"];
    });
    expect(problemsOf(file)).toContain('steps.frame-problem.followUps.0.targets: "no-such-item" is not a rubric item');
  });

  it("reject a passage outside 80 to 250 words and a step with under three passages", () => {
    const file = writeVariant((doc) => {
      doc.passages[0].text = "Too short.";
      doc.passages = doc.passages
        .filter((p: { step: string }) => p.step !== "evaluation")
        .concat(doc.passages.filter((p: { step: string }) => p.step === "evaluation").slice(0, 2));
    });
    const message = problemsOf(file);
    expect(message).toContain("passages.0.text: must be 80 to 250 words");
    expect(message).toContain('step "evaluation" has 2 passages');
  });

  it("reject duplicate ids and an id that does not match the file name", () => {
    const duplicate = writeVariant((doc) => {
      doc.facts[1].id = doc.facts[0].id;
    });
    expect(problemsOf(duplicate)).toMatch(/facts\.1\.id: id ".*" is already used at facts\.0\.id/);
    const misnamed = writeVariant(() => {}, "news-feed.yaml");
    expect(problemsOf(misnamed)).toContain('does not match the file name "news-feed"');
  });

  it("report YAML syntax errors and unreadable files as sentences", () => {
    const file = path.join(dir, "video-recommendation.yaml");
    writeFileSync(file, "id: [unclosed\n");
    expect(problemsOf(file)).toContain("not valid YAML");
    expect(problemsOf(path.join(dir, "missing.yaml"))).toContain("cannot be read (ENOENT)");
  });

  it("load a whole directory and gather the problems of every bad file", () => {
    writeVariant(() => {});
    expect(loadScenarioLibrary(dir).scenarios.size).toBe(1);
    writeVariant((doc) => {
      doc.id = "news-feed";
      doc.title = "";
    }, "news-feed.yaml");
    writeFileSync(path.join(dir, "fraud-detection.yaml"), "id: fraud-detection\n");
    expect(() => loadScenarioLibrary(dir)).toThrow(
      /fraud-detection\.yaml: title: is missing \(expected string\).*news-feed\.yaml: title: must not be empty/s,
    );
  });
});

describe("reference designs (issue 16)", () => {
  it("every scenario has 4 to 7 required components for the diagram checks", () => {
    for (const scenario of loadScenarioLibrary().scenarios.values()) {
      const design = scenario.referenceDesign ?? [];
      expect(design.length, scenario.id).toBeGreaterThanOrEqual(4);
      expect(design.length, scenario.id).toBeLessThanOrEqual(7);
    }
  });
});
