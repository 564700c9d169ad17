import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health/check-health';

// Public on purpose: load balancers and `docker compose` poll it without a session.
export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
