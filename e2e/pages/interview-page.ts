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

  /** Waits until the reply has finished streaming and the stored turns have replaced the live ones. */
  async settled(): Promise<void> {
    await expect(this.transcript.locator("[aria-busy=true]")).toHaveCount(0);
  }

  /** Types an answer, sends it with Enter, and waits for the interviewer's whole reply. */
  async answer(text: string): Promise<void> {
    const before = await this.interviewerTurns().count();
    await this.composer.fill(text);
    await this.composer.press("Enter");
    await expect(this.interviewerTurns()).toHaveCount(before + 1);
    await this.settled();
  }

  async pressNextStep(): Promise<void> {
    const before = await this.interviewerTurns().count();
    await this.page.getByTestId("next-step").click();
    await expect(this.interviewerTurns()).toHaveCount(before + 1);
    await this.settled();
  }

  async expectCurrentStep(step: StepId): Promise<void> {
    await expect(this.page.getByTestId(`step-${step}`)).toHaveAttribute("data-state", "current");
  }

  async transcriptTexts(): Promise<string[]> {
    return this.turns().allInnerTexts();
  }
}
