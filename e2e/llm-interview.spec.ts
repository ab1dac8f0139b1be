import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type AppServer, startAppServer } from "./fixtures/app-server";
import { type FakeLlmServer, startFakeLlmServer } from "./fixtures/fake-llm-server";
import { HomePage } from "./pages/home-page";
import { InterviewPage } from "./pages/interview-page";

const PORT = 3314;
const DATA_DIR = path.resolve(".test-data", "llm");
let llm: FakeLlmServer;
let app: AppServer | undefined;

test.beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  llm = await startFakeLlmServer([
    // The model reads each message: "next" asks to move on, anything else is an answer.
    {
      when: "sentence by sentence",
      reply: (prompt) => {
        const text = /<candidate>\n([\s\S]*?)\n<\/candidate>/.exec(prompt)?.[1] ?? "";
        return JSON.stringify({
          acts: [{ kind: text === "next" ? "move_on" : "answer", sentence: text }],
          quantities: [],
        });
      },
    },
    { when: "Target level", reply: '{"items": []}' },
    {
      when: "Move: open",
      reply: "Welcome. Design the homepage recommender for our video platform; what should it optimise for?",
    },
    {
      when: "Move: askFollowUp",
      reply: "You mentioned watch time; how many requests per second do you expect at peak, and why?",
    },
    { when: "Move: advanceStep", reply: "Let's frame it as an ML task: what exactly does the model predict?" },
  ]);
  app = await startAppServer({
    port: PORT,
    dataDir: DATA_DIR,
    env: { OPENAI_BASE_URL: llm.url, LLM_MODEL: "fake-interviewer" },
  });
});

test.afterAll(async () => {
  await app?.kill();
  await llm.close();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

test("with an OpenAI-compatible server the replies stream in, and an outage falls back quietly", async ({ page }) => {
  if (!app) throw new Error("the app did not start");
  await page.goto(app.url);
  await new HomePage(page).startInterview("video-recommendation", "senior");
  const interview = new InterviewPage(page);
  await expect(interview.interviewerTurns().first()).toContainText("Design the homepage recommender");

  await interview.answer("We optimise long-term watch time, because clicks reward clickbait.");
  await expect(interview.interviewerTurns().last()).toContainText("how many requests per second do you expect at peak");
  const streamed = llm.requests.filter((r) => r.stream);
  expect(streamed.length).toBeGreaterThanOrEqual(2);
  expect(streamed.at(-1)?.prompt).toContain("<candidate>\nWe optimise long-term watch time");
  const reads = llm.requests.filter((r) => r.prompt.includes("sentence by sentence"));
  expect(reads.at(-1)?.prompt).toContain("<candidate>\nWe optimise long-term watch time");

  // The model goes down: the reply comes from the offline interviewer, with a quiet notice.
  llm.injectFault({ kind: "status", status: 500, times: 50 });
  await interview.answer("next");
  await expect(interview.interviewerTurns().last()).toContainText("frame");
  await expect(page.getByTestId("turn-notice").last()).toContainText("offline interviewer answered");
  await expect(page.getByTestId("chat-error")).toHaveCount(0);
});
