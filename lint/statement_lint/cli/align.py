"""`statement-lint align COUNTRY ...`: the alignment paragraph and its footnote for a date, in
the house style, written from the registry and the profile the settings name."""

from __future__ import annotations

import datetime as dt
import json

from statement_lint.cli import EXIT_CLEAN
from statement_lint.cli.usage import Parser, UsageError, add_config_options


def _parser() -> Parser:
    parser = Parser(
        prog="statement-lint align",
        description="Write the alignment paragraph and its footnote for the countries named, "
        "as on the date given: each country in its slot, in the conventional order, under "
        "the name in use then, with the marker where the registry says.",
    )
    parser.add_argument(
        "countries",
        nargs="+",
        metavar="COUNTRY",
        help="a name, an alias or an ISO code: NORTH-MACEDONIA, 'Republic of Moldova', MK",
    )
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the statement's date (default: today)"
    )
    parser.add_argument("--language", metavar="LANGUAGE", help="default: the profile's")
    parser.add_argument("--output-format", choices=("text", "json"), default="text")
    add_config_options(parser, "the config whose profile and registry apply")
    return parser


def align_command(arguments: list[str]) -> int:
    options = _parser().parse_args(arguments)
    from statement_lint.config.files import ConfigResolver
    from statement_lint.reference import default_gazetteer, load_profile, load_registry
    from statement_lint.reference.paragraph import AlignmentError, write_alignment

    day = _day(options.date)
    settings = ConfigResolver(options.config, options.isolated).for_directory(".")
    profile, registry = load_profile(settings.profile), load_registry(settings.registry)
    try:
        written = write_alignment(
            options.countries, day, profile, registry, default_gazetteer(), options.language
        )
    except AlignmentError as error:
        raise UsageError(str(error)) from None
    if options.output_format == "json":
        print(json.dumps(written.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(written.text(), end="")
    return EXIT_CLEAN


def _day(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"--date {text}: not a date; write it as YYYY-MM-DD (2024-05-09)"
        ) from None
