# Ends with an uncaught user-defined exception carrying several args (traceback shows the args tuple).
class InventoryError(Exception):
    pass

class OutOfStock(InventoryError):
    pass

stock = {"apple": 3, "pear": 0}

def take(item, n):
    have = stock.get(item, 0)
    if have < n:
        raise OutOfStock(f"cannot take {n} {item}", have)
    stock[item] = have - n
    return stock[item]

print("apples left:", take("apple", 2))
print("trying pears")
take("pear", 1)
