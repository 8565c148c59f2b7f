// The Pipeworks mark: three joined nodes, in the accent colour.
export function Logo({ className = 'size-5' }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={className}>
      <rect width="20" height="20" rx="5" className="fill-indigo-600" />
      <path d="M5 10h3.5M11.5 7.5 15 6M11.5 12.5 15 14" stroke="white" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="5" cy="10" r="1.75" fill="white" />
      <circle cx="10" cy="10" r="1.75" fill="white" />
      <circle cx="15" cy="6" r="1.5" fill="white" />
      <circle cx="15" cy="14" r="1.5" fill="white" />
    </svg>
  );
}
