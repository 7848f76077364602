# Ends with an uncaught AssertionError carrying a formatted message.
def withdraw(balance, amount):
    assert amount > 0, f"amount must be positive, got {amount}"
    return balance - amount

print("balance after withdrawing 30:", withdraw(100, 30))
print("now withdrawing a negative amount")
withdraw(100, -5)
