# Checks a decorator applied to methods receives self correctly.
import functools

def logged(method):
    @functools.wraps(method)
    def wrapper(self, *args):
        print(f"{type(self).__name__}.{method.__name__}{args}")
        return method(self, *args)
    return wrapper

class Account:
    def __init__(self, balance):
        self.balance = balance
    @logged
    def deposit(self, amount):
        self.balance += amount
        return self.balance
    @logged
    def withdraw(self, amount):
        self.balance -= amount
        return self.balance

a = Account(10)
a.deposit(5)
print(a.withdraw(3))
print(Account.deposit.__qualname__)
