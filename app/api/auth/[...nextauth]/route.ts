import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';
import { withSignInThrottle } from '@/lib/auth/throttled-sign-in-handler';

const handler = NextAuth(authOptions);
export const GET = handler;
export const POST = withSignInThrottle(handler);
