'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { SignInInput } from '@/lib/validations/auth';
import { signInWithCredentials } from './session-client';

// One message for every failure: saying "no such email" or "account locked"
// would tell an attacker which addresses have accounts.
export const SIGN_IN_FAILED_MESSAGE =
  'Email, password or two-factor code is incorrect, or the account is locked. After 5 failed attempts an account is locked for 15 minutes.';
export const SIGN_IN_THROTTLED_MESSAGE =
  'Too many failed sign-ins from this network. Wait 15 minutes and try again, or ask an administrator.';
/** The error code in the answer when the server refused with 429 (lib/auth/throttled-sign-in-handler.ts). */
const THROTTLED_ERROR = 'TooManyAttempts';
const NETWORK_MESSAGE = 'TrialDesk could not be reached. Check your connection and try again.';
export const SIGN_IN_UNAVAILABLE_MESSAGE =
  'Signing in is unavailable: TrialDesk cannot reach its database. Try again in a few minutes.';
/** The code lib/auth/auth-options.ts sends when the database is down (kept in step with SIGN_IN_UNAVAILABLE). */
const UNAVAILABLE_CODE = 'ServiceUnavailable';

function failureMessage(code: string | null | undefined): string {
  if (code === UNAVAILABLE_CODE) return SIGN_IN_UNAVAILABLE_MESSAGE;
  return code === THROTTLED_ERROR ? SIGN_IN_THROTTLED_MESSAGE : SIGN_IN_FAILED_MESSAGE;
}

export type SignInFormProps = {
  /** Already checked to be a same-site path (see safeCallbackUrl). */
  callbackUrl: string;
  /** The ?error=… code next-auth redirected here with, so the failure is shown on load. */
  initialError?: string | null;
};

export function SignInForm({ callbackUrl, initialError = null }: SignInFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(initialError ? failureMessage(initialError) : null);
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useForm<SignInInput>({
    resolver: schemaResolver(() => import('@/lib/validations/auth').then((m) => m.signInSchema)),
    defaultValues: { email: '', password: '', code: '' },
  });

  async function onSubmit(values: SignInInput) {
    setFormError(null);
    try {
      const result = await signInWithCredentials({
        email: values.email,
        password: values.password,
        code: values.code ?? '',
      });
      if (result.ok && !result.error) {
        router.replace(callbackUrl);
        return;
      }
      setFormError(result.status === 429 ? SIGN_IN_THROTTLED_MESSAGE : failureMessage(result.error));
    } catch {
      setFormError(NETWORK_MESSAGE);
    }
    resetField('password');
    resetField('code');
    setFocus('password');
  }

  // Keep the button busy after success too, until the next page has loaded.
  const isBusy = isSubmitting || (isSubmitSuccessful && formError === null);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label="Email" error={errors.email?.message} required>
        <Input
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          {...register('email')}
        />
      </Field>
      <Field label="Password" error={errors.password?.message} required>
        <Input type="password" autoComplete="current-password" {...register('password')} />
      </Field>
      <Field
        label="Two-factor code"
        hint="Only if you have turned on two-factor sign-in: the 6 digits from your authenticator app, or a recovery code."
        error={errors.code?.message}
      >
        <Input type="text" autoComplete="one-time-code" inputMode="text" spellCheck={false} {...register('code')} />
      </Field>
      <Button type="submit" size="lg" loading={isBusy} className="w-full">
        {isBusy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
