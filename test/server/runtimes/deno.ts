// Deno: Deno.serve, the client IP from the connection info.
import { setClientIp } from '../../../src/server/index.js';
import { createRoutes } from './app.js';

declare const __PORT__: number;
declare const Deno: {
  serve(
    options: { port: number; hostname: string },
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>,
  ): unknown;
};

const route = createRoutes();
Deno.serve({ port: __PORT__, hostname: '127.0.0.1' }, (request, info) => {
  setClientIp(request, info.remoteAddr.hostname);
  return route(request);
});
