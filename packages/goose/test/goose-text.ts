import { formatSpan, GanderError } from '@gander/schema';
import { expect } from 'vitest';

/** goose's raw error text: a `GanderError` message without its `file:line:column: ` prefix. */
export function gooseText(error: unknown): string {
  if (!(error instanceof GanderError) || !error.source) throw error;
  const prefix = `${formatSpan(error.source)}: `;
  expect(error.message.startsWith(prefix)).toBe(true);
  return error.message.slice(prefix.length);
}
