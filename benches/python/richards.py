"""Richards: Martin Richards' OS-kernel simulation (after the classic Python port), with the
global work area made per-run state so threads run independent simulations. SIZE simulations (each
with an idle-task count of 1000 instead of the classic 10000) are split across THREADS;
checksum = total hold count and queued-packet count."""
from benchlib import args, parallel_ranges, report

I_IDLE, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB = 1, 2, 3, 4, 5, 6
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4
IDLE_COUNT = 1000


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return lst


class WorkArea:
    def __init__(self):
        self.task_tab = [None] * 10
        self.task_list = None
        self.hold_count = 0
        self.qpkt_count = 0


class Task:
    def __init__(self, wa, ident, priority, wkq, pending, waiting, holding):
        self.wa = wa
        self.link = wa.task_list
        self.ident = ident
        self.priority = priority
        self.input = wkq
        self.packet_pending = pending
        self.task_waiting = waiting
        self.task_holding = holding
        wa.task_list = self
        wa.task_tab[ident] = self

    def is_held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def wait_task(self):
        self.task_waiting = True
        return self

    def add_packet(self, p, old):
        if self.input is None:
            self.input = p
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            p.append_to(self.input)
        return old

    def run_task(self):
        if self.task_waiting and self.packet_pending:
            msg = self.input
            self.input = msg.link
            self.packet_pending = self.input is not None
            self.task_waiting = False
        else:
            msg = None
        return self.fn(msg)

    def hold(self):
        self.wa.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, i):
        t = self.wa.task_tab[i]
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def qpkt(self, pkt):
        t = self.wa.task_tab[pkt.ident]
        self.wa.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)


class DeviceTask(Task):
    def __init__(self, wa, i, p, w, s):
        Task.__init__(self, wa, i, p, w, s[0], s[1], s[2])
        self.pending = None

    def fn(self, pkt):
        if pkt is None:
            pkt = self.pending
            if pkt is None:
                return self.wait_task()
            self.pending = None
            return self.qpkt(pkt)
        self.pending = pkt
        return self.hold()


class HandlerTask(Task):
    def __init__(self, wa, i, p, w, s):
        Task.__init__(self, wa, i, p, w, s[0], s[1], s[2])
        self.work_in = None
        self.device_in = None

    def fn(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is None:
            return self.wait_task()
        count = work.datum
        if count >= BUFSIZE:
            self.work_in = work.link
            return self.qpkt(work)
        dev = self.device_in
        if dev is None:
            return self.wait_task()
        self.device_in = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return self.qpkt(dev)


class IdleTask(Task):
    def __init__(self, wa, i, p, w, s):
        Task.__init__(self, wa, i, 0, None, s[0], s[1], s[2])
        self.control = 1
        self.count = w

    def fn(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control //= 2
            return self.release(I_DEVA)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(I_DEVB)


class WorkTask(Task):
    def __init__(self, wa, i, p, w, s):
        Task.__init__(self, wa, i, p, w, s[0], s[1], s[2])
        self.destination = I_HANDLERA
        self.count = 0

    def fn(self, pkt):
        if pkt is None:
            return self.wait_task()
        dest = I_HANDLERB if self.destination == I_HANDLERA else I_HANDLERA
        self.destination = dest
        pkt.ident = dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = ord("A") + self.count - 1
        return self.qpkt(pkt)


RUNNING = (False, False, False)
WAITING = (False, True, False)
WAITING_PKT = (True, True, False)


def simulate():
    wa = WorkArea()
    IdleTask(wa, I_IDLE, 1, IDLE_COUNT, RUNNING)
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    WorkTask(wa, I_WORK, 1000, wkq, WAITING_PKT)
    wkq = Packet(None, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    HandlerTask(wa, I_HANDLERA, 2000, wkq, WAITING_PKT)
    wkq = Packet(None, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    HandlerTask(wa, I_HANDLERB, 3000, wkq, WAITING_PKT)
    DeviceTask(wa, I_DEVA, 4000, None, WAITING)
    DeviceTask(wa, I_DEVB, 5000, None, WAITING)
    t = wa.task_list
    while t is not None:
        if t.is_held_or_suspended():
            t = t.link
        else:
            t = t.run_task()
    return wa.hold_count, wa.qpkt_count


def part(start, stop):
    holds = 0
    qpkts = 0
    for _ in range(start, stop):
        h, q = simulate()
        holds += h
        qpkts += q
    return holds, qpkts


def main():
    threads, size = args(40)
    parts = parallel_ranges(threads, size, part)
    report("%d %d" % (sum(p[0] for p in parts), sum(p[1] for p in parts)))


main()
