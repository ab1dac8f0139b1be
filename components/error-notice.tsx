/** A plain, announced error sentence. */
export function ErrorNotice({ message, testId }: { message: string; testId?: string }) {
  return (
    <p
      role="alert"
      data-testid={testId}
      className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {message}
    </p>
  );
}
