import { expect, type Locator, type Page } from "@playwright/test";
import { HomePage } from "./home-page";

/** The diagram panel beside the chat: the Excalidraw canvas, its summary, save status and Mermaid dialogs. */
export class DiagramPanel {
  readonly panel: Locator;
  readonly summary: Locator;
  readonly status: Locator;
  readonly canvas: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId("diagram-panel");
    this.summary = page.getByTestId("diagram-summary");
    this.status = page.getByTestId("diagram-save-status");
    this.canvas = page.getByTestId("diagram-canvas");
  }

  /** Waits until Excalidraw has loaded and reported what it shows. */
  async ready(): Promise<void> {
    await expect(this.panel).toHaveAttribute("data-canvas", "ready", { timeout: 30_000 });
  }

  /** Waits until the last change is stored, and returns the revision the server confirmed. */
  async saved(): Promise<number> {
    await expect(this.status).toHaveText("Saved");
    return Number(await this.status.getAttribute("data-revision"));
  }

  /** A point of the canvas, from its top left corner. */
  async at(x: number, y: number): Promise<{ x: number; y: number }> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error("the canvas has no size");
    return { x: box.x + x, y: box.y + y };
  }

  async drag(from: [number, number], to: [number, number]): Promise<void> {
    const start = await this.at(...from);
    const end = await this.at(...to);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(end.x, end.y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** A rectangle from the "r" tool, labelled by pressing Enter while it is selected. */
  async box(from: [number, number], to: [number, number], label: string): Promise<void> {
    await this.page.keyboard.press("r");
    await this.drag(from, to);
    await this.page.keyboard.press("Enter");
    await this.page.keyboard.type(label);
    await this.page.keyboard.press("Escape");
  }

  async arrow(from: [number, number], to: [number, number]): Promise<void> {
    await this.page.keyboard.press("a");
    await this.drag(from, to);
    await this.page.keyboard.press("Escape");
  }

  /** The editor takes keyboard shortcuts ("r", "a", Enter) while it has focus; Tab reaches it too. */
  async focus(): Promise<void> {
    await this.canvas.locator(".excalidraw-container").focus();
  }

  async pasteMermaid(source: string): Promise<void> {
    await this.page.getByRole("button", { name: "Paste Mermaid" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Replace the diagram with a Mermaid flowchart" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel(/Mermaid flowchart/)).toBeFocused();
    await dialog.getByLabel(/Mermaid flowchart/).fill(source);
    await dialog.getByRole("button", { name: "Replace diagram" }).click();
  }
}

export async function startInterviewWithCanvas(page: Page): Promise<{ id: string; diagram: DiagramPanel }> {
  const home = new HomePage(page);
  await home.goto();
  await home.startInterview("video-recommendation", "senior");
  const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const diagram = new DiagramPanel(page);
  await diagram.ready();
  await expect(diagram.summary).toHaveText("The diagram is empty.");
  return { id, diagram };
}
