// One look for every inspector input, so generated forms read as one form.
export const INPUT_CLASS =
  'w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none disabled:bg-zinc-50 disabled:text-zinc-500 aria-invalid:border-red-400';
