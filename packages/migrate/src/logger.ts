/**
 * Log lines of `gander migrate`: goose's text form (Go `log` prefix `YYYY/MM/DD HH:MM:SS `, on
 * stderr) or one JSON object per line for cluster log collectors (`--log-format json`). A password
 * known to the run is masked in every line as a last safety net.
 */
import { logPrefix } from './goose-text.js';

/** `info` for progress, `warn` for checksum findings, `error` for the failure that ends a run. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Writes log lines. `fields` go into the JSON object (ignored in text form). */
export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** Replaces every occurrence of `secret` (when it is at least 3 characters long) with `****`. */
export function maskSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 3) return text;
  return text.split(secret).join('****');
}

/**
 * A logger writing to `write` (stderr): `text` prints `<prefix><message>` per line of the message,
 * `json` prints `{"time","level","msg",...fields}`.
 */
export function createLogger(
  format: 'text' | 'json',
  write: (text: string) => void,
  secret?: string,
): Logger {
  return {
    log(level, message, fields = {}) {
      if (format === 'json') {
        const line = JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields });
        write(`${maskSecret(line, secret)}\n`);
        return;
      }
      const prefix = logPrefix();
      write(
        maskSecret(
          `${message
            .split('\n')
            .map((l, i) => (i === 0 ? `${prefix}${l}` : l))
            .join('\n')}\n`,
          secret,
        ),
      );
    },
  };
}
