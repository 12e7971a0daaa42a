"""`statement-lint completion bash|zsh|fish`: a completion script, made from the parser so
that it always knows every option and command."""

from __future__ import annotations

from statement_lint.cli import COMMANDS, EXIT_CLEAN
from statement_lint.cli.usage import Parser

BASH = """\
# statement-lint completion for bash: source it, or save it as
# ~/.local/share/bash-completion/completions/statement-lint
_statement_lint() {
    local current="${COMP_WORDS[COMP_CWORD]}"
    if [[ $current == -* ]]; then
        COMPREPLY=($(compgen -W "OPTIONS" -- "$current"))
    elif [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "COMMANDS" -- "$current") $(compgen -f -- "$current"))
    else
        COMPREPLY=($(compgen -f -- "$current"))
    fi
}
complete -o filenames -F _statement_lint statement-lint
"""

ZSH = """\
#compdef statement-lint
# statement-lint completion for zsh: save it as _statement-lint in a folder of your $fpath
_statement_lint() {
    local -a commands options
    commands=(COMMANDS)
    options=(OPTIONS)
    if [[ $words[CURRENT] == -* ]]; then
        compadd -a options
    elif (( CURRENT == 2 )); then
        compadd -a commands
        _files
    else
        _files
    fi
}
compdef _statement_lint statement-lint
"""

FISH_HEAD = """\
# statement-lint completion for fish: save it as
# ~/.config/fish/completions/statement-lint.fish
complete -c statement-lint -n __fish_use_subcommand -a 'COMMANDS'
"""


def completion_command(arguments: list[str]) -> int:
    parser = Parser(
        prog="statement-lint completion",
        description="Print a shell completion script for statement-lint.",
    )
    parser.add_argument("shell", choices=("bash", "zsh", "fish"))
    options = parser.parse_args(arguments)
    print(script(options.shell), end="")
    return EXIT_CLEAN


def script(shell: str) -> str:
    from statement_lint.cli.arguments import lint_parser

    names = sorted(o for o in lint_parser()._option_string_actions if o.startswith("--"))
    commands = " ".join(COMMANDS)
    if shell == "fish":
        lines = [f"complete -c statement-lint -l {name[2:]}\n" for name in names]
        return FISH_HEAD.replace("COMMANDS", commands) + "".join(lines)
    template = BASH if shell == "bash" else ZSH
    return template.replace("OPTIONS", " ".join(names)).replace("COMMANDS", commands)
