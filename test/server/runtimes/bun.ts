// Bun: Bun.serve, the client IP from server.requestIP().
import { setClientIp } from '../../../src/server/index.js';
import { createRoutes } from './app.js';

declare const __PORT__: number;
interface BunServer {
  requestIP(request: Request): { address: string } | null;
}
declare const Bun: {
  serve(options: {
    port: number;
    hostname: string;
    fetch(request: Request, server: BunServer): Promise<Response>;
  }): unknown;
};

const route = createRoutes();
Bun.serve({
  port: __PORT__,
  hostname: '127.0.0.1',
  fetch(request, server) {
    const ip = server.requestIP(request)?.address;
    if (ip) setClientIp(request, ip);
    return route(request);
  },
});
