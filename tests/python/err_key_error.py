# Ends with an uncaught KeyError from a dict lookup inside a function.
config = {"host": "localhost", "port": 8080}

def setting(name):
    return config[name]

print("host =", setting("host"))
print("port =", setting("port"))
print("timeout =", setting("timeout"))
