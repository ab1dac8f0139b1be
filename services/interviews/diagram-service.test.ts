import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createInterview, deleteInterviewById, updateInterviewProgress } from "@/db/queries/interviews";
import { createUser } from "@/db/queries/users";
import type { NewInterview } from "@/db/schema";
import { openTestDatabase } from "@/db/testing/test-database";
import { arrow, box, type Raw, text } from "@/lib/diagram/excalidraw/testing/scenes";
import { AppError } from "@/lib/errors";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { transcriptSchema } from "@/lib/scoring/schema";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import { getDiagram, loadDiagram, loadDiagramText, saveDiagram } from "./diagram-service";
import { storeImportedInterview } from "./interview-service";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

/** A user and an active interview of theirs. */
async function ownInterview(values: Partial<NewInterview> = {}): Promise<{ userId: string; interviewId: string }> {
  const user = await createUser({ db: database.db });
  const interview = await createInterview({
    db: database.db,
    values: {
      userId: user.id,
      scenarioId: "video-recommendation",
      level: "senior",
      currentStep: "model-development",
      ...values,
    },
  });
  return { userId: user.id, interviewId: interview.id };
}

/** Elements as the canvas sends them: fields the reader ignores must come back untouched. */
const canvasFields = (seed: number): Raw => ({
  version: 3,
  versionNonce: seed * 7,
  seed,
  roundness: { type: 3 },
  strokeColor: "#1e1e1e",
  backgroundColor: "transparent",
  groupIds: [],
  updated: 1_796_000_000_000 + seed,
  link: null,
  locked: false,
});

/** Three labelled boxes, two arrows bound to them: Candidates → Ranker → Re-ranker. */
function pipelineElements(): Raw[] {
  return [
    box("a", 0, 0, {
      ...canvasFields(1),
      boundElements: [
        { id: "ta", type: "text" },
        { id: "ab", type: "arrow" },
      ],
    }),
    text("ta", 10, 20, "Candidates", { ...canvasFields(2), containerId: "a" }),
    box("b", 300, 0, { ...canvasFields(3), boundElements: [{ id: "tb", type: "text" }] }),
    text("tb", 310, 20, "Ranker", { ...canvasFields(4), containerId: "b" }),
    box("c", 600, 0, { ...canvasFields(5), boundElements: [{ id: "tc", type: "text" }] }),
    text("tc", 610, 20, "Re-ranker", { ...canvasFields(6), containerId: "c" }),
    arrow("ab", [100, 30], [300, 30], {
      ...canvasFields(7),
      startBinding: { elementId: "a", focus: 0, gap: 1 },
      endBinding: { elementId: "b", focus: 0, gap: 1 },
    }),
    arrow("bc", [400, 30], [600, 30], {
      ...canvasFields(8),
      startBinding: { elementId: "b", focus: 0, gap: 1 },
      endBinding: { elementId: "c", focus: 0, gap: 1 },
    }),
  ];
}

/** What the canvas would send: a saved-file scene with session appState, files and a deleted element. */
function canvasScene(elements = pipelineElements()) {
  return {
    type: "excalidraw",
    version: 2,
    source: "https://probe.local",
    elements: [...elements, box("gone", 900, 0, { isDeleted: true })],
    appState: {
      viewBackgroundColor: "#fafafa",
      gridSize: 20,
      zoom: { value: 1.5 },
      scrollX: 120,
      selectedElementIds: { a: true },
      collaborators: {},
    },
    files: { img1: { mimeType: "image/png", dataURL: "data:image/png;base64,AAAA" } },
  };
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => {
      throw new Error("expected a refusal, but the call succeeded");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("saving and reading an interview's diagram", () => {
  it("reads nothing before the first save", async () => {
    const { userId, interviewId } = await ownInterview();
    expect(await getDiagram(database, interviewId, { userId })).toBeNull();
    expect(await loadDiagram(database, interviewId)).toBeNull();
    expect(await loadDiagramText(database, interviewId)).toBeNull();
  });

  it("restores the live elements exactly as sent, keeps only harmless appState, and drops files", async () => {
    const { userId, interviewId } = await ownInterview();
    const sent = canvasScene();
    const saved = await saveDiagram(database, interviewId, { userId, scene: sent });
    expect(saved.revision).toBe(1);
    expect(new Date(saved.updatedAt).toISOString()).toBe(saved.updatedAt);

    const stored = await getDiagram(database, interviewId, { userId });
    expect(stored?.revision).toBe(1);
    expect(stored?.updatedAt).toBe(saved.updatedAt);
    expect(stored?.scene.elements).toEqual(pipelineElements());
    expect(stored?.scene.appState).toEqual({ viewBackgroundColor: "#fafafa", gridSize: 20 });
    expect(stored?.scene).not.toHaveProperty("files");
    // The unchecked read (interviewer, exports) sees the same.
    expect(await loadDiagram(database, interviewId)).toEqual(stored);
  });

  it("stores a bare list of elements too, and counts the live elements", async () => {
    const { userId, interviewId } = await ownInterview();
    await saveDiagram(database, interviewId, { userId, scene: pipelineElements() });
    const stored = await loadDiagram(database, interviewId);
    expect(stored?.scene).toEqual({ type: "excalidraw", elements: pipelineElements() });
    const count = await database.pool.query<{ element_count: number }>(
      "SELECT element_count FROM interview_diagrams WHERE interview_id = $1",
      [interviewId],
    );
    expect(count.rows[0]?.element_count).toBe(8);
  });

  it("moves the revision on by one per save, with or without the base revision, and keeps the latest scene", async () => {
    const { userId, interviewId } = await ownInterview();
    const first = await saveDiagram(database, interviewId, { userId, scene: canvasScene(), baseRevision: 0 });
    const smaller = pipelineElements().slice(0, 2);
    const second = await saveDiagram(database, interviewId, { userId, scene: { elements: smaller }, baseRevision: 1 });
    const third = await saveDiagram(database, interviewId, { userId, scene: canvasScene() });
    expect([first.revision, second.revision, third.revision]).toEqual([1, 2, 3]);
    expect(Date.parse(third.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));
    const afterSecond = await saveDiagram(database, interviewId, {
      userId,
      scene: { elements: smaller },
      baseRevision: 3,
    });
    expect(afterSecond.revision).toBe(4);
    const stored = await loadDiagram(database, interviewId);
    expect(stored?.revision).toBe(4);
    expect(stored?.scene.elements).toEqual(smaller);
  });

  it("refuses a stale base revision with a 409 and a sentence, and changes nothing", async () => {
    const { userId, interviewId } = await ownInterview();
    await saveDiagram(database, interviewId, { userId, scene: canvasScene() });
    await saveDiagram(database, interviewId, { userId, scene: canvasScene(), baseRevision: 1 });
    const before = await loadDiagram(database, interviewId);

    const stale = await refusal(
      saveDiagram(database, interviewId, { userId, scene: { elements: [box("x", 0, 0)] }, baseRevision: 1 }),
    );
    expect(stale.status).toBe(409);
    expect(stale.code).toBe("conflict:diagram_revision");
    expect(stale.message).toBe(
      "The diagram was changed elsewhere (another tab or window) since revision 1; it is now at revision 2. Reload it before saving again.",
    );
    // A tab that loaded "no diagram yet" cannot overwrite one saved since.
    const fresh = await refusal(
      saveDiagram(database, interviewId, { userId, scene: { elements: [box("x", 0, 0)] }, baseRevision: 0 }),
    );
    expect(fresh.code).toBe("conflict:diagram_revision");
    // Nor can a revision from the future.
    const ahead = await refusal(
      saveDiagram(database, interviewId, { userId, scene: { elements: [box("x", 0, 0)] }, baseRevision: 9 }),
    );
    expect(ahead.status).toBe(409);
    expect(await loadDiagram(database, interviewId)).toEqual(before);
  });

  it("lets exactly one of several saves from the same base revision win", async () => {
    const { userId, interviewId } = await ownInterview();
    await saveDiagram(database, interviewId, { userId, scene: canvasScene() });
    const results = await Promise.allSettled(
      ["p", "q", "r", "s"].map((id) =>
        saveDiagram(database, interviewId, { userId, scene: { elements: [box(id, 0, 0)] }, baseRevision: 1 }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(won[0]?.status === "fulfilled" && won[0].value.revision).toBe(2);
    for (const lost of results.filter((r) => r.status === "rejected")) {
      expect((lost.reason as AppError).code).toBe("conflict:diagram_revision");
    }
    const stored = await loadDiagram(database, interviewId);
    expect(stored?.revision).toBe(2);
    expect(stored?.scene.elements).toHaveLength(1);
  });

  it("answers another user exactly like a missing interview, for reading and saving, and changes nothing", async () => {
    const { userId, interviewId } = await ownInterview();
    await saveDiagram(database, interviewId, { userId, scene: canvasScene() });
    const before = await loadDiagram(database, interviewId);
    const stranger = await createUser({ db: database.db });

    const read = await refusal(getDiagram(database, interviewId, { userId: stranger.id }));
    expect([read.status, read.code, read.message]).toEqual([
      404,
      "not_found:interview",
      "This interview does not exist.",
    ]);
    const write = await refusal(saveDiagram(database, interviewId, { userId: stranger.id, scene: { elements: [] } }));
    expect([write.status, write.code]).toEqual([404, "not_found:interview"]);
    const missing = await refusal(
      getDiagram(database, "00000000-0000-4000-8000-000000000000", { userId: stranger.id }),
    );
    expect(missing.message).toBe(read.message);
    expect(await loadDiagram(database, interviewId)).toEqual(before);
  });

  it("refuses a diagram for an ended or imported interview with a 409 and stores nothing", async () => {
    const { userId, interviewId } = await ownInterview();
    await updateInterviewProgress({ db: database.db, id: interviewId, currentStep: "monitoring", status: "completed" });
    const ended = await refusal(saveDiagram(database, interviewId, { userId, scene: canvasScene() }));
    expect([ended.status, ended.code, ended.message]).toEqual([
      409,
      "conflict:interview",
      "This interview has ended, so its diagram can no longer be changed.",
    ]);
    expect(await loadDiagram(database, interviewId)).toBeNull();

    const imported = await ownInterview({ source: "import" });
    const refused = await refusal(
      saveDiagram(database, imported.interviewId, { userId: imported.userId, scene: canvasScene() }),
    );
    expect(refused.status).toBe(409);
    expect(await loadDiagram(database, imported.interviewId)).toBeNull();
  });

  it("refuses 5,001 elements and a scene over 2 MB with the reader's sentence (413), storing nothing", async () => {
    const { userId, interviewId } = await ownInterview();
    const many = Array.from({ length: 5001 }, (_, i) => box(`b${i}`, i, 0));
    const tooMany = await refusal(saveDiagram(database, interviewId, { userId, scene: { elements: many } }));
    expect([tooMany.status, tooMany.code, tooMany.message]).toEqual([
      413,
      "too_large:diagram",
      "The drawing has 5,001 elements; at most 5,000 can be read.",
    ]);
    // Exactly the limit is fine (and is what is then stored).
    const atLimit = many.slice(0, 5000);
    expect((await saveDiagram(database, interviewId, { userId, scene: atLimit })).revision).toBe(1);

    // Just over: 2 MB of text once (originalText null), plus the element's other fields.
    const huge = { elements: [text("t", 0, 0, "x".repeat(2 * 1024 * 1024), { originalText: null })] };
    const tooBig = await refusal(saveDiagram(database, interviewId, { userId, scene: huge }));
    expect([tooBig.status, tooBig.code, tooBig.message]).toEqual([
      413,
      "too_large:diagram",
      "The drawing is larger than 2,097,152 bytes (2 MB), the most that can be read.",
    ]);
    const stored = await loadDiagram(database, interviewId);
    expect(stored?.revision).toBe(1);
    expect(stored?.scene.elements).toEqual(atLimit);
  });

  it("refuses a malformed scene with a 400 naming the element and field, storing nothing", async () => {
    const { userId, interviewId } = await ownInterview();
    const { x: _x, ...noX } = box("a", 0, 0);
    const malformed = await refusal(saveDiagram(database, interviewId, { userId, scene: { elements: [noX] } }));
    expect([malformed.status, malformed.code, malformed.message]).toEqual([
      400,
      "bad_request:diagram",
      'The drawing is not a valid Excalidraw scene: element 1 ("a") field "x": missing (expected number).',
    ]);
    const notAScene = await refusal(saveDiagram(database, interviewId, { userId, scene: "a box" }));
    expect([notAScene.status, notAScene.message]).toEqual([
      400,
      'The drawing is not an Excalidraw scene: expected an object with an "elements" list, or a list of elements.',
    ]);
    const noElements = await refusal(saveDiagram(database, interviewId, { userId, scene: { elements: "none" } }));
    expect(noElements.message).toBe('The drawing is not an Excalidraw scene: its "elements" must be a list.');
    const badBase = await refusal(saveDiagram(database, interviewId, { userId, scene: [], baseRevision: -1 }));
    expect(badBase.status).toBe(400);
    expect(await loadDiagram(database, interviewId)).toBeNull();
  });

  it("gives the text form of the stored scene: three labelled boxes joined by two bound arrows", async () => {
    const { userId, interviewId } = await ownInterview();
    await saveDiagram(database, interviewId, { userId, scene: canvasScene() });
    const diagram = await loadDiagramText(database, interviewId);
    expect(diagram?.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ["a", "component", "Candidates"],
      ["b", "component", "Ranker"],
      ["c", "component", "Re-ranker"],
    ]);
    expect(diagram?.edges.map((e) => [e.from, e.to, e.dashed])).toEqual([
      ["a", "b", false],
      ["b", "c", false],
    ]);
  });

  it("has no text form for a saved empty canvas", async () => {
    const { userId, interviewId } = await ownInterview();
    await saveDiagram(database, interviewId, { userId, scene: { elements: [box("gone", 0, 0, { isDeleted: true })] } });
    expect((await loadDiagram(database, interviewId))?.scene.elements).toEqual([]);
    expect(await loadDiagramText(database, interviewId)).toBeNull();
  });

  it("is deleted with its interview", async () => {
    const { userId, interviewId } = await ownInterview();
    await saveDiagram(database, interviewId, { userId, scene: canvasScene() });
    await deleteInterviewById({ db: database.db, id: interviewId });
    expect(await loadDiagram(database, interviewId)).toBeNull();
  });
});

describe("an imported transcript's diagram", () => {
  it("is stored as a laid-out scene that reads back as the same diagram", async () => {
    const user = await createUser({ db: database.db });
    const diagram = `flowchart TD
  R["Retrieval: two-tower ANN"] --> K["Ranking: multi-task DNN"]
  F[(Feature store)] --> K
  L[(Watch logs)] -.-> T[Daily training]`;
    const transcript = {
      scenarioId: "video-recommendation" as const,
      level: "senior" as const,
      turns: [{ role: "candidate" as const, content: "A two-tower retrieval stage feeds a multi-task ranker." }],
      diagram,
    };
    const report = await scoreTranscript(transcript, { library: getScenarioLibrary() });
    const id = await storeImportedInterview(database, {
      transcript: transcriptSchema.parse(transcript),
      report,
      viewer: { userId: user.id },
    });
    const text = await loadDiagramText(database, id);
    expect(text?.nodes.map((n) => n.label).sort()).toEqual(
      ["Daily training", "Feature store", "Ranking: multi-task DNN", "Retrieval: two-tower ANN", "Watch logs"].sort(),
    );
    expect(text?.edges.filter((e) => e.dashed)).toHaveLength(1);
    expect(
      text?.nodes
        .filter((n) => n.kind === "store")
        .map((n) => n.label)
        .sort(),
    ).toEqual(["Feature store", "Watch logs"]);
    // Imported interviews are ended: the stored diagram cannot be changed afterwards.
    await expect(saveDiagram(database, id, { userId: user.id, scene: { elements: [] } })).rejects.toMatchObject({
      status: 409,
    });
  });
});
