// The name the gallery suggests: the template's title, numbered when the project already has it,
// so two pipelines made from one template do not look alike in the list.

export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
