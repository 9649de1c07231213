// A scripted backend for browser tests, served by the test runner.
//   POST /mock/<id>?script=503,201  answers each request with the next status in the script
//                                   (the last one repeats); records every request.
//   GET  /mock/<id>/log             the recorded requests: [{ headers, body }]
// Statuses may carry options: `429:ra1` sets Retry-After: 1, `422:html` answers a problem+json
// whose detail contains HTML, `0` drops the connection (a network error), `d300` delays 300 ms,
// `type=sms/opted-out` gives the problem the reference server's type URI for that kind.
const logs = new Map();
const counters = new Map();

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });
}

export function mockEndpoint() {
  return async (ctx, next) => {
    const match = /^\/mock\/([\w-]+)(\/log)?$/.exec(ctx.path);
    if (!match) return next();
    const [, id, isLog] = match;
    if (isLog) {
      ctx.body = logs.get(id) ?? [];
      return;
    }
    const raw = await readBody(ctx.req);
    const entries = logs.get(id) ?? [];
    entries.push({ headers: ctx.headers, body: raw });
    logs.set(id, entries);
    const script = String(ctx.query.script ?? '201').split(',');
    const n = counters.get(id) ?? 0;
    counters.set(id, n + 1);
    const [statusText, ...opts] = (script[Math.min(n, script.length - 1)] ?? '201').split(':');
    const delay = opts.find((o) => o.startsWith('d'));
    if (delay) await new Promise((r) => setTimeout(r, Number(delay.slice(1))));
    const status = Number(statusText);
    if (status === 0) {
      ctx.req.socket.destroy();
      return;
    }
    ctx.status = status;
    const retryAfter = opts.find((o) => o.startsWith('ra'));
    if (retryAfter) ctx.set('Retry-After', retryAfter.slice(2));
    if (status >= 400) {
      ctx.type = 'application/problem+json';
      const detail = opts.includes('html')
        ? '<img src=x onerror="window.__pwned=1">Number <b>blocked</b>'
        : `Scripted ${status}`;
      // `:nodetail`: a problem without `detail`, for the element's own fallback text.
      const body = { title: 'Scripted failure', status, field: 'phone' };
      const kind = opts.find((o) => o.startsWith('type='));
      if (kind) body.type = `urn:push-sms-fallback:problem/${kind.slice(5)}`;
      ctx.body = JSON.stringify(opts.includes('nodetail') ? body : { ...body, detail });
    } else {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ status: 'registered' });
    }
  };
}
