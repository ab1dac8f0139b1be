"use client";

export type ShownPanel = "chat" | "diagram";

const OPTIONS: { value: ShownPanel; label: string; controls: string }[] = [
  { value: "chat", label: "Chat", controls: "interview-chat" },
  { value: "diagram", label: "Diagram", controls: "diagram" },
];

/**
 * Chat or Diagram, below the wide breakpoint where the two do not fit side by side (a phone, a
 * narrow window). Two toggle buttons rather than tabs: from the breakpoint on, both panels show
 * and this switch is hidden, which a tab list's one-panel-at-a-time promise would not match.
 */
export function PanelSwitch({
  shown,
  onShow,
  chatNews,
}: {
  shown: ShownPanel;
  onShow: (next: ShownPanel) => void;
  /** A reply arrived while the diagram was shown (the reply itself is announced where it arrives). */
  chatNews: boolean;
}) {
  return (
    <fieldset className="flex min-w-0 gap-1 rounded-lg border border-zinc-200 p-1 md:col-span-2 lg:hidden dark:border-zinc-800">
      <legend className="sr-only">Show</legend>
      {OPTIONS.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={shown === option.value}
          aria-controls={option.controls}
          onClick={() => onShow(option.value)}
          data-testid={`show-${option.value}`}
          className="flex-1 rounded-md px-3 py-1.5 text-sm font-medium aria-pressed:bg-indigo-700 aria-pressed:text-white dark:aria-pressed:bg-indigo-500 dark:aria-pressed:text-zinc-950"
        >
          {option.label}
          {option.value === "chat" && chatNews && (
            <span className="ml-1 text-xs font-normal" data-testid="chat-news">
              (new reply)
            </span>
          )}
        </button>
      ))}
    </fieldset>
  );
}
