# Ends with an uncaught AttributeError on None (a classic "function returned None" bug).
def find(users, name):
    for u in users:
        if u["name"] == name:
            return u

users = [{"name": "ann", "email": "ann@example.org"}]
print("ann's email:", find(users, "ann")["email"])
print("looking up bob")
print(find(users, "bob").zzq_no_such_attribute)
