import { config } from 'zod';

// Runs in the browser before the app's own code. Zod builds object parsers with
// `new Function` when eval is allowed and probes for it once; under our nonce-only
// script policy (proxy.ts) that probe is refused and reported as a CSP violation
// on every page load. Jitless parsing is what the browser ends up using anyway.
config({ jitless: true });
