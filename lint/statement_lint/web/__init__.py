"""`statement-lint serve`: a local web page for people who work in Word and a browser. Needs
the `web` extra (`pip install 'statement-lint[web]'`); the core install does not import it."""
