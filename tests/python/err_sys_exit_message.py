# Ends with sys.exit("message"): the message goes to stderr and the exit status is 1.
import sys

def check_args(args):
    if len(args) < 5:
        sys.exit("fatal: expected at least 5 arguments")

print("checking arguments")
print("argv has", len(sys.argv), "entry")
check_args(sys.argv)
print("never printed")
