import pino, { type Logger } from 'pino';

/** The server's structured JSON logger (stdout). Tests pass `silent`. */
export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: { service: 'arbaeen-planner' },
    redact: { paths: ['req.headers.authorization', 'headers.authorization'], remove: true },
  });
}
export type { Logger };
