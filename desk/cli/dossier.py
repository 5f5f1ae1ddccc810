"""``desk dossier CASE -o FILE.pdf [--volume main|sub|all] [--duplex] [--profile NAME] [--stamp POS] [--pdfa]``.

Prints each written path and its page count (``PATH<TAB>PAGES``). With ``--volume all`` both volumes are written
beside FILE with a ``-正卷`` / ``-副卷`` suffix: ``-o 案卷.pdf`` gives ``案卷-正卷.pdf`` and ``案卷-副卷.pdf``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk.cli import write_out


def register(sub: Any) -> None:
    p = sub.add_parser("dossier", help="bind a case's dossier as one PDF per volume")
    p.add_argument("case")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--volume", choices=("main", "sub", "all"), default="main",
                   help="main 正卷, sub 副卷, or all (FILE-正卷.pdf and FILE-副卷.pdf)")
    p.add_argument("--duplex", action="store_true", help="blank backs so every document starts on a front page")
    p.add_argument("--profile", default="default", help="binding profile: default, chronological, or the agency's")
    p.add_argument("--stamp", choices=("top-right", "bottom-right"), default="top-right",
                   help="where page numbers go (mirrored on back pages in duplex)")
    p.add_argument("--pdfa", action="store_true", help="declare PDF/A-2b (XMP identification, sRGB output intent)")
    p.set_defaults(func=cmd_dossier)


def cmd_dossier(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.dossier import DossierOptions, build_dossier, build_volumes

    options = DossierOptions(stamp=args.stamp, pdfa=args.pdfa)
    with unit_of_work(write=False, actor="cli") as uow:
        if args.volume == "all":
            results = build_volumes(uow, args.case, out=args.output, duplex=args.duplex, profile=args.profile,
                                    options=options)
        else:
            results = [build_dossier(uow, args.case, volume=args.volume, out=args.output, duplex=args.duplex,
                                     profile=args.profile, options=options)]
    write_out("".join(f"{r.path}\t{r.pages}\n" for r in results))
    return 0
