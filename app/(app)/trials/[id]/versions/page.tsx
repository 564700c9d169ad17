import type { Metadata } from 'next';
import Link from 'next/link';
import { VersionDiff } from '@/components/trials/version-diff';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { zodFieldErrors } from '@/lib/errors/to-app-error';
import { compareProtocolVersions } from '@/lib/trials/compare-protocol-versions';
import { versionDiffQuerySchema } from '@/lib/validations/trials';
import { loadTrial } from '../load-trial';

export const metadata: Metadata = { title: 'Compare protocol versions' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function TrialVersionsPage({ params, searchParams }: Props) {
  const user = await requirePageUser('trial.read');
  const trial = await loadTrial((await params).id);
  const query = await searchParams;
  const timeZone = await getClinicTimeZone();
  const current = trial.versions[0]?.number ?? trial.protocolVersion.number;
  // By default: the latest amendment (the previous version against the current one).
  const values = {
    from: first(query.from) ?? String(Math.max(1, current - 1)),
    to: first(query.to) ?? String(current),
  };
  const parsed = versionDiffQuerySchema.safeParse(values);
  const fieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const numbers = new Set(trial.versions.map((version) => version.number));
  const isKnown = parsed.success && numbers.has(parsed.data.from) && numbers.has(parsed.data.to);
  const diff =
    parsed.success && isKnown && trial.versions.length > 1
      ? await compareProtocolVersions({ trialId: trial.id, ...parsed.data, viewerId: user.id })
      : null;
  const options = trial.versions.map((version) => ({
    value: String(version.number),
    label: `Version ${version.number}${version.number === current ? ' (current)' : ''}`,
  }));

  return (
    <>
      <PageHeader
        title="Compare protocol versions"
        eyebrow={
          <Link href={`/trials/${trial.id}#versions`} className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> {trial.shortTitle ?? trial.title}
          </Link>
        }
        description="What changed in the criteria, dosing, session schedule and assessment plan between two versions, with who made each version and why."
      />
      {trial.versions.length < 2 ? (
        <Alert tone="info">This trial has one protocol version: there is nothing to compare yet.</Alert>
      ) : (
        <>
          <Card as="div" className="mb-6">
            <CardBody>
              <form method="get" aria-label="Versions to compare" className="flex flex-wrap items-end gap-4">
                <Field label="From" error={fieldErrors.from?.join(' ')}>
                  <Select name="from" defaultValue={values.from} options={options} />
                </Field>
                <Field label="To" error={fieldErrors.to?.join(' ')}>
                  <Select name="to" defaultValue={values.to} options={options} />
                </Field>
                <Button type="submit">Compare</Button>
              </form>
            </CardBody>
          </Card>
          {diff ? (
            <VersionDiff diff={diff} timeZone={timeZone} />
          ) : (
            <Alert tone="error">Choose two versions of this trial to compare.</Alert>
          )}
        </>
      )}
    </>
  );
}
