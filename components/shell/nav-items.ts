import 'server-only';
import { hasPermission, type Permission, type Role } from '@/lib/auth/permissions';

import type { NavItem, NavLink } from './nav-state';

type Leaf = { href: string; label: string; permission: Permission };
type Section = { label: string; section: string; children: Leaf[] };

// Built from the permission table, so a role never sees a link the server would refuse. Built on
// the server: the table stays out of the browser, which gets only the links (./nav-state.ts).
const NAV: Array<Leaf | Section> = [
  { href: '/', label: 'Dashboard', permission: 'dashboard.read' },
  { href: '/trials', label: 'Trials', permission: 'trial.read' },
  { href: '/candidates', label: 'Candidates', permission: 'candidate.read' },
  { href: '/review', label: 'Review queue', permission: 'eligibility.sign' },
  { href: '/schedule', label: 'Schedule', permission: 'schedule.read' },
  { href: '/outcomes', label: 'Outcomes', permission: 'outcome.read' },
  { href: '/drug-inventory', label: 'Drug record', permission: 'drug.read' },
  {
    label: 'Admin',
    section: '/admin',
    children: [
      { href: '/admin/users', label: 'Users', permission: 'user.manage' },
      { href: '/admin/audit', label: 'Audit trail', permission: 'audit.read' },
      { href: '/admin/clinic', label: 'Clinic', permission: 'clinic.manage' },
    ],
  },
];

function allowed(role: Role, links: Leaf[]): NavLink[] {
  return links.filter((link) => hasPermission(role, link.permission)).map(({ href, label }) => ({ href, label }));
}

/** The links this role may follow. A section appears if any of its sub-links is allowed, and points at the first. */
export function navItemsFor(role: Role): NavItem[] {
  const items: NavItem[] = [];
  for (const item of NAV) {
    if ('children' in item) {
      const children = allowed(role, item.children);
      if (children.length > 0)
        items.push({ href: children[0].href, label: item.label, section: item.section, children });
    } else if (hasPermission(role, item.permission)) {
      items.push({ href: item.href, label: item.label });
    }
  }
  return items;
}

/** The admin sub-links this role may follow (for the admin sub-navigation). */
export function adminLinksFor(role: Role): NavLink[] {
  return navItemsFor(role).find((item) => item.section === '/admin')?.children ?? [];
}
