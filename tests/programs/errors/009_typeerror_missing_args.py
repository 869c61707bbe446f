# Checks TypeError listing multiple missing positional arguments.
def connect(host, port, timeout):
    return f"{host}:{port}"

print("connecting")
connect("localhost")
