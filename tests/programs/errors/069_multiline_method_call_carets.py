# A method call whose attribute is on the next line: the frame line and carets start at the method name.
class Account:
    def withdraw(self, amount):
        return amount / 0

account = Account()
print("withdrawing")
balance = (account
           .withdraw(5))
