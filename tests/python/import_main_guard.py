# Checks the __name__ == "__main__" guard: runs for the executed script, not for imported modules.
import _helper_shapes

def main():
    print("main() called because __name__ is", repr(__name__))
    print("imported module name:", _helper_shapes.__name__)
    return 0

if __name__ == "__main__":
    result = main()
    print("main returned", result)
else:
    print("not printed when run as a script")
print("module-level code after the guard still runs")
