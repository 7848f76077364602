# Larger program: a bank simulation with account classes, inheritance, custom exceptions, transaction history and a ledger report.
class BankError(Exception):
    pass

class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance is {account.balance}")

class Account:
    _next_id = 1000
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = [("open", balance)]
    def deposit(self, amount):
        if amount <= 0:
            raise BankError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def available(self):
        return self.balance
    def month_end(self):
        pass
    def __repr__(self):
        return f"{type(self).__name__}(#{self.id} {self.owner}: {self.balance})"

class Savings(Account):
    rate_percent = 2
    def month_end(self):
        interest = self.balance * self.rate_percent // 100
        if interest:
            self.balance += interest
            self.history.append(("interest", interest))

class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft
    def available(self):
        return self.balance + self.overdraft
    def month_end(self):
        if self.balance < 0:
            fee = 15
            self.balance -= fee
            self.history.append(("overdraft fee", fee))

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, kind, owner, *args):
        acct = kind(owner, *args)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src_id, dst_id, amount):
        src, dst = self.accounts[src_id], self.accounts[dst_id]
        src.withdraw(amount)
        try:
            dst.deposit(amount)
        except BankError:
            src.balance += amount
            src.history.append(("refund", amount))
            raise
    def month_end(self):
        for acct in self.accounts.values():
            acct.month_end()
    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
alice = bank.open(Savings, "alice", 1000)
bob = bank.open(Checking, "bob", 50)
carol = bank.open(Checking, "carol", 0, 0)
print(list(bank.accounts.values()))
operations = [
    ("transfer", alice.id, bob.id, 200),
    ("transfer", bob.id, carol.id, 300),
    ("transfer", bob.id, carol.id, 100),
    ("deposit", carol.id, -5),
    ("withdraw", carol.id, 500),
    ("transfer", carol.id, alice.id, 0),
    ("withdraw", alice.id, 799),
]
for op, *args in operations:
    try:
        if op == "transfer":
            bank.transfer(*args)
        elif op == "deposit":
            bank.accounts[args[0]].deposit(args[1])
        else:
            bank.accounts[args[0]].withdraw(args[1])
        print("ok   ", op, args)
    except InsufficientFunds as e:
        print("FUNDS", op, args, "->", e)
    except BankError as e:
        print("ERROR", op, args, "->", e)
for month in range(1, 4):
    bank.month_end()
    print(f"after month {month}:", list(bank.accounts.values()), "total", bank.total())
for acct in bank.accounts.values():
    print(acct.owner, acct.history)
richest = max(bank.accounts.values(), key=lambda a: a.balance)
print("richest:", richest.owner, "| in debt:", [a.owner for a in bank.accounts.values() if a.balance < 0])
