"""
Review bodies rendered to `body_html` as `Review.render_body()` renders them, outside the
database, so that a worker process can render one batch while the generator writes the last.
"""

import gc
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context

from reviews.markup import link_first_mentions, render_markdown


def render_bodies(bodies):
    """`body_html` for (body, language, [(name, url) of the film's people]) as `Review.render_body()`
    makes it, without its query. Needs no database, so it can run in a worker process.
    """
    return [link_first_mentions(render_markdown(body, language), people) for body, language, people in bodies]


@contextmanager
def body_renderer(parallel):
    """An executor for `render_bodies`: a worker process, or this process in turn."""
    if not parallel:
        yield _InProcess()
        return
    # "fork" rather than "spawn", which would import the caller's main module again. The worker
    # never touches the inherited database connection, and leaves with os._exit, without closing it.
    # It freezes what it inherits (the people and films of the run): its garbage collector then
    # skips those objects instead of walking them again and again while it renders.
    context = get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=gc.freeze) as executor:
        yield executor


class _InProcess:
    def submit(self, function, *args):
        future = Future()
        future.set_result(function(*args))
        return future
