// A Worker module (Cloudflare Workers, workerd): handlers made once per isolate, the client IP
// from CF-Connecting-IP, which Cloudflare sets (the checks send it, as Cloudflare's edge would).
import { createRoutes } from './app.js';

let route: ((request: Request) => Promise<Response>) | undefined;

export default {
  fetch(request: Request): Promise<Response> {
    route ??= createRoutes((req) => req.headers.get('cf-connecting-ip'));
    return route(request);
  },
};
