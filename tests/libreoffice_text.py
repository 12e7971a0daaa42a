"""Run by the tests with Debian's python3 and its LibreOffice bindings (python3-uno):

    python3 libreoffice_text.py PROFILE_DIR FILE.docx ...

LibreOffice opens each Word file, counts its tracked changes and their authors, reads its
comments, accepts the changes, and reads the text of the page headers, the body and the
footnotes. Prints one JSON object: file -> {"changes", "authors", "comments": [{"author",
"content", "anchor"}], "accepted": {"headers", "body", "footnotes"}}.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue


def _property(name, value):
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe):
    context = uno.getComponentContext()
    resolver = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", context
    )
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # not listening yet
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not start")


def _text(document):
    headers = []
    styles = document.StyleFamilies.getByName("PageStyles")
    for name in sorted(styles.ElementNames):
        style = styles.getByName(name)
        if style.HeaderIsOn:
            for part in ("HeaderTextFirst", "HeaderText"):
                text = getattr(style, part, None)
                if text is not None and text.String and text.String not in headers:
                    headers.append(text.String)
    footnotes = [document.Footnotes.getByIndex(i).String for i in range(document.Footnotes.Count)]
    return {"headers": headers, "body": document.Text.String, "footnotes": footnotes}


def _comments(document):
    found = []
    fields = document.TextFields.createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.textfield.Annotation"):
            found.append(
                {"author": field.Author, "content": field.Content, "anchor": field.Anchor.String}
            )
    return found


class Office:
    """A headless LibreOffice, started again if it dies (it sometimes crashes on a load)."""

    def __init__(self, profile):
        self.profile = profile
        self.process = None

    def start(self):
        pipe = f"statement_lint_{os.getpid()}_{time.monotonic_ns()}"
        self.process = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
             f"-env:UserInstallation={Path(self.profile).resolve().as_uri()}",
             f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,  # `soffice` is a script: its office is a child to stop too
        )  # fmt: skip
        context = _connect(pipe)
        manager = context.ServiceManager
        self.desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        self.dispatcher = manager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", context
        )

    def stop(self):
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)  # the script and its office
            self.process.wait(30)
            self.process = None

    def read(self, name):
        url = Path(name).resolve().as_uri()
        document = self.desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
        if document is None:
            raise RuntimeError(f"LibreOffice could not open {name}")
        redlines = document.Redlines
        changes, authors = redlines.Count, set()
        for index in range(changes):
            authors.add(redlines.getByIndex(index).RedlineAuthor)
        comments = _comments(document)
        frame = document.CurrentController.Frame
        self.dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
        found = {
            "changes": changes,
            "authors": sorted(authors),
            "comments": comments,
            "accepted": _text(document),
        }
        document.close(True)
        return found


def main(profile, files):
    office = Office(profile)
    found = {}
    try:
        for name in files:
            for attempt in range(3):
                try:
                    if office.process is None:
                        office.start()
                    found[name] = office.read(name)
                    break
                except Exception:
                    office.stop()  # a crashed office: start another, and read the file again
                    if attempt == 2:
                        raise
        print(json.dumps(found))
    finally:
        office.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
