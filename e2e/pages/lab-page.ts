import { expect, type Locator, type Page, type Request } from "@playwright/test";

/** The Lab: one form per reference pipeline. */
export class LabPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/lab");
    await expect(this.pipeline("capacity")).toBeVisible();
  }

  pipeline(name: string): Locator {
    return this.page.getByTestId(`lab-${name}`);
  }

  field(pipeline: string, path: string): Locator {
    return this.pipeline(pipeline).getByTestId(`param-${path}`);
  }

  /** Presses Run and returns the parameters the form sent. */
  async run(pipeline: string): Promise<Record<string, unknown>> {
    const sent = this.page.waitForRequest((request: Request) => request.url().endsWith(`/api/pipelines/${pipeline}`));
    await this.pipeline(pipeline).getByTestId("run-pipeline").click();
    return (await sent).postDataJSON() as Record<string, unknown>;
  }

  /** Words in camelCase ("latencyMs", "targetN"): parameter names that should never reach a reader. */
  async camelCaseWords(scope: Locator): Promise<string[]> {
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees; textContent would glue a label to its help text
    const text = await scope.innerText();
    return [...new Set(text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? [])];
  }
}
