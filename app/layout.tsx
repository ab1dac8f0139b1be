import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme-toggle";
import { THEME_INIT_SCRIPT } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "Probe: ML system design interview practice",
  description: "Practise machine-learning system design interviews with an AI interviewer.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request nonce: the Content-Security-Policy only runs inline scripts that carry it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script that must run before paint */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 dark:bg-zinc-900 dark:text-indigo-300"
          data-testid="skip-link"
        >
          Skip to the content
        </a>
        <header className="border-b border-zinc-200 dark:border-zinc-800">
          <nav
            className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3"
            aria-label="Main"
          >
            <Link href="/" className="text-lg font-semibold tracking-tight" data-testid="home-link">
              Probe
            </Link>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
              <Link href="/history" data-testid="nav-history" className="hover:underline">
                History
              </Link>
              <Link href="/rooms" data-testid="nav-rooms" className="hover:underline">
                Study rooms
              </Link>
              <Link href="/lab" data-testid="nav-lab" className="hover:underline">
                Lab
              </Link>
              <Link href="/import" data-testid="nav-import" className="hover:underline">
                Score a transcript
              </Link>
              <ThemeToggle />
            </div>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8 lg:has-[[data-wide]]:max-w-7xl">
          {children}
        </main>
      </body>
    </html>
  );
}
