/** Bad command-line input: the CLI prints the sentence and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Runs a CLI's main: usage problems exit 2 with one sentence, anything else exits 1. */
export function runCli(main: () => Promise<void>, isUsageProblem: (error: unknown) => string | null): void {
  main().catch((error) => {
    const sentence = error instanceof UsageError ? error.message : isUsageProblem(error);
    if (sentence) {
      console.error(sentence);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  });
}
