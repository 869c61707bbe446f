# Checks a bank simulation with classes, exceptions and a transaction log.
class InsufficientFunds(Exception):
    pass

class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        self._balance += amount
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner} has {self._balance}, needs {amount}")
        self._balance -= amount
    def __repr__(self):
        return f"Account#{self.id}({self.owner}, {self._balance})"

class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []
    def open(self, owner, balance=0):
        acct = Account(owner, balance)
        self.accounts[owner] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            self.log.append(f"FAILED {src}->{dst} {amount}: {e}")
            return False
        else:
            self.accounts[dst].deposit(amount)
            self.log.append(f"OK {src}->{dst} {amount}")
            return True

bank = Bank()
bank.open("ann", 100); bank.open("bob", 20); bank.open("cy")
bank.transfer("ann", "bob", 30)
bank.transfer("bob", "cy", 100)
bank.transfer("bob", "cy", 50)
print("\n".join(bank.log))
print(sorted(bank.accounts.values(), key=lambda a: -a.balance))
print(sum(a.balance for a in bank.accounts.values()))
