'use client';

import { useEffect, useRef, useState } from 'react';
import type { CrisisResources, SelfReportForm } from '@/lib/self-report/catalog';
import { CrisisPanel } from './crisis-panel';

type Props = {
  firstName: string;
  form: SelfReportForm;
  /** Where the answers go: the link's own URL, or the tablet's with the queued link id. */
  token?: string;
  tablet?: { linkId: string };
  /** Tablet mode: what to do after a successful answer (load the next questionnaire). */
  onDone?: () => void;
};

type Outcome = { crisisResources: CrisisResources | null };

const buttonClass =
  'min-h-14 rounded-lg px-6 text-lg font-semibold focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400 disabled:opacity-50';

/** One question at a time, large touch targets, keyboard and screen-reader friendly. */
export function SelfReportStepper({ firstName, form, token, tablet, onDone }: Props) {
  const [answers, setAnswers] = useState<Array<number | null>>(() => form.questions.map(() => null));
  const [index, setIndex] = useState(0);
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const total = form.questions.length;
  const isReview = index === total;

  useEffect(() => {
    headingRef.current?.focus();
  }, [index, outcome]);

  async function submit() {
    setIsSending(true);
    setError(null);
    try {
      const url = tablet ? '/api/v1/tablet/answers' : `/api/v1/self-report/${token}`;
      const body = tablet ? { linkId: tablet.linkId, items: answers } : { items: answers };
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        setError(data?.error?.message ?? 'Your answers could not be sent. Please try again.');
        return;
      }
      setOutcome({ crisisResources: data?.crisisResources ?? null });
    } catch {
      setError('Your answers could not be sent: check your connection and try again.');
    } finally {
      setIsSending(false);
    }
  }

  if (outcome) {
    return (
      <div className="flex flex-col gap-6">
        {outcome.crisisResources ? <CrisisPanel resources={outcome.crisisResources} /> : null}
        <section aria-labelledby="thanks-title" className="rounded-lg border border-slate-200 bg-white p-6">
          <h1
            id="thanks-title"
            ref={headingRef}
            tabIndex={-1}
            className="text-2xl font-semibold text-slate-900 focus:outline-none"
          >
            Thank you, {firstName}
          </h1>
          <p className="mt-3 text-slate-800">
            Your answers have been sent to your study team.{tablet ? '' : ' You can close this page.'}
          </p>
          {onDone ? (
            <button type="button" onClick={onDone} className={`${buttonClass} mt-6 bg-sky-800 text-white`}>
              Continue
            </button>
          ) : null}
        </section>
      </div>
    );
  }

  const question = form.questions[Math.min(index, total - 1)];
  const answered = answers.filter((answer) => answer !== null).length;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-base text-slate-700">Hello {firstName}.</p>
        <p className="mt-1 text-slate-900">{form.instructions}</p>
      </div>
      <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
        <div
          className="h-full bg-sky-700 transition-all"
          style={{ width: `${(Math.min(index, total) / total) * 100}%` }}
        />
      </div>
      {isReview ? (
        <section
          aria-labelledby="review-title"
          className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
        >
          <h1
            id="review-title"
            ref={headingRef}
            tabIndex={-1}
            className="text-2xl font-semibold text-slate-900 focus:outline-none"
          >
            Ready to send
          </h1>
          <p>
            You answered {answered} of {total} questions.
            {answered < total ? ' You can go back to answer the others, or send what you have.' : ''}
          </p>
          {error ? (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              onClick={() => setIndex(total - 1)}
              className={`${buttonClass} border border-slate-300 bg-white text-slate-900`}
            >
              Back
            </button>
            <button
              type="button"
              onClick={submit}
              disabled={isSending}
              className={`${buttonClass} bg-sky-800 text-white`}
            >
              {isSending ? 'Sending…' : 'Send my answers'}
            </button>
          </div>
        </section>
      ) : (
        <fieldset
          aria-labelledby="question-heading"
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5"
        >
          <h1
            id="question-heading"
            ref={headingRef}
            tabIndex={-1}
            className="text-xl font-semibold text-slate-900 focus:outline-none"
          >
            <span className="mb-1 block text-base font-normal text-slate-700">
              Question {index + 1} of {total}
            </span>
            {question.text}
          </h1>
          <div className="mt-2 flex flex-col gap-2">
            {question.options.map((option) => {
              const id = `q${index}-o${option.value}`;
              const isChecked = answers[index] === option.value;
              return (
                <label
                  key={option.value}
                  htmlFor={id}
                  className={`flex min-h-14 cursor-pointer items-center gap-4 rounded-lg border-2 px-4 py-3 ${isChecked ? 'border-sky-700 bg-sky-50' : 'border-slate-300 bg-white'}`}
                >
                  <input
                    id={id}
                    type="radio"
                    name={`question-${index}`}
                    value={option.value}
                    checked={isChecked}
                    onChange={() =>
                      setAnswers((current) =>
                        current.map((answer, position) => (position === index ? option.value : answer)),
                      )
                    }
                    className="size-6 accent-sky-700"
                  />
                  <span>{option.label}</span>
                </label>
              );
            })}
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            {index > 0 ? (
              <button
                type="button"
                onClick={() => setIndex(index - 1)}
                className={`${buttonClass} border border-slate-300 bg-white text-slate-900`}
              >
                Back
              </button>
            ) : null}
            <button
              type="button"
              onClick={() => setIndex(index + 1)}
              className={`${buttonClass} bg-sky-800 text-white`}
            >
              {answers[index] === null ? 'Skip' : 'Next'}
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
