# Checks AttributeError with a "Did you mean" suggestion on an instance.
class Account:
    def __init__(self):
        self.balance = 100
    def deposit(self, n):
        self.balance += n

a = Account()
a.deposit(5)
print(a.balance)
print(a.balanse)
