// The header's links and which one the current page belongs to, shared by the main row and the
// Admin menu.
export interface NavItem {
  href: string;
  label: string;
}

export function isActive(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/' || pathname.startsWith('/projects') || pathname.startsWith('/pipelines');
  return pathname === href || pathname.startsWith(`${href}/`);
}
