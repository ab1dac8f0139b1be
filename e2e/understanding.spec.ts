import { expect, test } from "@playwright/test";
import { getScenario } from "@/lib/scenarios/library";
import { HomePage } from "./pages/home-page";
import { InterviewPage } from "./pages/interview-page";

/** The interviewer understands the candidate's own words, in the browser, offline. */
test.describe("an interviewer that understands the candidate", () => {
  test.beforeEach(async ({ page }) => {
    await new HomePage(page).goto();
    await new HomePage(page).startInterview("visual-search", "senior");
  });

  test("a request for help in other words gets a hint", async ({ page }) => {
    const interview = new InterviewPage(page);
    await interview.answer("Could you give me a nudge on where to begin?");
    const hints = getScenario("visual-search").steps["clarify-requirements"].hints.map((h) => h.text);
    const reply = (await interview.interviewerTurns().last().textContent()) ?? "";
    expect(hints.some((hint) => reply.includes(hint))).toBe(true);
    await interview.expectNewestReplyInView();
  });

  test("a question at the end of an answer is answered in the same reply", async ({ page }) => {
    const interview = new InterviewPage(page);
    await interview.answer("I'd keep one shared image embedding for every surface. Searches per second at peak?");
    await expect(interview.interviewerTurns().last()).toContainText("1,400 per second");
    await interview.expectNewestReplyInView();
  });

  test("a wrong memory figure is challenged with the right one, and the numbers reach the ledger", async ({ page }) => {
    const interview = new InterviewPage(page);
    await interview.answer("1 billion 256-dim float32 vectors fit in 64 GB.");
    const reply = interview.interviewerTurns().last();
    await expect(reply).toContainText("1.02 TB");
    await expect(reply.getByTestId("check-card")).toBeVisible();
    await expect(reply.getByTestId("check-headline")).toContainText("16×");
    await interview.expectNewestReplyInView();
    if ((await interview.ledger.getAttribute("open")) === null) await interview.ledger.locator("summary").click();
    await expect(interview.ledger.getByTestId("ledger-candidate")).toContainText("64 GB");
  });

  test("a claim only a run can check gets its card after the reply, and the card stays after a reload", async ({
    page,
  }) => {
    const interview = new InterviewPage(page);
    await interview.answer("HNSW over 50 million 128-dim vectors answers in 4 ms at recall 0.95.");
    const card = interview.interviewerTurns().last().getByTestId("check-card");
    await expect(card.getByTestId("check-headline")).toContainText("50 million vectors", { timeout: 30_000 });
    await interview.expectNewestReplyInView();
    await page.reload();
    await expect(new InterviewPage(page).interviewerTurns().last().getByTestId("check-headline")).toContainText(
      "50 million vectors",
    );
  });
});
