import type { Metadata } from 'next';
import { AuditTable, type AuditTableRow } from '@/components/admin/audit-table';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClasses, LinkButton } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { auditEntityTypeLabel } from '@/lib/audit/action-labels';
import { listAuditEvents, type AuditEventRow } from '@/lib/audit/list-audit-events';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { zodFieldErrors } from '@/lib/errors/to-app-error';
import { listUsers } from '@/lib/users/list-users';
import { auditFilterSchema } from '@/lib/validations/audit';

export const metadata: Metadata = { title: 'Audit trail' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_KEYS = ['entityType', 'entityId', 'actor', 'action', 'from', 'to', 'page'] as const;

function prettyJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value, null, 2);
}

function toRow(event: AuditEventRow, timeZone: string): AuditTableRow {
  return {
    id: event.id,
    isoTime: event.createdAt.toISOString(),
    time: formatClinicZoned(event.createdAt, timeZone, 'precise'),
    // No user row means the system, the CLI or a seed (actorLabel says which),
    // or a failed sign-in (actorLabel is the email that was typed).
    actor: event.actor?.name ?? event.actorLabel ?? 'System',
    actorRole: event.actor?.roleLabel ?? null,
    actorDetail: event.actor ? event.actor.email : null,
    action: event.action,
    actionLabel: event.actionLabel,
    entityType: event.entityType,
    entityTypeLabel: event.entityTypeLabel,
    entityLabel: event.entityLabel,
    entityId: event.entityId,
    reason: event.reason,
    before: prettyJson(event.before),
    after: prettyJson(event.after),
    requestId: event.requestId,
    ipAddress: event.ipAddress,
  };
}

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePageUser('audit.read');
  const raw = await searchParams;
  const values = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, Array.isArray(raw[key]) ? raw[key][0] : raw[key]]),
  ) as Record<(typeof FILTER_KEYS)[number], string | undefined>;
  const parsed = auditFilterSchema.safeParse(values);
  const fieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const error = (key: string) => fieldErrors[key]?.join(' ');

  const timeZone = await getClinicTimeZone();
  const [users, result] = await Promise.all([
    listUsers(),
    parsed.success ? listAuditEvents({ filter: parsed.data, timeZone, viewerId: user.id }) : Promise.resolve(null),
  ]);

  const actorOptions = users.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));
  // An email typed into the URL (e.g. from a failed sign-in) has no user row: keep it selectable.
  if (values.actor && !actorOptions.some((option) => option.value === values.actor))
    actorOptions.unshift({ value: values.actor, label: values.actor });
  const entityTypes = result?.entityTypes ?? [];
  if (values.entityType && !entityTypes.includes(values.entityType)) entityTypes.unshift(values.entityType);
  const hasFilters = FILTER_KEYS.some((key) => key !== 'page' && values[key]);
  // The export takes the same filters as the page, but every page of them.
  const exportQuery = new URLSearchParams({ format: 'csv' });
  for (const key of FILTER_KEYS) if (key !== 'page' && values[key]) exportQuery.set(key, values[key]);

  return (
    <>
      <PageHeader
        title="Audit trail"
        description={`Every change to accounts and clinical records, newest first. Times are clinic time (${timeZone}).`}
        actions={
          result && result.total > 0 ? (
            <a href={`/api/v1/audit?${exportQuery}`} download className={buttonClasses({ variant: 'secondary' })}>
              Export CSV<span className="sr-only"> of the {result.total} matching events</span>
            </a>
          ) : null
        }
      />
      <Card as="div" className="mb-6">
        <CardBody>
          <form
            method="get"
            role="search"
            aria-label="Audit events"
            className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
          >
            <Field label="Entity type" error={error('entityType')}>
              <Select
                name="entityType"
                defaultValue={values.entityType ?? ''}
                placeholder="Any type"
                options={entityTypes.map((type) => ({ value: type, label: auditEntityTypeLabel(type) }))}
              />
            </Field>
            <Field label="Entity id" error={error('entityId')} hint="The exact id of one record.">
              <Input name="entityId" defaultValue={values.entityId ?? ''} autoComplete="off" spellCheck={false} />
            </Field>
            <Field label="Actor" error={error('actor')}>
              <Select name="actor" defaultValue={values.actor ?? ''} placeholder="Anyone" options={actorOptions} />
            </Field>
            <Field label="Action starts with" error={error('action')} hint='For example "user." or "auth.sign_in".'>
              <Input name="action" defaultValue={values.action ?? ''} autoComplete="off" spellCheck={false} />
            </Field>
            <Field label="From (inclusive)" error={error('from')}>
              <Input type="date" name="from" defaultValue={values.from ?? ''} />
            </Field>
            <Field label="To (inclusive)" error={error('to')}>
              <Input type="date" name="to" defaultValue={values.to ?? ''} />
            </Field>
            <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-3">
              <Button type="submit">Apply filters</Button>
              {hasFilters ? (
                <LinkButton href="/admin/audit" variant="ghost">
                  Clear filters
                </LinkButton>
              ) : null}
            </div>
          </form>
        </CardBody>
      </Card>
      {result ? (
        <AuditTable
          rows={result.events.map((event) => toRow(event, timeZone))}
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
        />
      ) : (
        <Alert tone="error">
          Some filters are not valid{error('page') ? ` (${error('page')})` : ''}. Correct them to see events.
        </Alert>
      )}
    </>
  );
}
