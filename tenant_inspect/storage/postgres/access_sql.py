"""The SQL that makes PostgreSQL itself decide who sees what (issue 13, part 4).

Run by ``tenant-inspect server init`` (:mod:`.access`) on an owner's connection, after the
migrations, in one transaction. Everything here is written to be run again: after an upgrade
(a migration may add a table, which no member may touch until ``server init`` grants it:
new tables are closed by default) and simply twice, which changes nothing.

The design, in four parts:

* **Group roles** (cluster-wide, ``NOLOGIN``): :data:`COORDINATOR` and :data:`INSPECTOR`
  hold the table privileges. Each team member logs in with a role of their own, a member of
  one of them (``server add-member``).
* **Who belongs to which inspection** is the table ``ti_access.member_role`` (login role,
  inspection, team member, kind). It lives in a schema of its own that only ``server init``
  creates, not in a migration: database roles mean nothing on a laptop's SQLite file, the
  table never travels in a bundle, and Alembic (which compares only ``public``) never sees
  it. Each login role reads only its own rows (a policy on the table itself).
* **Rows**: every table with an ``inspection_id`` (and ``inspection`` by its ``id``) has
  row-level security with one policy: the row's inspection is one of the caller's (and the
  ``inspection`` row itself is changed by its coordinators only). The table owner (the
  administrator) is exempt, as PostgreSQL exempts owners.
* **Interviewee names** (``interview.interviewee_name``): no member may ``SELECT`` that
  column of ``public.interview`` (column privileges). Members read interviews through the
  security-barrier view ``ti_member.interview``, which shows the name only to the
  inspection's coordinators and to the member who recorded the interview (the row's
  ``author_id``), and ``''`` to everyone else. ``server add-member`` puts ``ti_member``
  first on the login role's ``search_path`` in this database, so the app's own SQL (and a
  member's hand-written ``SELECT * FROM interview``) finds the view, with no second code
  path for SQLite. Writes through the view go to the table as the caller (``INSTEAD OF``
  trigger, so row-level security still applies); a ``BEFORE UPDATE`` trigger on the table
  keeps the stored name when the caller may not read it and writes back the ``''`` the view
  gave them, refuses any other name from them, and refuses a change of recorder except by a
  coordinator — otherwise an inspector could make themselves the recorder of someone else's
  interview and then read its name. (Refused, not ignored: the app's per-field stamps must
  never claim a change that was not stored.) A migration that drops or retypes a column of
  ``interview`` must ``DROP VIEW IF EXISTS ti_member.interview`` first; ``server init``
  makes it again.

``conflict`` rows about ``interviewee_name`` hold names too: only coordinators see them.
``app_setting`` has no inspection column; on a server it is shared, so its rows naming an
inspection (``member:``, ``laptop:``, ``plan_imports:``) are visible only to that
inspection's members and ``kit:`` rows only to those who see the member; members read it,
coordinators also write it (kits issued, laptops seen, files merged and plan imports are the
coordinator's acts).
"""

from __future__ import annotations

from collections.abc import Sequence

#: The group roles (cluster-wide, shared by every programme database on the cluster; a role
#: sees nothing in a database that maps it to no inspection).
COORDINATOR = "tenant_inspect_coordinator"
INSPECTOR = "tenant_inspect_inspector"
GROUPS = (COORDINATOR, INSPECTOR)
#: Schema of the mapping table and the functions; schema of the members' interview view.
ACCESS = "ti_access"
MEMBER = "ti_member"

#: The caller's inspections, as a sub-query the planner hashes once per statement.
MINE = f"(SELECT m.inspection_id FROM {ACCESS}.member_role m WHERE m.rolname = current_user)"

#: Tables whose rows belong to an inspection, besides ``inspection`` and ``interview``
#: (which have their own rules). ``conflict`` is last: its policy hides names.
ROW_TABLES = (
    "team_member",
    "area",
    "questionnaire_copy",
    "document_review",
    "interview_interviewer",
    "answer",
    "finding",
    "judgement",
    "conclusion",
    "recommendation",
    "recommendation_finding",
    "action_plan_item",
    "action_plan_response",
    "monitoring_round",
    "monitoring_entry",
    "prospects",
    "letter_text",
    "conflict",
)

SETUP = f"""
CREATE SCHEMA IF NOT EXISTS {ACCESS};
CREATE SCHEMA IF NOT EXISTS {MEMBER};
CREATE TABLE IF NOT EXISTS {ACCESS}.member_role (
    rolname text NOT NULL,
    inspection_id varchar(36) NOT NULL REFERENCES public.inspection (id),
    member_id varchar(36) NOT NULL REFERENCES public.team_member (id),
    kind text NOT NULL CHECK (kind IN ('coordinator', 'inspector')),
    PRIMARY KEY (rolname, inspection_id)
);
ALTER TABLE {ACCESS}.member_role ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_rows ON {ACCESS}.member_role;
CREATE POLICY own_rows ON {ACCESS}.member_role FOR SELECT USING (rolname = current_user);

CREATE OR REPLACE FUNCTION {ACCESS}.may_read_name(insp text, author text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM {ACCESS}.member_role m
        WHERE m.rolname = current_user AND m.inspection_id = insp
          AND (m.kind = 'coordinator' OR m.member_id = author))
$$;
CREATE OR REPLACE FUNCTION {ACCESS}.is_coordinator(insp text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM {ACCESS}.member_role m
        WHERE m.rolname = current_user AND m.inspection_id = insp AND m.kind = 'coordinator')
$$;
CREATE OR REPLACE FUNCTION {ACCESS}.interview_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM {ACCESS}.member_role m WHERE m.rolname = current_user) THEN
        RETURN NEW;  -- the administrator (migrations, merges on an owner's connection)
    END IF;
    IF NOT {ACCESS}.may_read_name(OLD.inspection_id, OLD.author_id) THEN
        IF NEW.interviewee_name NOT IN ('', OLD.interviewee_name) THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE =
                'only the coordinators and the recorder may change an interviewee''s name';
        END IF;
        NEW.interviewee_name := OLD.interviewee_name;  -- '' is what the view showed
    END IF;
    IF NEW.author_id IS DISTINCT FROM OLD.author_id
       AND NOT {ACCESS}.is_coordinator(OLD.inspection_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE =
            'only the coordinators may change who recorded an interview';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ti_interview_guard ON public.interview;
CREATE TRIGGER ti_interview_guard BEFORE UPDATE ON public.interview
    FOR EACH ROW EXECUTE FUNCTION {ACCESS}.interview_guard();
"""


def group_roles_sql() -> str:
    """The group roles, created when missing (``CREATE ROLE`` has no ``IF NOT EXISTS``)."""
    return "\n".join(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{g}') THEN "
        f"CREATE ROLE {g} NOLOGIN; END IF; END $$;"
        for g in GROUPS
    )


def view_sql(columns: Sequence[str]) -> str:
    """The members' ``interview`` view and its write trigger, for the table's ``columns``
    (read from the catalogue, in their order, so a later migration's column is included)."""
    shown = ", ".join(
        f"CASE WHEN {ACCESS}.may_read_name(i.inspection_id, i.author_id) "
        f"THEN i.interviewee_name ELSE '' END AS interviewee_name"
        if c == "interviewee_name"
        else f"i.{c}"
        for c in columns
    )
    names = ", ".join(columns)
    values = ", ".join(f"NEW.{c}" for c in columns)
    sets = ", ".join(f"{c} = NEW.{c}" for c in columns)
    return f"""
DROP VIEW IF EXISTS {MEMBER}.interview;
CREATE VIEW {MEMBER}.interview WITH (security_barrier) AS
    SELECT {shown} FROM public.interview i WHERE i.inspection_id IN {MINE};
CREATE OR REPLACE FUNCTION {ACCESS}.interview_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.interview ({names}) VALUES ({values});
        RETURN NEW;
    END IF;
    UPDATE public.interview SET {sets} WHERE id = OLD.id;
    IF NOT FOUND THEN RETURN NULL; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ti_interview_write INSTEAD OF INSERT OR UPDATE ON {MEMBER}.interview
    FOR EACH ROW EXECUTE FUNCTION {ACCESS}.interview_write();
"""


def _policy(table: str, using: str, check: str | None = None) -> str:
    return (
        f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY;\n"
        f"DROP POLICY IF EXISTS ti_members ON public.{table};\n"
        f"CREATE POLICY ti_members ON public.{table} USING ({using}) "
        f"WITH CHECK ({check or using});\n"
    )


def policies_sql() -> str:
    """One policy per table: the row's inspection is one of the caller's."""
    # The inspection's own details: every member reads them, only its coordinators change
    # them. A policy per command, because one login may be a coordinator of one inspection
    # and an inspector of another, and so hold both groups' privileges.
    coordinator = f"{ACCESS}.is_coordinator(id)"
    parts = [
        "ALTER TABLE public.inspection ENABLE ROW LEVEL SECURITY;\n"
        "DROP POLICY IF EXISTS ti_members ON public.inspection;\n"
        f"CREATE POLICY ti_members ON public.inspection FOR SELECT USING (id IN {MINE});\n"
        "DROP POLICY IF EXISTS ti_coordinators ON public.inspection;\n"
        "CREATE POLICY ti_coordinators ON public.inspection FOR UPDATE "
        f"USING ({coordinator}) WITH CHECK ({coordinator});\n",
        _policy("interview", f"inspection_id IN {MINE}"),
    ]
    for table in ROW_TABLES:
        using = f"inspection_id IN {MINE}"
        if table == "conflict":
            using += f" AND (field <> 'interviewee_name' OR {ACCESS}.is_coordinator(inspection_id))"
        parts.append(_policy(table, using))
    setting_scope = (
        "CASE split_part(key, ':', 1) "
        f"WHEN 'member' THEN split_part(key, ':', 2) IN {MINE} "
        f"WHEN 'laptop' THEN split_part(key, ':', 2) IN {MINE} "
        f"WHEN 'plan_imports' THEN split_part(key, ':', 2) IN {MINE} "
        "WHEN 'kit' THEN EXISTS (SELECT 1 FROM public.team_member t "
        "WHERE t.id = split_part(key, ':', 2)) "
        "ELSE true END"
    )
    parts.append(_policy("app_setting", setting_scope))
    return "".join(parts)


def grants_sql(interview_columns: Sequence[str]) -> str:
    """Table privileges: reset, then granted again (so running twice changes nothing)."""
    both = ", ".join(GROUPS)
    readable = ", ".join(c for c in interview_columns if c != "interviewee_name")
    lines = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public, {ACCESS}, {MEMBER} FROM {both};",
        f"GRANT USAGE ON SCHEMA public, {ACCESS}, {MEMBER} TO {both};",
        f"GRANT SELECT ON {ACCESS}.member_role, public.alembic_version TO {both};",
        f"GRANT SELECT ON public.inspection TO {INSPECTOR};",
        f"GRANT SELECT, UPDATE ON public.inspection TO {COORDINATOR};",
        f"GRANT SELECT ({readable}), INSERT, UPDATE ON public.interview TO {both};",
        f"GRANT SELECT, INSERT, UPDATE ON {MEMBER}.interview TO {both};",
        f"GRANT SELECT ON public.app_setting TO {INSPECTOR};",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON public.app_setting TO {COORDINATOR};",
    ]
    for table in ROW_TABLES:
        extra = ", DELETE" if table == "conflict" else ""  # resolved conflicts are deleted
        lines.append(f"GRANT SELECT, INSERT, UPDATE{extra} ON public.{table} TO {both};")
    return "\n".join(lines)
