/**
 * GIN twins for FerretDB's indexes; see the SQL comment for why. Kept as a string so the server
 * build ships it with the code.
 */
export const GIN_TWINS_SQL = String.raw`
-- FerretDB 1.24 on PostgreSQL filters a pushed-down equality as "_jsonb -> 'field' @> value", but
-- creates its indexes as btree over "(_jsonb -> 'field')", which cannot answer "@>": every lookup
-- but an UPDATE/DELETE by _id scans the table. This file gives each FerretDB index a GIN twin
-- (jsonb_path_ops) over the same expressions, created and dropped with it by event triggers, so
-- every database and collection FerretDB makes is covered without the platform naming them.
-- It is applied at every start (idempotent). The twin of index <oid> is named cfgin_<oid>.

CREATE OR REPLACE FUNCTION congressflow_gin_twin(ix oid) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  idx pg_index%ROWTYPE;
  idx_name text;
  idx_schema oid;
  twin text := 'cfgin_' || ix::text;
  cols text[] := '{}';
  col text;
BEGIN
  SELECT * INTO idx FROM pg_index WHERE indexrelid = ix;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT relname, relnamespace INTO idx_name, idx_schema FROM pg_class WHERE oid = ix;
  IF idx_name LIKE 'cfgin\_%' THEN RETURN; END IF;
  IF EXISTS (SELECT 1 FROM pg_class WHERE relname = twin AND relnamespace = idx_schema) THEN
    RETURN;
  END IF;
  FOR k IN 1..idx.indnkeyatts LOOP
    col := pg_get_indexdef(ix, k, false);
    -- only FerretDB's own shape: an expression on the document column
    IF col NOT LIKE '%\_jsonb%' THEN RETURN; END IF;
    cols := cols || ('(' || col || ') jsonb_path_ops');
  END LOOP;
  EXECUTE format('CREATE INDEX %I ON %s USING gin (%s)',
                 twin, idx.indrelid::regclass::text, array_to_string(cols, ', '));
END
$fn$;

CREATE OR REPLACE FUNCTION congressflow_on_create_index() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'index' LOOP
    PERFORM congressflow_gin_twin(cmd.objid);
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION congressflow_on_drop_index() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  obj record;
BEGIN
  FOR obj IN SELECT schema_name, objid, object_name FROM pg_event_trigger_dropped_objects()
             WHERE object_type = 'index' AND object_name NOT LIKE 'cfgin\_%' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', obj.schema_name, 'cfgin_' || obj.objid::text);
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS congressflow_create_index;
CREATE EVENT TRIGGER congressflow_create_index ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION congressflow_on_create_index();

DROP EVENT TRIGGER IF EXISTS congressflow_drop_index;
CREATE EVENT TRIGGER congressflow_drop_index ON sql_drop
  WHEN TAG IN ('DROP INDEX') EXECUTE FUNCTION congressflow_on_drop_index();

-- Indexes that existed before these triggers (an older data folder) get their twins now.
SELECT congressflow_gin_twin(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.relname NOT LIKE 'cfgin\_%';
`;
