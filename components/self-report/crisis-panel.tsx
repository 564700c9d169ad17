import type { CrisisResources } from '@/lib/self-report/catalog';

/** Shown at once after a suicidality answer: call or text 988, or 911 in an emergency. */
export function CrisisPanel({ resources }: { resources: CrisisResources }) {
  return (
    <section aria-labelledby="crisis-title" role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-5">
      <h2 id="crisis-title" className="text-xl font-semibold text-red-900">
        {resources.title}
      </h2>
      <p className="mt-2 text-red-950">{resources.message}</p>
      <ul className="mt-4 flex flex-col gap-3">
        {resources.contacts.map((contact) => (
          <li key={contact.href}>
            <a
              href={contact.href}
              className="block rounded-md bg-red-800 px-4 py-4 text-center text-lg font-semibold text-white underline-offset-4 hover:underline focus:outline-none focus-visible:ring-4 focus-visible:ring-red-400"
            >
              {contact.label}
            </a>
            <span className="mt-1 block text-center text-base text-red-950">{contact.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
