"""What the database itself enforces on PostgreSQL (migration ``identity``): who is who, and what each may do.

* Desk's roles are PostgreSQL roles — ``desk_clerk``, ``desk_reviewer``, ``desk_leader``, ``desk_archivist``,
  ``desk_admin`` (NOLOGIN groups, cluster-wide) — granted to each person's own login (``desk users add``).
* Row-level security: a clerk sees and changes only his squad's cases (``officer.squad`` of his login) and
  their parties, events, documents and attachments; reviewers, leaders, archivists and administrators all.
* The audit log is append-only for everyone: no UPDATE, DELETE or TRUNCATE (grants and a trigger); rows
  are appended only through ``desk_audit_append``, which links each to the last one and stamps the login.
* Numbers move only through ``desk_allocate_number`` (clerks, leaders, administrators: the issuing path) and
  ``desk_spend_number`` (an imported number); nobody writes ``number_counter`` directly, and it never goes back.
* An archived case is read-only (trigger), and only an archivist (or an administrator) may archive one.

The table owner (the administrator who migrates) and superusers are the console operator: RLS does not apply to
them, the triggers do.
"""

ROLES = ("desk_clerk", "desk_reviewer", "desk_leader", "desk_archivist", "desk_admin")
_ALL = ", ".join(ROLES)

SQL = f"""
DO $roles$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['desk_clerk', 'desk_reviewer', 'desk_leader', 'desk_archivist', 'desk_admin'] LOOP
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;  -- another migration made it meanwhile
    END;
  END LOOP;
END $roles$;

GRANT USAGE ON SCHEMA public TO {_ALL};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {_ALL};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {_ALL};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {_ALL};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {_ALL};

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log, number_counter, alembic_version FROM {_ALL};
REVOKE UPDATE, DELETE, TRUNCATE ON number_log, package_seal FROM {_ALL};
REVOKE INSERT ON package_seal FROM desk_clerk, desk_reviewer, desk_leader;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON agency, officer, credential, signing_key, calendar_day
  FROM desk_clerk, desk_reviewer, desk_leader, desk_archivist;
REVOKE UPDATE, DELETE ON signing_key FROM desk_admin;
GRANT INSERT ON signing_key TO desk_archivist;  -- the agency's key is made by its archivist (or administrator)
GRANT INSERT ON agency TO desk_clerk, desk_reviewer;  -- an import may bring its agency
GRANT UPDATE (id) ON agency TO {_ALL};  -- lets SELECT … FOR KEY SHARE lock it (its id is referenced: never changes)
REVOKE SELECT ON credential FROM desk_clerk, desk_reviewer, desk_leader, desk_archivist;
REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM {_ALL};

CREATE FUNCTION desk_privileged(VARIADIC wanted text[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
      OR session_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_log')
      OR EXISTS (SELECT 1 FROM unnest(wanted) w WHERE pg_has_role(session_user, w, 'MEMBER'))
$$;

CREATE FUNCTION desk_squad() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT squad FROM officer WHERE login = session_user AND active ORDER BY id LIMIT 1
$$;

-- squads: clerks see their squad's cases, the others every case
ALTER TABLE case_file ENABLE ROW LEVEL SECURITY;
CREATE POLICY desk_all_cases ON case_file FOR ALL TO desk_reviewer, desk_leader, desk_archivist, desk_admin
  USING (true) WITH CHECK (true);
CREATE POLICY desk_squad_cases ON case_file FOR ALL TO desk_clerk
  USING (squad = desk_squad()) WITH CHECK (squad = desk_squad());
DO $children$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['party', 'event', 'document', 'attachment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY desk_visible_case ON %I FOR ALL TO PUBLIC '
                   'USING (EXISTS (SELECT 1 FROM case_file c WHERE c.id = case_id)) '
                   'WITH CHECK (EXISTS (SELECT 1 FROM case_file c WHERE c.id = case_id))', t);
  END LOOP;
END $children$;

-- the audit log: append-only, for everyone
CREATE FUNCTION desk_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER desk_audit_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_audit_change();
CREATE TRIGGER desk_audit_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_audit_change();

CREATE FUNCTION desk_audit_append(p_at timestamptz, p_actor text, p_action text, p_case_id integer,
                                  p_document_id integer, p_detail json, p_prev text, p_hash text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE last_hash text; new_id integer;
BEGIN
  PERFORM pg_advisory_xact_lock(1145392971);  -- "DESK": one writer extends the chain at a time
  IF p_actor <> session_user AND NOT desk_privileged(VARIADIC ARRAY[]::text[]) THEN
    RAISE EXCEPTION 'audit entries are written in the name of the login (%), not %', session_user, p_actor
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_at < now() - interval '5 minutes' OR p_at > clock_timestamp() + interval '5 minutes' THEN
    RAISE EXCEPTION 'an audit entry is written when it happens, not at %', p_at
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  IF p_prev IS DISTINCT FROM coalesce(last_hash, repeat('0', 64)) THEN
    RAISE EXCEPTION 'the audit entry does not link to the last one' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO audit_log (at, actor, action, case_id, document_id, detail, prev_hash, hash)
    VALUES (p_at, p_actor, p_action, p_case_id, p_document_id, p_detail, p_prev, p_hash) RETURNING id INTO new_id;
  RETURN new_id;
END $$;
REVOKE ALL ON FUNCTION desk_audit_append(timestamptz, text, text, integer, integer, json, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION desk_audit_append(timestamptz, text, text, integer, integer, json, text, text) TO {_ALL};

-- numbers: only through the issuing path, and never backwards
CREATE FUNCTION desk_allocate_number(p_agency integer, p_code text, p_year integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE seq integer;
BEGIN
  IF NOT desk_privileged('desk_clerk', 'desk_leader', 'desk_admin') THEN
    RAISE EXCEPTION 'only a clerk or a leader issues numbers' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO number_counter (agency_id, code, year, last_seq) VALUES (p_agency, p_code, p_year, 0)
    ON CONFLICT DO NOTHING;
  UPDATE number_counter SET last_seq = last_seq + 1
    WHERE agency_id = p_agency AND code = p_code AND year = p_year RETURNING last_seq INTO seq;
  RETURN seq;
END $$;
CREATE FUNCTION desk_spend_number(p_agency integer, p_code text, p_year integer, p_seq integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT desk_privileged('desk_clerk', 'desk_reviewer', 'desk_leader', 'desk_admin') THEN
    RAISE EXCEPTION 'only an importing user records imported numbers' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO number_counter (agency_id, code, year, last_seq) VALUES (p_agency, p_code, p_year, 0)
    ON CONFLICT DO NOTHING;
  UPDATE number_counter SET last_seq = greatest(last_seq, p_seq)
    WHERE agency_id = p_agency AND code = p_code AND year = p_year;
END $$;
REVOKE ALL ON FUNCTION desk_allocate_number(integer, text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION desk_spend_number(integer, text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION desk_allocate_number(integer, text, integer) TO desk_clerk, desk_leader, desk_admin;
GRANT EXECUTE ON FUNCTION desk_spend_number(integer, text, integer, integer)
  TO desk_clerk, desk_reviewer, desk_leader, desk_admin;
CREATE FUNCTION desk_counter_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.last_seq < OLD.last_seq THEN
    RAISE EXCEPTION 'a number counter never goes back' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER desk_counter_forward BEFORE UPDATE OR DELETE ON number_counter
  FOR EACH ROW EXECUTE FUNCTION desk_counter_forward_only();

-- archived cases: read-only; archiving is the archivist's
CREATE FUNCTION desk_refuse_archived_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'archived' THEN
    RAISE EXCEPTION 'case % is archived and read-only', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.status = 'archived' AND NOT desk_privileged('desk_archivist', 'desk_admin') THEN
    RAISE EXCEPTION 'only an archivist archives a case' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER desk_case_frozen BEFORE UPDATE OR DELETE ON case_file
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_archived_case();
CREATE FUNCTION desk_refuse_archived_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM case_file c WHERE c.status = 'archived' AND c.id IN (
      CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.case_id END,
      CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.case_id END)) THEN
    RAISE EXCEPTION 'the case is archived and read-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
DO $frozen$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['party', 'event', 'document', 'attachment'] LOOP
    EXECUTE format('CREATE TRIGGER desk_child_frozen BEFORE INSERT OR UPDATE OR DELETE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION desk_refuse_archived_child()', t);
  END LOOP;
END $frozen$;
"""
