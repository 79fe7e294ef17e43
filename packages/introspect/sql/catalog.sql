-- catalog.sql: every object of the gander schema model, read from pg_catalog in ONE statement.
--
-- Serves: PostgreSQL 12 to 18 and PGlite 0.5 (PostgreSQL 18); tested on 16, 18 and PGlite.
--   pg_index.indnullsnotdistinct (15+) is read through to_jsonb so older servers read false.
--   PostgreSQL 18 (17 for domains) also lists NOT NULL constraints in pg_constraint (contype 'n');
--   they are skipped here: attnotnull / typnotnull carry them on every version.
-- Parameters:
--   $1 text[]   schemas to read; NULL reads every schema except pg_* and information_schema
--   $2 boolean  true keeps the bookkeeping tables goose_db_version and _prisma_migrations
-- Output: one row:
--   server_version_num integer
--   schemas     json  [{name, comment}]
--   extensions  json  [{name, schema}]                        (plpgsql, installed everywhere, is skipped)
--   enums       json  [{schema, name, values[], comment}]
--   domains     json  [{schema, name, type, notnull, default, collation, checks[{name, expression}], comment}]
--   sequences   json  [{schema, name, type, start, increment, min, max, cache, cycle, owned_by{schema, table, column}, comment}]
--   tables      json  [{schema, name, relkind, partkey, partition_of{schema, name, bound}, inherits[{schema, name}],
--                       comment, columns[], constraints[], indexes[], triggers[]}]
--   views       json  [{schema, name, relkind, definition, columns[], indexes[], comment}]
--   routines    json  [{schema, name, prokind, identity_args[], arg_types[], arg_modes[], arg_names[], rettype,
--                       retset, language, src, volatility, strict, security_definer, comment}]
--   See src/catalog-rows.ts for the shape of the nested rows.
--
-- Read-only and session-neutral: the first lateral item sets search_path to pg_catalog for this
-- statement only (set_config(..., is_local => true) lasts until the end of the statement's implicit
-- transaction), so format_type, pg_get_expr, pg_get_indexdef and pg_get_viewdef print every name
-- outside pg_catalog schema-qualified, and TimeZone to UTC so timestamptz values (partition bounds,
-- defaults folded to constants) print the same whatever the server's or caller's zone; the last
-- lateral item puts the caller's values back, which
-- matters only when the caller runs this inside an explicit transaction. OFFSET 0 keeps the planner
-- from flattening the subqueries, so they run in that order (a nested loop over laterals).
-- Objects owned by an extension (pg_depend.deptype = 'e') are skipped.
SELECT r.*
FROM (
  SELECT pg_catalog.current_setting('search_path') AS saved,
         pg_catalog.current_setting('TimeZone') AS saved_timezone,
         pg_catalog.set_config('search_path', 'pg_catalog', true) AS applied,
         pg_catalog.set_config('TimeZone', 'UTC', true) AS applied_timezone
  OFFSET 0
) AS session
CROSS JOIN LATERAL (
  WITH
  extension_owned AS (
    SELECT d.classid, d.objid FROM pg_catalog.pg_depend d WHERE d.deptype = 'e'
  ),
  nsp AS (
    SELECT n.oid, n.nspname
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
      AND ($1::pg_catalog.text[] IS NULL OR n.nspname = ANY ($1::pg_catalog.text[]))
      AND NOT EXISTS (SELECT FROM extension_owned e
                      WHERE e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND e.objid = n.oid)
      AND session.applied IS NOT NULL AND session.applied_timezone IS NOT NULL
  ),
  rel AS (
    SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition, c.relpartbound
    FROM pg_catalog.pg_class c
    JOIN nsp n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm')
      AND (c.relkind NOT IN ('r', 'p') OR $2::pg_catalog.bool
           OR c.relname NOT IN ('goose_db_version', '_prisma_migrations'))
      AND NOT EXISTS (SELECT FROM extension_owned e
                      WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid)
  ),
  -- One row per index of a table or materialized view read above, with its keys decoded.
  idx AS (
    SELECT i.indexrelid, i.indrelid, ic.relname, i.indisunique, am.amname,
           COALESCE((pg_catalog.to_jsonb(i) ->> 'indnullsnotdistinct')::pg_catalog.bool, false) AS indnullsnotdistinct,
           pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
           ds.description AS comment,
           (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                     'column', ta.attname,
                     'expression', CASE WHEN k.attnum = 0
                                        THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::pg_catalog.int4, false) END,
                     'opclass', CASE WHEN NOT opc.opcdefault THEN opc.opcname END,
                     'collation', CASE WHEN k.coll <> 0
                                        AND k.coll <> COALESCE(ta.attcollation, kt.typcollation)
                                       THEN CASE WHEN coln.nspname = 'pg_catalog' THEN co.collname
                                                 ELSE coln.nspname || '.' || co.collname END END,
                     'option', k.opt) ORDER BY k.ord)
            FROM ROWS FROM (pg_catalog.unnest(i.indkey::pg_catalog.int2[]),
                            pg_catalog.unnest(i.indclass::pg_catalog.oid[]),
                            pg_catalog.unnest(i.indcollation::pg_catalog.oid[]),
                            pg_catalog.unnest(i.indoption::pg_catalog.int2[]))
                   WITH ORDINALITY AS k(attnum, opclass, coll, opt, ord)
            JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.ord
            JOIN pg_catalog.pg_type kt ON kt.oid = ia.atttypid
            LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = i.indrelid AND ta.attnum = k.attnum AND k.attnum <> 0
            LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = k.opclass
            LEFT JOIN pg_catalog.pg_collation co ON co.oid = k.coll
            LEFT JOIN pg_catalog.pg_namespace coln ON coln.oid = co.collnamespace
            WHERE k.ord <= i.indnkeyatts) AS keys,
           (SELECT pg_catalog.json_agg(ta.attname ORDER BY k.ord)
            FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_catalog.pg_attribute ta ON ta.attrelid = i.indrelid AND ta.attnum = k.attnum
            WHERE k.ord > i.indnkeyatts) AS include
    FROM pg_catalog.pg_index i
    JOIN rel r ON r.oid = i.indrelid
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_am am ON am.oid = ic.relam
    LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = i.indexrelid
                                    AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = 0
  ),
  -- Indexes that back a primary key, unique or exclusion constraint (reported with the constraint).
  constraint_idx AS (
    SELECT co.conindid FROM pg_catalog.pg_constraint co
    JOIN rel r ON r.oid = co.conrelid
    WHERE co.contype IN ('p', 'u', 'x')
  ),
  -- Per relation: its indexes that back no constraint.
  rel_indexes AS (
    SELECT i.indrelid,
           pg_catalog.json_agg(pg_catalog.json_build_object(
             'name', i.relname, 'unique', i.indisunique, 'method', i.amname,
             'keys', i.keys, 'include', i.include, 'predicate', i.predicate,
             'nulls_not_distinct', i.indnullsnotdistinct, 'comment', i.comment) ORDER BY i.relname) AS indexes
    FROM idx i
    WHERE i.indexrelid NOT IN (SELECT ci.conindid FROM constraint_idx ci)
    GROUP BY i.indrelid
  ),
  -- Per table: columns in attnum order.
  rel_columns AS (
    SELECT a.attrelid,
           pg_catalog.json_agg(pg_catalog.json_build_object(
             'name', a.attname,
             'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
             'notnull', a.attnotnull,
             'expression', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
             'generated', a.attgenerated,
             'identity', a.attidentity,
             'collation', CASE WHEN a.attcollation <> ty.typcollation
                               THEN CASE WHEN coln.nspname = 'pg_catalog' THEN co.collname
                                         ELSE coln.nspname || '.' || co.collname END END,
             'comment', ds.description) ORDER BY a.attnum) AS columns
    FROM pg_catalog.pg_attribute a
    JOIN rel r ON r.oid = a.attrelid AND r.relkind IN ('r', 'p')
    JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
    LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
    LEFT JOIN pg_catalog.pg_namespace coln ON coln.oid = co.collnamespace
    LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid
                                    AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped
    GROUP BY a.attrelid
  ),
  -- Per table: primary key, unique, foreign key, check and exclusion constraints.
  rel_constraints AS (
    SELECT c.conrelid,
           pg_catalog.json_agg(pg_catalog.json_build_object(
             'name', c.conname,
             'contype', c.contype,
             'deferrable', c.condeferrable,
             'deferred', c.condeferred,
             'validated', c.convalidated,
             'noinherit', c.connoinherit,
             'columns', (SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord)
                         FROM pg_catalog.unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
             'references', CASE WHEN c.contype = 'f' THEN pg_catalog.json_build_object(
                             'schema', fn.nspname, 'name', fc.relname,
                             'columns', (SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord)
                                         FROM pg_catalog.unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                                         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)) END,
             'update_action', c.confupdtype,
             'delete_action', c.confdeltype,
             'match', c.confmatchtype,
             'expression', CASE WHEN c.contype = 'c' THEN pg_catalog.pg_get_expr(c.conbin, c.conrelid) END,
             'operators', CASE WHEN c.contype = 'x' THEN
                            (SELECT pg_catalog.json_agg(CASE WHEN opn.nspname = 'pg_catalog' THEN op.oprname
                                                              ELSE opn.nspname || '.' || op.oprname END ORDER BY k.ord)
                             FROM pg_catalog.unnest(c.conexclop) WITH ORDINALITY AS k(opoid, ord)
                             JOIN pg_catalog.pg_operator op ON op.oid = k.opoid
                             JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace) END,
             'index', CASE WHEN c.contype IN ('p', 'u', 'x') THEN pg_catalog.json_build_object(
                        'method', ci.amname, 'keys', ci.keys, 'include', ci.include,
                        'predicate', ci.predicate, 'nulls_not_distinct', ci.indnullsnotdistinct) END,
             'comment', ds.description) ORDER BY c.conname) AS constraints
    FROM pg_catalog.pg_constraint c
    JOIN rel r ON r.oid = c.conrelid
    LEFT JOIN idx ci ON ci.indexrelid = c.conindid AND c.contype IN ('p', 'u', 'x')
    LEFT JOIN pg_catalog.pg_class fc ON fc.oid = c.confrelid AND c.contype = 'f'
    LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
    LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid
                                    AND ds.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND ds.objsubid = 0
    WHERE c.contype IN ('p', 'u', 'f', 'c', 'x')
    GROUP BY c.conrelid
  ),
  -- Per table: user triggers (tgisinternal marks the ones behind foreign keys).
  rel_triggers AS (
    SELECT tg.tgrelid,
           pg_catalog.json_agg(pg_catalog.json_build_object(
             'name', tg.tgname,
             'type', tg.tgtype,
             'function', pg_catalog.json_build_object('schema', fpn.nspname, 'name', fp.proname),
             'columns', (SELECT pg_catalog.json_agg(a.attname ORDER BY a.attname)
                         FROM pg_catalog.pg_attribute a
                         WHERE a.attrelid = tg.tgrelid AND a.attnum = ANY (tg.tgattr::pg_catalog.int2[])),
             'args', pg_catalog.encode(tg.tgargs, 'hex'),
             'old_table', tg.tgoldtable,
             'new_table', tg.tgnewtable,
             'is_constraint', tg.tgconstraint <> 0,
             'deferrable', tg.tgdeferrable,
             'deferred', tg.tginitdeferred,
             'has_when', tg.tgqual IS NOT NULL,
             'definition', pg_catalog.pg_get_triggerdef(tg.oid, false),
             'comment', ds.description) ORDER BY tg.tgname) AS triggers
    FROM pg_catalog.pg_trigger tg
    JOIN rel r ON r.oid = tg.tgrelid
    JOIN pg_catalog.pg_proc fp ON fp.oid = tg.tgfoid
    JOIN pg_catalog.pg_namespace fpn ON fpn.oid = fp.pronamespace
    LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = tg.oid
                                    AND ds.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND ds.objsubid = 0
    WHERE NOT tg.tgisinternal
    GROUP BY tg.tgrelid
  )
  SELECT
    pg_catalog.current_setting('server_version_num')::pg_catalog.int4 AS server_version_num,

    (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
              'name', n.nspname,
              'comment', pg_catalog.obj_description(n.oid, 'pg_namespace')) ORDER BY n.nspname)
     FROM nsp n) AS schemas,

    (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', x.extname, 'schema', n.nspname) ORDER BY x.extname)
     FROM pg_catalog.pg_extension x
     JOIN nsp n ON n.oid = x.extnamespace
     WHERE x.extname <> 'plpgsql') AS extensions,

    (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
              'schema', n.nspname,
              'name', t.typname,
              'values', (SELECT pg_catalog.json_agg(e.enumlabel ORDER BY e.enumsortorder)
                         FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
              'comment', pg_catalog.obj_description(t.oid, 'pg_type')) ORDER BY n.nspname, t.typname)
     FROM pg_catalog.pg_type t
     JOIN nsp n ON n.oid = t.typnamespace
     WHERE t.typtype = 'e'
       AND NOT EXISTS (SELECT FROM extension_owned e
                       WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND e.objid = t.oid)) AS enums,

    (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
              'schema', n.nspname,
              'name', t.typname,
              'type', pg_catalog.format_type(t.typbasetype, t.typtypmod),
              'notnull', t.typnotnull,
              'default', pg_catalog.pg_get_expr(t.typdefaultbin, 0),
              'collation', CASE WHEN t.typcollation <> bt.typcollation
                                THEN CASE WHEN coln.nspname = 'pg_catalog' THEN co.collname
                                          ELSE coln.nspname || '.' || co.collname END END,
              'checks', (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                                  'name', c.conname,
                                  'expression', pg_catalog.pg_get_expr(c.conbin, 0)) ORDER BY c.conname)
                         FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'),
              'comment', pg_catalog.obj_description(t.oid, 'pg_type')) ORDER BY n.nspname, t.typname)
     FROM pg_catalog.pg_type t
     JOIN nsp n ON n.oid = t.typnamespace
     JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
     LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
     LEFT JOIN pg_catalog.pg_namespace coln ON coln.oid = co.collnamespace
     WHERE t.typtype = 'd'
       AND NOT EXISTS (SELECT FROM extension_owned e
                       WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND e.objid = t.oid)) AS domains,

    (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
              'schema', n.nspname,
              'name', c.relname,
              'type', pg_catalog.format_type(s.seqtypid, NULL),
              'start', s.seqstart::pg_catalog.text,
              'increment', s.seqincrement::pg_catalog.text,
              'min', s.seqmin::pg_catalog.text,
              'max', s.seqmax::pg_catalog.text,
              'cache', s.seqcache::pg_catalog.text,
              'cycle', s.seqcycle,
              'owned_by', owner.owned_by,
              'comment', ds.description) ORDER BY n.nspname, c.relname)
     FROM pg_catalog.pg_sequence s
     JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
     JOIN nsp n ON n.oid = c.relnamespace
     LEFT JOIN LATERAL (
       SELECT pg_catalog.json_build_object('schema', own.nspname, 'table', oc.relname, 'column', a.attname) AS owned_by,
              oc.relname AS table_name
       FROM pg_catalog.pg_depend d
       JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid
       JOIN pg_catalog.pg_namespace own ON own.oid = oc.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
       WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
         AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0
         AND d.deptype IN ('a', 'i')
       LIMIT 1
     ) AS owner ON true
     LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid
                                     AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = 0
     WHERE c.relkind = 'S'
       AND ($2::pg_catalog.bool OR owner.table_name IS NULL
            OR owner.table_name NOT IN ('goose_db_version', '_prisma_migrations'))
       AND NOT EXISTS (SELECT FROM extension_owned e
                       WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid)) AS sequences,

    (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
              'schema', t.nspname,
              'name', t.relname,
              'relkind', t.relkind,
              'partkey', CASE WHEN t.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(t.oid) END,
              'partition_of', (SELECT pg_catalog.json_build_object(
                                        'schema', pn.nspname, 'name', pc.relname,
                                        'bound', pg_catalog.pg_get_expr(t.relpartbound, t.oid))
                               FROM pg_catalog.pg_inherits i
                               JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                               JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                               WHERE i.inhrelid = t.oid AND t.relispartition),
              'inherits', (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                                    'schema', pn.nspname, 'name', pc.relname) ORDER BY i.inhseqno)
                           FROM pg_catalog.pg_inherits i
                           JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                           JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                           WHERE i.inhrelid = t.oid AND NOT t.relispartition),
              'comment', ds.description,
              'columns', tc.columns,
              'constraints', tk.constraints,
              'indexes', ti.indexes,
              'triggers', tt.triggers) ORDER BY t.nspname, t.relname)
     FROM rel t
     LEFT JOIN rel_columns tc ON tc.attrelid = t.oid
     LEFT JOIN rel_constraints tk ON tk.conrelid = t.oid
     LEFT JOIN rel_indexes ti ON ti.indrelid = t.oid
     LEFT JOIN rel_triggers tt ON tt.tgrelid = t.oid
     LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = t.oid
                                     AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = 0
     WHERE t.relkind IN ('r', 'p')) AS tables,

    (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
              'schema', v.nspname,
              'name', v.relname,
              'relkind', v.relkind,
              'definition', pg_catalog.pg_get_viewdef(v.oid, false),
              'columns', (SELECT pg_catalog.json_agg(a.attname ORDER BY a.attnum)
                          FROM pg_catalog.pg_attribute a
                          WHERE a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped),
              'indexes', (SELECT vi.indexes FROM rel_indexes vi WHERE vi.indrelid = v.oid),
              'comment', pg_catalog.obj_description(v.oid, 'pg_class')) ORDER BY v.nspname, v.relname)
     FROM rel v
     WHERE v.relkind IN ('v', 'm')) AS views,

    (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
              'schema', n.nspname,
              'name', p.proname,
              'prokind', p.prokind,
              'identity_args', (SELECT pg_catalog.json_agg(pg_catalog.format_type(a.typ, NULL) ORDER BY a.ord)
                                FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY AS a(typ, ord)),
              'arg_types', (SELECT pg_catalog.json_agg(pg_catalog.format_type(a.typ, NULL) ORDER BY a.ord)
                            FROM pg_catalog.unnest(COALESCE(p.proallargtypes, p.proargtypes::pg_catalog.oid[]))
                                   WITH ORDINALITY AS a(typ, ord)),
              'arg_modes', p.proargmodes,
              'arg_names', p.proargnames,
              'rettype', pg_catalog.format_type(p.prorettype, NULL),
              'retset', p.proretset,
              'language', l.lanname,
              'src', p.prosrc,
              'volatility', p.provolatile,
              'strict', p.proisstrict,
              'security_definer', p.prosecdef,
              'comment', pg_catalog.obj_description(p.oid, 'pg_proc'))
            ORDER BY n.nspname, p.proname, p.proargtypes::pg_catalog.oid[])
     FROM pg_catalog.pg_proc p
     JOIN nsp n ON n.oid = p.pronamespace
     JOIN pg_catalog.pg_language l ON l.oid = p.prolang
     WHERE p.prokind IN ('f', 'p')
       AND NOT EXISTS (SELECT FROM extension_owned e
                       WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = p.oid)) AS routines
  OFFSET 0
) AS r
CROSS JOIN LATERAL (
  SELECT pg_catalog.set_config('search_path', session.saved, true) AS restored,
         pg_catalog.set_config('TimeZone', session.saved_timezone, true) AS restored_timezone
  WHERE r.server_version_num IS NOT NULL
  OFFSET 0
) AS restore;
