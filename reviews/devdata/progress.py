"""The generator's progress bar on the command's error stream (one line, redrawn in place)."""

import time


class Progress:
    """A one-line progress bar, redrawn with a carriage return at most ten times a second."""

    width = 30

    def __init__(self, stream, label, total):
        self.stream, self.label, self.total = stream, label, total
        self.done, self.started, self.shown = 0, time.monotonic(), 0.0
        self.draw()

    def advance(self, rows):
        self.done += rows
        now = time.monotonic()
        if now - self.shown >= 0.1 or self.done >= self.total:
            self.draw()

    def draw(self):
        self.shown, self.drawn = time.monotonic(), self.done
        share = self.done / self.total if self.total else 1
        bar = "#" * round(share * self.width)
        elapsed = self.shown - self.started
        counter = f"{self.done:>9,}/{self.total:,} {share:4.0%} {elapsed:6.1f}s"
        line = f"\r{self.label:<8} [{bar:<{self.width}}] {counter}"
        # Plain, not in the error colour Django gives stderr.
        self.stream.write(line, style_func=str, ending="")
        self.stream.flush()

    def finish(self):
        if self.drawn != self.done:
            self.draw()
        self.stream.write("", style_func=str)


class NoProgress:
    """What the generator reports to when nobody watches (verbosity 0, or nothing to do)."""

    def advance(self, rows):
        pass

    def finish(self):
        pass
