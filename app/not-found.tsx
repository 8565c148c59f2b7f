import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-3 bg-zinc-50 px-4 text-center">
      <p className="text-sm font-medium text-indigo-600">404</p>
      <h1 className="text-xl font-semibold text-zinc-900">This page does not exist</h1>
      <p className="max-w-sm text-sm text-zinc-500">The address may be mistyped, or what it pointed to was removed.</p>
      <Link href="/" className="mt-2 text-sm font-medium text-indigo-600 hover:text-indigo-500">
        Back to projects
      </Link>
    </div>
  );
}
