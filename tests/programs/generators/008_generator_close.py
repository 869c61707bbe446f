# Checks close() raises GeneratorExit inside the generator and finally runs.
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("cleanup")

it = g()
print(next(it))
it.close()
print("closed")
it.close()
print(list(it))
