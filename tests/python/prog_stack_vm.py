# Larger program: a small stack-based bytecode VM with an assembler (labels), arithmetic, comparisons, jumps, calls/returns and error handling.
class VMError(Exception):
    pass

def assemble(source):
    program, labels = [], {}
    lines = [l.split("#")[0].strip() for l in source.strip().splitlines()]
    for line in lines:
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(program)
            continue
        op, *args = line.split()
        program.append([op.upper()] + args)
    for ins in program:
        if ins[0] in ("JMP", "JZ", "JNZ", "CALL"):
            ins[1] = labels[ins[1]]
        elif len(ins) > 1 and ins[0] == "PUSH":
            ins[1] = int(ins[1])
    return program

def run(program, trace=False, max_steps=10000):
    stack, calls, output, pc, steps = [], [], [], 0, 0
    env = {}
    def pop():
        if not stack:
            raise VMError(f"stack underflow at pc={pc}")
        return stack.pop()
    binops = {"ADD": lambda a, b: a + b, "SUB": lambda a, b: a - b, "MUL": lambda a, b: a * b,
              "LT": lambda a, b: int(a < b), "EQ": lambda a, b: int(a == b)}
    while pc < len(program):
        steps += 1
        if steps > max_steps:
            raise VMError("step limit exceeded")
        op, *args = program[pc]
        if trace:
            print(f"  pc={pc:2} {op:<5} {args!s:<8} stack={stack}")
        pc += 1
        if op == "PUSH":
            stack.append(args[0])
        elif op in binops:
            b, a = pop(), pop()
            stack.append(binops[op](a, b))
        elif op in ("DIV", "MOD"):
            b, a = pop(), pop()
            if b == 0:
                raise VMError(f"division by zero at pc={pc - 1}")
            stack.append(a // b if op == "DIV" else a % b)
        elif op == "DUP":
            v = pop()
            stack += [v, v]
        elif op == "SWAP":
            b, a = pop(), pop()
            stack += [b, a]
        elif op == "DROP":
            pop()
        elif op == "STORE":
            env[args[0]] = pop()
        elif op == "LOAD":
            if args[0] not in env:
                raise VMError(f"unknown variable {args[0]}")
            stack.append(env[args[0]])
        elif op == "JMP":
            pc = args[0]
        elif op == "JZ":
            if pop() == 0:
                pc = args[0]
        elif op == "JNZ":
            if pop() != 0:
                pc = args[0]
        elif op == "CALL":
            calls.append(pc)
            pc = args[0]
        elif op == "RET":
            pc = calls.pop()
        elif op == "PRINT":
            output.append(pop())
        elif op == "HALT":
            break
        else:
            raise VMError(f"unknown instruction {op}")
    return output, stack, steps

factorial = """
    PUSH 1
    STORE acc
    PUSH 10
    STORE n
loop:
    LOAD n
    JZ done
    LOAD acc
    LOAD n
    MUL
    STORE acc
    LOAD n
    PUSH 1
    SUB
    STORE n
    JMP loop
done:
    LOAD acc
    PRINT
    HALT
"""
print(run(assemble(factorial)))

fib = """
    PUSH 0
    STORE a
    PUSH 1
    STORE b
    PUSH 15
    STORE k
next:
    LOAD a
    PRINT
    LOAD a
    LOAD b
    DUP
    STORE a
    ADD
    STORE b
    LOAD k
    PUSH 1
    SUB
    DUP
    STORE k
    JNZ next
"""
print(run(assemble(fib)))

with_call = """
    PUSH 7
    CALL square
    PRINT
    PUSH 12
    CALL square
    CALL square
    PRINT
    HALT
square:       # ( n -- n*n )
    DUP
    MUL
    RET
"""
print(run(assemble(with_call), trace=False))
print(run(assemble("PUSH 6\nPUSH 4\nSWAP\nSUB\nPRINT\nPUSH 17\nPUSH 5\nMOD\nPRINT\nPUSH 3\nPUSH 3\nEQ\nPRINT"), trace=True))
for bad in ("ADD", "PUSH 1\nPUSH 0\nDIV", "LOAD x", "FROB", "top:\nJMP top"):
    try:
        print(run(assemble(bad)))
    except VMError as e:
        print("VMError:", e)
