import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InterviewerDependencies } from "@/agents/interviewer/dependencies";
import type { Database } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { getScenario } from "@/lib/scenarios/library";
import type { InterviewView } from "@/lib/types";
import { getInterviewView, sendCandidateMessage, startInterview } from "./interview-service";
import { dependenciesFor, getInterviewerGraph } from "./interviewer-runtime";
import { awaitPendingChecks } from "./pending-checks";

let database: Database;
const runs: string[] = [];

/** A stub run that records what it was asked, so a test can see the check was really started. */
const stubCheck: InterviewerDependencies["runCheck"] = async (claim) => {
  runs.push(claim.quote);
  return {
    pipeline: claim.pipeline,
    title: "Stub",
    claim: claim.quote,
    headline: "A stub run measured 12 ms at recall 0.97.",
    rows: [],
    chart: null,
    assumptions: [],
  };
};

beforeAll(async () => {
  database = await openTestDatabase();
  await getInterviewerGraph(database, { ...dependenciesFor(database), runCheck: stubCheck });
});

afterAll(async () => {
  await database.close();
});

const say = (view: InterviewView, content: string) =>
  sendCandidateMessage(database, { interviewId: view.id, messageId: randomUUID(), content });
const lastReply = (view: InterviewView) => view.turns.at(-1)?.content ?? "";
const start = (scenarioId: Parameters<typeof startInterview>[1]["scenarioId"]) =>
  startInterview(database, { scenarioId, level: "senior" });

describe("the interviewer understands requests in the candidate's own words", () => {
  it("gives a hint when asked for a direction", async () => {
    const view = await say(await start("visual-search"), "Could you point me in a direction?");
    const hints = getScenario("visual-search").steps["clarify-requirements"].hints.map((h) => h.text);
    expect(hints.some((h) => lastReply(view).includes(h))).toBe(true);
  });

  it("helps after an 'I don't know' instead of asking to dig in", async () => {
    const view = await say(await start("fraud-detection"), "Honestly, I don't know.");
    const hints = getScenario("fraud-detection").steps["clarify-requirements"].hints.map((h) => h.text);
    expect(hints.some((h) => lastReply(view).includes(h))).toBe(true);
  });

  it("says the question again, whole, when asked what it means, without giving away the rubric", async () => {
    let view = await say(
      await start("news-feed"),
      "I'd optimise for long-term engagement, because clicks reward bait.",
    );
    const asked = lastReply(view);
    view = await say(view, "What do you mean by that?");
    const reply = lastReply(view);
    const step = getScenario("news-feed").steps["clarify-requirements"];
    const current = step.followUps.find((f) => asked.includes(f.text));
    expect(current).toBeDefined();
    expect(reply).toBe(`Sure, here's the question again: ${current?.text}`);
    for (const item of step.rubric) expect(reply.toLowerCase()).not.toContain(item.title.toLowerCase());
    expect(view.currentStep).toBe("clarify-requirements");
  });

  it("answers a question tacked onto an answer sentence", async () => {
    const view = await say(
      await start("fraud-detection"),
      "Labels would come from chargebacks, so what's the fraud rate we see today?",
    );
    const fact = getScenario("fraud-detection").facts.find((f) => f.id === "fd-fact-fraud-rate");
    expect(lastReply(view)).toContain(fact?.answer.trim().slice(0, 40));
  });

  it("jumps to the step the candidate names, and wraps up when asked", async () => {
    let view = await say(await start("news-feed"), "Can we move on to the model?");
    expect(view.currentStep).toBe("model-development");
    expect(lastReply(view)).toContain(getScenario("news-feed").steps["model-development"].question);
    view = await say(view, "Can we wrap up?");
    expect(view.status).toBe("completed");
  });

  it("moves on at 'next' without praising an empty answer", async () => {
    const view = await say(await start("news-feed"), "next");
    expect(view.currentStep).toBe("frame-problem");
    expect(lastReply(view)).not.toMatch(/^(Good|Great|Nice)/);
  });
});

describe("questions inside answers and the ledger", () => {
  it("answers a question at the end of an answer in the same reply, and keeps both sides' numbers", async () => {
    const view = await say(
      await start("visual-search"),
      "I'd keep one shared embedding for all surfaces. Searches per second at peak?",
    );
    expect(lastReply(view)).toContain("1,400 per second");
    expect(view.ledger.some((e) => e.source === "interviewer" && /1,400/.test(e.text))).toBe(true);
  });

  it("never asks for a figure the candidate has just given", async () => {
    let view = await start("visual-search");
    view = await say(view, "next");
    const followUp = getScenario("visual-search").steps["frame-problem"].followUps.find(
      (f) => f.id === "vis-frame-fu-number",
    );
    view = await say(
      view,
      "It is retrieval: the ANN stage hands 1,000 candidates to a re-ranker, because re-ranking is costly.",
    );
    expect(view.ledger.some((e) => e.source === "candidate" && e.value === 1000)).toBe(true);
    expect(lastReply(view)).not.toContain(followUp?.text);
  });
});

describe("number checks", () => {
  it("challenges a wrong memory figure with the right one, inline", async () => {
    const view = await say(await start("visual-search"), "1 billion 256-dim float32 vectors fit in 64 GB.");
    expect(lastReply(view)).toMatch(/1\.02 TB/);
    expect(view.turns.at(-1)?.check).toMatchObject({ verdict: "too_low", status: "done" });
  });

  it("challenges wrong traffic arithmetic and confirms right arithmetic, then moves on", async () => {
    let view = await say(
      await start("news-feed"),
      "500 million users × 5 visits a day is about 3,000 requests per second.",
    );
    expect(lastReply(view)).toMatch(/28,9|29,0/);
    expect(view.turns.at(-1)?.check?.verdict).toBe("too_low");
    view = await say(view, "Right, 500 million users making 5 visits a day is about 29,000 requests per second.");
    expect(view.turns.at(-1)?.check?.verdict).toBe("consistent");
    expect(lastReply(view)).toMatch(/\?$/);
  });

  it("never holds up the reply for a pipeline run: the card arrives after it and is stored", async () => {
    const claim = "HNSW returns the top 500 of 500 million videos in 10 ms at recall 0.95.";
    const view = await say(await start("video-search"), claim);
    const reply = view.turns.at(-1);
    expect(reply?.check?.status).toBe("pending");
    const arrived: string[] = [];
    await awaitPendingChecks(database, view, (_id, card) => arrived.push(card.headline), undefined, 10_000);
    expect(arrived).toEqual(["A stub run measured 12 ms at recall 0.97."]);
    expect(runs).toContain(claim);
    const reloaded = await getInterviewView(database, view.id);
    expect(reloaded.turns.find((t) => t.id === reply?.id)?.check).toMatchObject({ status: "done", claim });
  });
});

describe("conversation", () => {
  it("never says the same acknowledgement twice in an interview", async () => {
    let view = await start("ad-click-prediction");
    const answers = [
      "About 2 billion impressions a day, at roughly 100 bytes each.",
      "We would log 300 features per request, because sparse ids matter.",
      "Peak traffic is about 80,000 requests per second.",
      "The model holds 50 million ids in its embedding tables.",
      "Each shard serves 5,000 requests per second.",
    ];
    for (const answer of answers) view = await say(view, answer);
    const openers = view.turns
      .filter((t) => t.role === "interviewer")
      .slice(1)
      .map((t) => t.content.split(/(?<=[.?!])\s/)[0]);
    expect(new Set(openers).size).toBe(openers.length);
  });
});

describe("a corrected figure", () => {
  it("is confirmed, and a machine count it explains is not questioned", async () => {
    let view = await say(await start("visual-search"), "6 billion 256-dim float32 vectors fit in 600 GB of RAM.");
    expect(view.turns.at(-1)?.check?.verdict).toBe("too_low");
    view = await say(
      view,
      "Right: 6 billion times 256 times 4 bytes is about 6.1 TB, so 48 machines with 128 GB each.",
    );
    expect(view.turns.at(-1)?.check?.verdict).toBe("consistent");
    expect(lastReply(view)).not.toMatch(/can't check/);
  });
});

describe("a question about two things joined by 'and'", () => {
  it("answers both", async () => {
    const view = await say(await start("visual-search"), "How many images and daily users are there?");
    const facts = getScenario("visual-search").facts;
    for (const id of ["vis-fact-corpus", "vis-fact-users"]) {
      const fact = facts.find((f) => f.id === id);
      expect(lastReply(view)).toContain(fact?.answer.trim().slice(0, 30));
    }
  });
});
