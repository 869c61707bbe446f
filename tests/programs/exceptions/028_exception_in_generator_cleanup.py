# Checks generator cleanup via an explicit close() in finally when the consumer raises.
def resource():
    print("open")
    try:
        yield "handle"
        yield "never reached"
    finally:
        print("close")

gen = resource()
try:
    for h in gen:
        print("using", h)
        raise ValueError("consumer failed")
except ValueError as e:
    print("caught:", e)
finally:
    gen.close()
print("after", list(gen))
