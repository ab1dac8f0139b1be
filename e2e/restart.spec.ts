import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type AppServer, startAppServer } from "./fixtures/app-server";
import { HomePage } from "./pages/home-page";
import { InterviewPage } from "./pages/interview-page";

const PORT = 3312;
const DATA_DIR = path.resolve(".test-data", "restart");
let server: AppServer | undefined;

test.beforeAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));
test.afterAll(async () => {
  await server?.kill();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

test("killing the server mid-interview and starting it again loses nothing", async ({ page }) => {
  server = await startAppServer({ port: PORT, dataDir: DATA_DIR });
  const home = new HomePage(page);
  await page.goto(server.url);
  await home.startInterview("video-recommendation", "senior");
  const interview = new InterviewPage(page);
  await interview.answer("We optimise long-term watch time because clicks reward clickbait.");
  await interview.answer("next");
  const before = await interview.transcriptTexts();

  await server.kill();
  server = await startAppServer({ port: PORT, dataDir: DATA_DIR });
  await page.reload();
  await expect(interview.turns()).toHaveCount(before.length);
  expect(await interview.transcriptTexts()).toEqual(before);
  await interview.expectCurrentStep("frame-problem");
  await interview.answer("Ranking by predicted watch time over candidates from a two-tower retriever.");
  await expect(interview.turns()).toHaveCount(before.length + 2);
});
