"""
What only development, demos and benchmarks need: the demo content and its loader, the
generator of large fake archives with its vocabulary, and the bulk insert it writes with.

The product never imports from here. The management commands `load_demo` and
`generate_data` are the front-ends: they parse their arguments and call into this package.
"""
