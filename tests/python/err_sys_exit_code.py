# Ends with sys.exit(3): exit status 3 and nothing at all on stderr.
import sys
print("doing some work")
print("exiting with status 3")
sys.exit(3)
print("never printed")
