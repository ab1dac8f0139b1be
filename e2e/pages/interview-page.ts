import { expect, type Locator, type Page } from "@playwright/test";
import type { StepId } from "@/lib/framework";

/** The live interview: transcript, composer and step tracker. */
export class InterviewPage {
  readonly transcript: Locator;
  readonly composer: Locator;

  constructor(private readonly page: Page) {
    this.transcript = page.getByTestId("transcript");
    this.composer = page.getByTestId("composer");
  }

  turns(): Locator {
    return this.transcript.locator("li");
  }

  interviewerTurns(): Locator {
    return this.page.getByTestId("turn-interviewer");
  }

  /** Types an answer, sends it with Enter, and waits for the interviewer's reply. */
  async answer(text: string): Promise<void> {
    const before = await this.interviewerTurns().count();
    await this.composer.fill(text);
    await this.composer.press("Enter");
    await expect(this.interviewerTurns()).toHaveCount(before + 1);
  }

  async pressNextStep(): Promise<void> {
    const before = await this.interviewerTurns().count();
    await this.page.getByTestId("next-step").click();
    await expect(this.interviewerTurns()).toHaveCount(before + 1);
  }

  async expectCurrentStep(step: StepId): Promise<void> {
    await expect(this.page.getByTestId(`step-${step}`)).toHaveAttribute("data-state", "current");
  }

  async transcriptTexts(): Promise<string[]> {
    return this.turns().allInnerTexts();
  }
}
