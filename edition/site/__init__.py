"""The site machinery: everything that turns the history (``edition``) into a Jupyter Book 1.x
(Sphinx) site. Nothing outside this folder imports it, so the book may change engine one day
without touching the history.

- ``build``: the build command (``python -m edition build``), notebooks run into the cache;
- ``kernels``: how the build, the tests and the benchmark start a Jupyter kernel (over IPC);
- ``sphinx_ext``: the Sphinx extension that rewrites each page as it is written;
- ``pages``: Altair's outputs compiled to Vega, with stable ids and data tables;
- ``vendor``: the chart libraries and map data served with the book, refreshed from npm;
- ``purge``, ``bundle``, ``slim``: the theme's stylesheets and icon font cut to what the pages use.
"""
