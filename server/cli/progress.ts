/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export interface Progress {
  update(stage: string, fraction: number): void;
  done(): void;
}

/** Creates the progress indicator; silent when `stream` is not a TTY (pipes, CI logs). */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const width = 24;
  let last = '';
  return {
    update(stage, fraction) {
      const f = Math.max(0, Math.min(1, fraction));
      const filled = Math.round(f * width);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(f * 100)).padStart(3)}% ${stage}`;
      if (line !== last) stream.write(`\r${line.padEnd(70)}`);
      last = line;
    },
    done() {
      stream.write(`\r${' '.repeat(70)}\r`);
    },
  };
}
