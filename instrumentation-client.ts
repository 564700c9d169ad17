// Runs in the browser before the app's own code. Zod builds object parsers with
// `new Function` when eval is allowed and probes for it once; under our nonce-only
// script policy (proxy.ts) that probe is refused and reported as a CSP violation
// on every page load. Jitless parsing is what the browser ends up using anyway.
//
// Zod keeps its settings on `globalThis.__zod_globalConfig` and adopts an object
// already there (zod/v4/core/core.js), so the flag is set without importing zod:
// `import { config } from 'zod'` here put part of zod into every page's first
// load, pages without a form included.
const zodHolder = globalThis as typeof globalThis & { __zod_globalConfig?: Record<string, unknown> };
zodHolder.__zod_globalConfig = { ...zodHolder.__zod_globalConfig, jitless: true };
