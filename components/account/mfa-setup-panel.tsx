'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { MfaCodeInput } from '@/lib/validations/auth';

type Setup = { secret: string; otpauthUrl: string; qrSvg: string };
type ErrorBody = { error?: { message?: string; fields?: Record<string, string[]> } };

const NETWORK_MESSAGE = 'TrialDesk could not be reached. Check your connection and try again.';

async function postJson<T>(
  path: string,
  body?: unknown,
): Promise<{ ok: true; data: T } | { ok: false; body: ErrorBody }> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as T & ErrorBody;
  return res.ok ? { ok: true, data: json } : { ok: false, body: json };
}

/** Setup in three steps: get a secret (QR code), prove the app has it with a code, keep the recovery codes. */
export function MfaSetupPanel() {
  const router = useRouter();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<MfaCodeInput>({
    resolver: schemaResolver(() => import('@/lib/validations/auth').then((m) => m.mfaCodeSchema)),
    defaultValues: { code: '' },
  });

  async function start() {
    setIsStarting(true);
    setError(null);
    try {
      const result = await postJson<Setup>('/api/v1/me/mfa/setup');
      if (result.ok) setSetup(result.data);
      else setError(result.body.error?.message ?? 'Setup could not start.');
    } catch {
      setError(NETWORK_MESSAGE);
    }
    setIsStarting(false);
  }

  async function enable(values: MfaCodeInput) {
    setError(null);
    try {
      const result = await postJson<{ recoveryCodes: string[] }>('/api/v1/me/mfa/enable', values);
      if (result.ok) {
        setRecoveryCodes(result.data.recoveryCodes);
        return;
      }
      const codeErrors = result.body.error?.fields?.code;
      if (codeErrors) setFieldError('code', { message: codeErrors[0] });
      else setError(result.body.error?.message ?? 'Two-factor sign-in could not be turned on.');
    } catch {
      setError(NETWORK_MESSAGE);
    }
  }

  if (recoveryCodes) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" title="Two-factor sign-in is on">
          From now on, sign in with your password and the code from your authenticator app.
        </Alert>
        <p className="text-sm text-slate-700">
          Keep these recovery codes somewhere safe (not on your phone). Each one signs you in once if you lose your
          phone. They are shown only now.
        </p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-sm" aria-label="Recovery codes">
          {recoveryCodes.map((code) => (
            <li key={code} className="rounded border border-slate-200 bg-slate-50 px-2 py-1">
              {code}
            </li>
          ))}
        </ul>
        <div>
          <Button onClick={() => router.replace('/')}>I have saved them — continue</Button>
        </div>
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="flex flex-col gap-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <p className="text-sm text-slate-700">
          You need an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or
          1Password).
        </p>
        <div>
          <Button onClick={start} loading={isStarting}>
            Set up two-factor sign-in
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={handleSubmit(enable)} noValidate className="flex flex-col gap-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="text-sm text-slate-700">1. Scan this code with your authenticator app.</p>
      {/* The SVG is drawn on our server from our own otpauth URL; an <img> keeps it inert. */}
      <img
        src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
        alt="QR code for your authenticator app"
        width={192}
        height={192}
        className="rounded border border-slate-200 bg-white p-2"
      />
      <p className="text-sm text-slate-700">
        Cannot scan? Enter this key instead: <code className="break-all font-mono">{setup.secret}</code>
      </p>
      <Field label="2. Enter the 6-digit code the app shows" error={errors.code?.message} required>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} {...register('code')} />
      </Field>
      <div>
        <Button type="submit" loading={isSubmitting}>
          Turn on two-factor sign-in
        </Button>
      </div>
    </form>
  );
}
