"""
Django's PostgreSQL backend, with bulk operations kept within the protocol's parameter limit.

With server-side binding (settings.py) every value of a statement travels as a parameter, and a
statement may carry at most 65,535 of them: psycopg refuses a `bulk_create` of 4,000 reviews, or
a delete that collects 70,000 rows, before PostgreSQL sees it. Django's own backend sets no
limit for PostgreSQL (client-side binding has none), so its batches can be any size; here they
are cut to fit, as Django does for SQLite and Oracle. Under psycopg2, or psycopg 3 without
server-side binding, values are bound on the client and Django's own batches stand.
"""

from django.db.backends.postgresql import base, operations

MAX_PARAMETERS = 65_535


class DatabaseOperations(operations.DatabaseOperations):
    def bulk_batch_size(self, fields, objs):
        if not self.connection.features.uses_server_side_binding:
            return super().bulk_batch_size(fields, objs)
        return max(MAX_PARAMETERS // max(len(fields), 1), 1)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
