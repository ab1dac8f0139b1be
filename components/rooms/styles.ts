/** Class names the room components share, so buttons and fields look alike everywhere. */
export const BUTTON =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-900";
export const PRIMARY_BUTTON =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50";
export const DANGER_BUTTON = "rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-600";
export const FIELD =
  "w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
export const CARD = "rounded-lg border border-zinc-200 p-4 dark:border-zinc-800";
