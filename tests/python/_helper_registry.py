# Helper module for import_* tests (not a test itself): mutable module state shared by every importer.
registry = []


def register(name):
    registry.append(name)
    return len(registry)


def snapshot():
    return list(registry)
