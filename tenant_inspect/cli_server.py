"""``tenant-inspect server init | add-member | remove-member``: who sees what on a programme's
PostgreSQL server, enforced by PostgreSQL itself (roles, privileges, row-level security).

Run by the server's administrator, with the URL of an owner's connection; the work and its
reasons are in :mod:`tenant_inspect.storage.postgres.access`. A member's password is never a
command-line argument (shell history, the process list): it is typed at the terminal
(twice) or read from the first line of ``--password-file``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from .cli_bundle import _out
from .errors import UserError


def _password_file(name: str) -> str:
    try:
        lines = Path(name).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise UserError(f"cannot read the password file {name}: {reason}") from exc
    if not lines or not lines[0]:
        raise UserError(f"the password file {name} is empty: put the password on its first line")
    return lines[0]


def _asker(args: argparse.Namespace) -> Callable[[bool], str | None]:
    def ask(needed: bool) -> str | None:
        if args.password_file is not None:
            return _password_file(args.password_file)
        if not needed:
            return None  # an existing login keeps its password
        if not sys.stdin.isatty():
            raise UserError(
                f"the login role {args.role!r} is new and needs a password, but there is no "
                "terminal to ask it on: give --password-file FILE"
            )
        first = getpass.getpass(f"Password for {args.role}: ")
        if getpass.getpass("Same password again: ") != first:
            raise UserError("the two passwords differ: nothing was changed")
        return first

    return ask


def cmd_server_init(args: argparse.Namespace) -> int:
    from .storage.postgres.access import init_server

    for line in init_server(args.url):
        _out(line)
    return 0


def cmd_server_add_member(args: argparse.Namespace) -> int:
    from .storage.postgres.access import add_member

    done = add_member(args.url, args.inspection, args.member, args.role, _asker(args))
    new = " (new login role)" if done.created_role else ""
    _out(f"{done.member} ({done.kind}) of {done.inspection!r} logs in as {done.role}{new}")
    return 0


def cmd_server_remove_member(args: argparse.Namespace) -> int:
    from .storage.postgres.access import remove_member

    done = remove_member(args.url, args.inspection, args.member)
    _out(f"{done.member} ({done.role}) no longer sees {done.inspection!r}")
    if done.role_left:
        _out(
            f"{done.role} has no inspection left in this database; the role itself is kept "
            f"(DROP ROLE {done.role} removes it if no other database uses it)"
        )
    return 0


def add_server_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "server",
        parents=[common],
        help="set up a programme's PostgreSQL server: roles, privileges, who sees what",
    )
    ssub = p.add_subparsers(dest="scommand", metavar="ACTION", required=True)
    url_help = "the server as its administrator (owner of the tables, CREATEROLE): postgresql://…"
    q = ssub.add_parser(
        "init",
        parents=[common],
        help="schema, group roles, privileges and row-level security (safe to run again)",
    )
    q.add_argument("url", metavar="URL", help=url_help)
    q.set_defaults(func=cmd_server_init, no_data_folder=True)
    q = ssub.add_parser(
        "add-member",
        parents=[common],
        help="let a team member log in and see that inspection (creates or reuses the login)",
    )
    q.add_argument("url", metavar="URL", help=url_help)
    q.add_argument("inspection", metavar="INSPECTION", help="inspection id or a unique prefix")
    q.add_argument("member", metavar="MEMBER", help="the team member's name or id prefix")
    q.add_argument("--role", required=True, metavar="LOGIN_ROLE", help="their database login")
    q.add_argument(
        "--password-file",
        metavar="FILE",
        help="read the login's password from FILE's first line (default: ask at the terminal; "
        "an existing login keeps its password)",
    )
    q.set_defaults(func=cmd_server_add_member, no_data_folder=True)
    q = ssub.add_parser(
        "remove-member", parents=[common], help="take a team member's access to an inspection away"
    )
    q.add_argument("url", metavar="URL", help=url_help)
    q.add_argument("inspection", metavar="INSPECTION", help="inspection id or a unique prefix")
    q.add_argument("member", metavar="MEMBER", help="the member's name, id prefix or login role")
    q.set_defaults(func=cmd_server_remove_member, no_data_folder=True)
