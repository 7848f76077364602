# Ends with an uncaught ValueError explicitly chained from a KeyError (raise ... from ...).
print("raising a chained exception")
print("the cause is shown first in the traceback")
raise ValueError("x") from KeyError("y")
