# Lesson 8: private functions and private state. The balance and the log live only in cells;
# the outside world can use the returned functions and nothing else.
def open_account(owner, balance=0):
    history = []

    def record(kind, amount):          # private helper: never returned
        history.append((kind, amount, balance))

    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            raise ValueError("deposit must be positive")
        balance += amount
        record("deposit", amount)
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError(f"{owner} has only {balance}")
        balance -= amount
        record("withdraw", amount)
        return balance

    def statement():
        return list(history)

    return {"deposit": deposit, "withdraw": withdraw, "statement": statement}

acct = open_account("Grace", 50)
acct["deposit"](25)
acct["withdraw"](30)
try:
    acct["withdraw"](500)
except ValueError as error:
    print("refused:", error)
print(acct["statement"]())
print("record" in acct, "balance" in acct)
