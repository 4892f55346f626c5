import type { Response } from 'express';

/**
 * Open server-sent-event streams: written through here so a heartbeat keeps proxies from closing them
 * and shutdown can end them all (an open stream would otherwise hold `server.close()` forever).
 */
export class SseStreams {
  private readonly open = new Set<Response>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 15_000) {
    this.heartbeat = setInterval(() => {
      for (const res of this.open) res.write(': keep-alive\n\n');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  /** Starts an event stream on `res`; returns a function that writes one event. */
  start(res: Response, onClose: () => void): (event: string, data: unknown) => void {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    this.open.add(res);
    res.on('close', () => {
      this.open.delete(res);
      onClose();
    });
    return (event, data) => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
  }

  /** Ends a stream. */
  end(res: Response): void {
    this.open.delete(res);
    if (!res.writableEnded) res.end();
  }

  count(): number {
    return this.open.size;
  }

  /** Ends every stream (shutdown). */
  closeAll(): void {
    for (const res of [...this.open]) this.end(res);
    clearInterval(this.heartbeat);
  }
}
