// What a signed-in person sees on a page their role does not open (HTTP 403 in spirit).
import Link from 'next/link';

export function Forbidden({ what }: { what: string }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 px-4 text-center" data-testid="forbidden">
      <p className="text-sm font-medium text-amber-600">403 · Not allowed</p>
      <h1 className="text-xl font-semibold text-zinc-900">{what} needs an administrator</h1>
      <p className="max-w-sm text-sm text-zinc-500">Your role does not include this. Ask an administrator if you need access.</p>
      <Link href="/" className="mt-2 text-sm font-medium text-indigo-600 hover:text-indigo-500">
        Back to projects
      </Link>
    </div>
  );
}
