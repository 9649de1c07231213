// Node: node:http with the package's adapter (the client IP from the socket).
import { createServer } from 'node:http';
import { toNodeHandler } from '../../../src/server/node.js';
import { createRoutes } from './app.js';

declare const __PORT__: number;

createServer(toNodeHandler(createRoutes())).listen(__PORT__, '127.0.0.1');
