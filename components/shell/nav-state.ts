// What the navigation needs in the browser: the links the server chose for the role
// (./nav-items.ts) and which of them is current.

export type NavLink = { href: string; label: string };
/** `section` is the path prefix a grouped item owns, so it stays marked on every page beneath it. */
export type NavItem = NavLink & { section?: string; children?: NavLink[] };

/** "page" for the link to this exact page, "true" for the section it is in, else nothing. */
export function currentState(pathname: string, href: string, section?: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  const prefix = section ?? href;
  if (prefix !== '/' && (pathname === prefix || pathname.startsWith(`${prefix}/`))) return 'true';
  return undefined;
}
