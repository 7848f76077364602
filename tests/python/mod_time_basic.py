# time: clocks are monotonic and of the right types, sleep, gmtime/strftime/mktime for fixed timestamps
import time
a = time.monotonic()
time.sleep(0.01)
b = time.monotonic()
print(b - a >= 0.009, b >= a)
p1 = time.perf_counter(); p2 = time.perf_counter(); print(p2 >= p1)
n1 = time.monotonic_ns(); n2 = time.monotonic_ns(); print(n2 >= n1, type(n1).__name__)
print(type(time.time()).__name__, type(time.time_ns()).__name__, time.time() > 1.6e9, time.time_ns() > 1.6e18)
print(type(time.perf_counter_ns()).__name__, time.process_time() >= 0, type(time.process_time_ns()).__name__)
time.sleep(0)
time.sleep(0.001)
for bad in ['time.sleep(-1)', 'time.sleep("x")']:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
for ts in [0, 86399, 86400 * 365.25 * 30 + 12345, 951782400, 1700000000, 4102444800, -86400]:
    t = time.gmtime(ts)
    print(t)
    print(' ', t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t[0], tuple(t), len(t))
    print(' ', time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %U %W %w %u %%", t))
    print(' ', time.strftime("%c|%x|%X|%D|%T|%F|%R", t), time.asctime(t), time.mktime(t))
t = time.localtime()
print(isinstance(t, time.struct_time), len(t), isinstance(time.strftime("%Y"), str))
st = time.struct_time((2020, 2, 29, 12, 0, 0, 5, 60, 0))
print(st, st.tm_mday, time.strftime("%d/%m/%Y", st))
