/** A progress bar for bulk runs, on stderr and only when it is a terminal (logs stay clean). */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(failed: boolean): void;
  stop(): void;
}

export function startProgress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return { tick: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} · failed {failed} · {eta_formatted} left`,
      stream,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let failed = 0;
  bar.start(total, 0, { failed });
  return {
    tick(didFail) {
      if (didFail) failed++;
      bar.increment(1, { failed });
    },
    stop: () => bar.stop(),
  };
}
