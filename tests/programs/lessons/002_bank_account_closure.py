# Checks a bank account implemented with closures and a dict of operations.
def open_account(owner, balance=0):
    history = []
    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            raise ValueError("deposit must be positive")
        balance += amount
        history.append(("deposit", amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(("denied", amount))
            return None
        balance -= amount
        history.append(("withdraw", amount))
        return balance
    def statement():
        lines = [f"Statement for {owner}"]
        lines += [f"  {kind:<8} {amt:>6}" for kind, amt in history]
        lines.append(f"  balance  {balance:>6}")
        return "\n".join(lines)
    return {"deposit": deposit, "withdraw": withdraw, "statement": statement}

acct = open_account("Ada", 100)
acct["deposit"](50)
acct["withdraw"](30)
acct["withdraw"](500)
try:
    acct["deposit"](-5)
except ValueError as e:
    print("error:", e)
print(acct["statement"]())
