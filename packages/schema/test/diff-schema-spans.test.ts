/**
 * `Model.schemaSpans` places a schema (the `CREATE SCHEMA` that made it) without making it part of
 * the comparison: `stripSpans` drops it, models that differ only there have no changes, and a
 * schema one side lacks carries the other side's span into the change and the finding.
 */
import { diffModels, type Model, stripSpans, toFindings } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { model, span } from './diff-builders.js';

const placed: Model = model({
  schemas: ['audit', 'public'],
  schemaSpans: { audit: span('migrations/00001_init.sql', 4) },
});

describe('schema spans', () => {
  it('never take part in comparison', () => {
    expect(stripSpans(placed)).toEqual(model({ schemas: ['audit', 'public'] }));
    expect(diffModels(placed, model({ schemas: ['audit', 'public'] }))).toEqual([]);
    expect(diffModels(placed, { ...placed, schemaSpans: { audit: span('other.sql', 9) } })).toEqual([]);
  });

  it('go with the change and the finding of a schema one side lacks', () => {
    const changes = diffModels(placed, model());
    expect(changes).toEqual([
      { kind: 'drop schema', schema: 'audit', span: span('migrations/00001_init.sql', 4) },
    ]);
    const [finding] = toFindings(changes, { from: 'migrations', to: 'database' });
    expect(finding?.sides).toEqual([
      { side: 'migrations', present: true, location: span('migrations/00001_init.sql', 4) },
      { side: 'database', present: false, location: 'database' },
    ]);
    const [reversed] = toFindings(diffModels(model(), placed), { from: 'database', to: 'migrations' });
    expect(reversed?.code).toBe('schema-missing');
    expect(reversed?.sides[0]).toEqual({
      side: 'migrations',
      present: true,
      location: span('migrations/00001_init.sql', 4),
    });
  });
});
