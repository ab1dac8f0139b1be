import Link from "next/link";

/** Shown (with status 404) for an address that matches no page, such as an unknown scenario. */
export default function NotFound() {
  return (
    <div className="space-y-2" data-testid="not-found">
      <h1 className="text-2xl font-semibold">There is no page here</h1>
      <p className="text-muted">
        The address may be mistyped, or what it pointed to was deleted.{" "}
        <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
          Choose a scenario
        </Link>{" "}
        or look at{" "}
        <Link href="/history" className="text-indigo-700 underline dark:text-indigo-300">
          your interviews
        </Link>
        .
      </p>
    </div>
  );
}
