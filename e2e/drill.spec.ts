import { expect, test } from "@playwright/test";
import { InterviewPage } from "./pages/interview-page";

test("a drill shows its one step; its clock and its opening agree on the minutes; its report is that step", async ({
  page,
}) => {
  const start = await page.request.post("/api/interviews", {
    data: { scenarioId: "fraud-detection", drillStep: "evaluation", minutes: 10 },
  });
  expect(start.status()).toBe(201);
  await page.goto(`/interview/${(await start.json()).id}`);

  const tracker = page.getByTestId("step-tracker");
  await expect(tracker.getByRole("listitem")).toHaveCount(1);
  await expect(tracker.getByTestId("step-evaluation")).toHaveAttribute("data-state", "current");
  await expect(page.getByTestId("interview-meta")).toContainText("drill on Evaluation");
  await expect(page.getByTestId("turn-interviewer").first()).toContainText("about 10 minutes");
  await expect(page.getByTestId("interview-clock")).toContainText("/ 10:00");

  const interview = new InterviewPage(page);
  await interview.answer("PR-AUC and recall at a fixed false decline rate, because fraud is 0.1% of payments.");
  await interview.endInterview();
  const steps = page.getByTestId("score-report").locator("[data-testid^=report-step-]");
  await expect(steps).toHaveCount(1);
  await expect(steps.first()).toHaveAttribute("data-testid", "report-step-evaluation");
  await expect(tracker.getByRole("listitem")).toHaveCount(1);
});
