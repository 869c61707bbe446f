# Checks except clauses match subclasses and the first matching clause wins.
def classify(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError"
    except LookupError:
        return "LookupError"
    except ArithmeticError as e:
        return "Arithmetic:" + type(e).__name__
    except Exception:
        return "Exception"

for exc in [KeyError("k"), IndexError(1), ZeroDivisionError(), OverflowError(), ValueError()]:
    print(classify(exc))
print(KeyError.__mro__[1].__name__, issubclass(BaseException, Exception))
