from statement_lint.cli import run

run()
