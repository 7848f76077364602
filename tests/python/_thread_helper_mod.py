# Helper module imported by thread_import_concurrent.py.
VALUE = sum(range(100))


def twice(x):
    return 2 * x
