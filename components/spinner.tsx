/** A small busy indicator; it stands still for people who ask for reduced motion. */
export function Spinner() {
  return (
    <span
      aria-hidden="true"
      data-testid="spinner"
      className="inline-block size-3.5 shrink-0 rounded-full border-2 border-indigo-300 border-t-indigo-700 motion-safe:animate-spin dark:border-indigo-800 dark:border-t-indigo-300"
    />
  );
}
