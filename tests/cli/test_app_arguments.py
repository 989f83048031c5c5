"""`countdesk`, `countdesk demo` and `countdesk gui FILE` start the app without building the command
line's parser (about twenty sub-parsers, milliseconds before the window can start): read by
`app_arguments` exactly as the parser reads them, and everything else still goes to the parser."""

from __future__ import annotations

import pytest

import countdesk.cli as cli
from countdesk.cli import app_arguments, build_parser, main

APP_FORMS = ([], ["demo"], ["gui"], ["gui", "night.countdesk"], ["gui", "postgresql://a@venue/night"],
             ["gui", "demo"], ["gui", "gui"], ["gui", "my count.countdesk"])
#: Left to the parser: options and help (anywhere), other commands, extra words, mistakes.
PARSER_FORMS = (["--version"], ["--self-test"], ["demo", "--help"], ["gui", "--help"], ["gui", "-"],
                ["gui", "a.countdesk", "b.countdesk"], ["demo", "x"], ["tally", "x.json"], ["dem"], ["Demo"],
                ["gui", "--", "x"], ["x.countdesk"], ["-h"])


@pytest.mark.parametrize("argv", APP_FORMS)
def test_the_app_forms_are_read_as_the_parser_reads_them(argv):
    assert app_arguments(argv) is not None
    assert vars(app_arguments(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", PARSER_FORMS)
def test_everything_else_goes_to_the_parser(argv):
    assert app_arguments(argv) is None


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (None, False)), (["demo"], (None, True)), (["gui", "night.countdesk"], ("night.countdesk", False)),
])
def test_the_app_starts_without_the_parser(monkeypatch, argv, expected):
    started = []

    def refuse():
        raise AssertionError("the parser was built to start the app")

    monkeypatch.setattr(cli, "build_parser", refuse)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr("countdesk.gui.launch.run_app",
                        lambda path=None, demo=False: started.append((None if path is None else str(path), demo)) or 7)
    assert main(argv) == 7
    assert started == [expected]


def test_a_mistake_on_the_app_command_is_still_the_parsers_one_line(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "extra"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.startswith("countdesk: unrecognized arguments: extra")
