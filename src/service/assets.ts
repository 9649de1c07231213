/**
 * `GET /assets/<file>`: the browser build beside this program in dist/, so a page can load the
 * element from the service. Files are read once at start into a fixed map: a request names a
 * key in that map or gets 404, so no path a client sends ever reaches the file system.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** The entries keep their names across releases: a short cache so upgrades reach pages. */
const ENTRY = /^push-sms-fallback(\.classic)?\.js(\.map)?$/;
/** Chunks carry a content hash in their name: cached for a year, never revalidated. */
const CHUNK = /^push-sms-fallback-[\w-]+\.js(\.map)?$/;

interface Asset {
  body: Buffer;
  type: string;
  cache: string;
  etag: string;
}

export type AssetHandler = (request: Request, file: string) => Response;

export async function loadAssets(distDir: string): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  let names: string[] = [];
  try {
    names = await readdir(distDir);
  } catch {
    return assets;
  }
  for (const name of names) {
    const entry = ENTRY.test(name);
    if (!entry && !CHUNK.test(name)) continue;
    const body = await readFile(join(distDir, name));
    assets.set(name, {
      body,
      type: name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8',
      cache: entry
        ? 'public, max-age=300, stale-while-revalidate=86400'
        : 'public, max-age=31536000, immutable',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    });
  }
  return assets;
}

export function assetHandler(assets: Map<string, Asset>): AssetHandler {
  return (request, file) => {
    const asset = assets.get(file);
    if (!asset) return new Response('Not found\n', { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const headers = {
      'content-type': asset.type,
      'cache-control': asset.cache,
      etag: asset.etag,
      // Pages on other origins load these as module scripts (CORS) and may isolate themselves
      // (COEP: require-corp), so both must allow it.
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
    };
    if (request.headers.get('if-none-match') === asset.etag) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(asset.body), {
      status: 200,
      headers: { ...headers, 'content-length': String(asset.body.length) },
    });
  };
}
