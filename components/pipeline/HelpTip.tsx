// A small "?" that shows a sentence on hover or focus. It opens to the right, so it stays inside
// the side panel when it sits at the panel's left edge (components/ui/Tooltip opens to the left).
export function HelpTip({ text, label }: { text: string; label: string }) {
  return (
    <span className="group relative inline-flex align-middle">
      <button
        type="button"
        aria-label={`About ${label}: ${text}`}
        className="inline-flex size-3.5 items-center justify-center rounded-full border border-zinc-300 text-[9px] leading-none font-semibold text-zinc-400 hover:border-zinc-400 hover:text-zinc-600 focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        ?
      </button>
      <span
        role="tooltip"
        className="pointer-events-none absolute top-full left-0 z-50 mt-1.5 w-max max-w-60 rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs font-normal text-white opacity-0 shadow-lg transition-opacity group-focus-within:opacity-100 group-hover:opacity-100"
      >
        {text}
      </span>
    </span>
  );
}
