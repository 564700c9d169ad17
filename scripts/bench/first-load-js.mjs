// First-load JavaScript per page, read from a production build (`next build`):
// the chunks the HTML of each page references on first load — the root main
// files every page loads, plus every chunk its layouts, boundaries and page
// list in the client reference manifest — each gzip-compressed (what a browser
// downloads with `Accept-Encoding: gzip`). Shared chunks count once per page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

/** The issue 15 budget: at most this much compressed JavaScript on any page's first load. */
export const FIRST_LOAD_JS_BUDGET_BYTES = 150 * 1024;

function manifestsUnder(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...manifestsUnder(full));
    else if (entry.name === 'page_client-reference-manifest.js') found.push(full);
  }
  return found;
}

/** The page's URL pattern from its manifest key: route groups "(app)" and the "/page" suffix dropped. */
function routeOf(key) {
  const route = key
    .replace(/\/page$/, '')
    .split('/')
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join('/');
  return route === '' ? '/' : route;
}

/** @returns {Array<{ route: string, files: string[], rawBytes: number, gzipBytes: number }>} sorted by route; files relative to .next */
export function measureFirstLoadJs(nextDir) {
  const buildManifest = JSON.parse(readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8'));
  const gzipCache = new Map();
  const sizeOf = (file) => {
    if (!gzipCache.has(file)) {
      const content = readFileSync(path.join(nextDir, file));
      gzipCache.set(file, { raw: content.length, gzip: gzipSync(content).length });
    }
    return gzipCache.get(file);
  };
  const appDir = path.join(nextDir, 'server', 'app');
  if (!existsSync(appDir)) throw new Error(`No app build in ${nextDir}: run \`next build\` first.`);
  const rows = [];
  for (const file of manifestsUnder(appDir)) {
    // The manifest is a script assigning globalThis.__RSC_MANIFEST[key]; run it in a sandbox.
    const sandbox = { globalThis: {} };
    sandbox.self = sandbox.globalThis;
    vm.runInNewContext(readFileSync(file, 'utf8'), sandbox);
    for (const [key, manifest] of Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})) {
      if (key.startsWith('/_')) continue; // _not-found, _global-error: framework fallbacks
      const files = new Set(buildManifest.rootMainFiles);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of chunks) files.add(chunk);
      const relative = [...files].map((chunk) => chunk.replace(/^\/?_next\//, ''));
      let rawBytes = 0;
      let gzipBytes = 0;
      for (const chunk of relative) {
        const size = sizeOf(chunk);
        rawBytes += size.raw;
        gzipBytes += size.gzip;
      }
      rows.push({ route: routeOf(key), files: relative, rawBytes, gzipBytes });
    }
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * The chunks no page loads first: forms (loaded right after the first paint, decision 0045), charts,
 * the pre-screen's results, the idle warning, zod. `formLibrary` is the chunk with react-hook-form.
 * @returns {{ chunks: number, gzipBytes: number, largest: Array<{ file: string, gzipBytes: number }>, formLibraryGzipBytes: number | null }}
 */
export function measureDeferredJs(nextDir) {
  const firstLoad = new Set(measureFirstLoadJs(nextDir).flatMap((page) => page.files));
  const chunksDir = path.join(nextDir, 'static', 'chunks');
  const deferred = [];
  let formLibraryGzipBytes = null;
  for (const name of readdirSync(chunksDir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.js')) continue;
    const file = `static/chunks/${name}`;
    if (firstLoad.has(file)) continue;
    const content = readFileSync(path.join(nextDir, file));
    const gzipBytes = gzipSync(content).length;
    // A key of react-hook-form's form state, present wherever its core is bundled.
    if (content.includes('"validatingFields"')) formLibraryGzipBytes = gzipBytes;
    deferred.push({ file, gzipBytes });
  }
  deferred.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    chunks: deferred.length,
    gzipBytes: deferred.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    largest: deferred.slice(0, 5),
    formLibraryGzipBytes,
  };
}
