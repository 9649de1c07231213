/**
 * The service's configuration, read from the environment (contract §7) and checked at once:
 * every problem is listed together, so a site owner fixes them in one pass. Secrets never leave
 * this object except to the library; `describeConfig` is what may be printed.
 */
export interface ServiceConfig {
  appId: string;
  apiKey: string;
  allowedOrigins: string[];
  port: number;
  host: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  aliasSecret: string | undefined;
  notifyToken: string | undefined;
  apiUrl: string;
  /** Proxies in front of the service whose X-Forwarded-For is trusted (0: none). */
  trustProxy: number;
}

export type ConfigResult =
  | { ok: true; config: ServiceConfig; warnings: string[] }
  | { ok: false; problems: string[]; warnings: string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA_DIR = './push-sms-fallback-data';

type Env = Record<string, string | undefined>;

function urlProblem(name: string, value: string, protocols: RegExp): string | null {
  try {
    // The value itself may hold a password: never echo it.
    return protocols.test(new URL(value).protocol)
      ? null
      : `${name} must be a ${protocols.source} URL`;
  } catch {
    return `${name} is not a URL`;
  }
}

export function readConfig(env: Env): ConfigResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const appId = get('ONESIGNAL_APP_ID');
  if (!appId) problems.push('ONESIGNAL_APP_ID is required (OneSignal → Settings → Keys & IDs)');
  else if (!UUID.test(appId)) problems.push('ONESIGNAL_APP_ID must be a UUID');

  const apiKey = get('ONESIGNAL_API_KEY');
  if (!apiKey) problems.push('ONESIGNAL_API_KEY is required (your OneSignal App API key)');
  else if (/\s/.test(apiKey))
    problems.push('ONESIGNAL_API_KEY must be the bare key, without "Key " or spaces');

  const origins = (get('PSF_ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length === 0) {
    problems.push('PSF_ALLOWED_ORIGINS is required: the origins of your pages, comma-separated');
  }
  for (const origin of origins) {
    let ok = false;
    try {
      const u = new URL(origin);
      ok = /^https?:$/.test(u.protocol) && u.origin === origin.replace(/\/$/, '');
    } catch {
      ok = false;
    }
    if (!ok)
      problems.push(`PSF_ALLOWED_ORIGINS: "${origin}" is not an origin like https://shop.example`);
  }

  const portText = get('PORT') ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    problems.push(`PORT must be 0–65535, not "${portText}"`);

  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl) {
    const p = urlProblem('DATABASE_URL', databaseUrl, /^postgres(ql)?:$/);
    if (p) problems.push(p);
  }
  const redisUrl = get('REDIS_URL');
  if (redisUrl) {
    const p = urlProblem('REDIS_URL', redisUrl, /^rediss?:$/);
    if (p) problems.push(p);
  }
  const apiUrl = get('ONESIGNAL_API_URL') ?? 'https://api.onesignal.com';
  const apiUrlProblem = urlProblem('ONESIGNAL_API_URL', apiUrl, /^https?:$/);
  if (apiUrlProblem) problems.push(apiUrlProblem);

  const aliasSecret = get('PSF_ALIAS_SECRET');
  if (aliasSecret !== undefined && aliasSecret.length < 16) {
    problems.push('PSF_ALIAS_SECRET must be at least 16 characters');
  }
  if (aliasSecret === undefined && databaseUrl) {
    warnings.push(
      'PSF_ALIAS_SECRET is not set: records are keyed by a secret derived from the API key, so rotating the key hides older records from `consent find`',
    );
  }
  const notifyToken = get('PSF_NOTIFY_TOKEN');
  if (notifyToken !== undefined && notifyToken.length < 16) {
    problems.push('PSF_NOTIFY_TOKEN must be at least 16 characters (it guards the notify API)');
  }

  const trust = get('PSF_TRUST_PROXY') ?? 'false';
  let trustProxy = 0;
  if (/^(true|yes)$/i.test(trust)) trustProxy = 1;
  else if (/^\d+$/.test(trust) && Number(trust) <= 10) trustProxy = Number(trust);
  else if (!/^(false|no|0)$/i.test(trust)) {
    problems.push('PSF_TRUST_PROXY must be true, false or a number of proxies (0–10)');
  }
  if (redisUrl && !databaseUrl) {
    warnings.push(
      'REDIS_URL without DATABASE_URL: consent records stay in PSF_DATA_DIR of each instance; run one instance, or set DATABASE_URL',
    );
  }

  if (problems.length > 0) return { ok: false, problems, warnings };
  return {
    ok: true,
    warnings,
    config: {
      appId: (appId as string).toLowerCase(),
      apiKey: apiKey as string,
      allowedOrigins: origins.map((o) => o.replace(/\/$/, '')),
      port,
      host: get('HOST'),
      dataDir: get('PSF_DATA_DIR') ?? DEFAULT_DATA_DIR,
      databaseUrl,
      redisUrl,
      aliasSecret,
      notifyToken,
      apiUrl: apiUrl.replace(/\/$/, ''),
      trustProxy,
    },
  };
}

/** What `check` and the start-up log may show: no secret, no password. */
export function describeConfig(c: ServiceConfig): Record<string, unknown> {
  const hostOf = (url: string | undefined): string | null => {
    if (!url) return null;
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  };
  return {
    appId: c.appId,
    allowedOrigins: c.allowedOrigins,
    listen: `${c.host ?? '0.0.0.0'}:${c.port}`,
    storage: c.databaseUrl ? 'postgresql' : 'data-dir',
    dataDir: c.databaseUrl && c.redisUrl ? null : c.dataDir,
    database: hostOf(c.databaseUrl),
    redis: hostOf(c.redisUrl),
    notifyApi: c.notifyToken !== undefined,
    onesignal: c.apiUrl,
    trustProxy: c.trustProxy,
  };
}
