export type TrialSection = { id: string; label: string };

/** In-page links to the trial page's sections; plain anchors, so they work without JavaScript and keep the browser's history. */
export function TrialSectionNav({ sections }: { sections: readonly TrialSection[] }) {
  return (
    <nav
      aria-label="Trial sections"
      className="no-print sticky top-16 z-10 -mx-4 mb-6 border-b border-slate-200 bg-slate-50/95 px-4 py-2 backdrop-blur sm:mx-0 sm:rounded-lg sm:border sm:bg-white"
    >
      <ul className="flex gap-1 overflow-x-auto">
        {sections.map((section) => (
          <li key={section.id} className="shrink-0">
            <a
              href={`#${section.id}`}
              className="inline-flex min-h-10 items-center rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
