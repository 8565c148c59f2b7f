'use client'; // Error boundaries must be Client Components.

import Link from 'next/link';

// Server errors arrive with a generic message and a digest; show neither a stack nor details.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div className="flex min-h-[60vh] flex-1 flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-medium text-red-600">Something went wrong</p>
      <h1 className="text-xl font-semibold text-zinc-900">This page could not be shown</h1>
      <p className="max-w-sm text-sm text-zinc-500">
        Try again in a moment. If it keeps happening, the server log has the details{digest ? ` (reference ${digest})` : ''}.
      </p>
      <div className="mt-2 flex items-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-500">
          Try again
        </button>
        <Link href="/" className="text-sm font-medium text-zinc-600 hover:text-zinc-900">
          Back to projects
        </Link>
      </div>
    </div>
  );
}
