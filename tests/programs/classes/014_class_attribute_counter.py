# Checks a class-level counter updated via the class name inside __init__.
class Ticket:
    issued = 0
    def __init__(self):
        Ticket.issued += 1
        self.number = Ticket.issued

tickets = [Ticket() for _ in range(3)]
print([t.number for t in tickets], Ticket.issued)
t = tickets[0]
t.issued = 100
print(Ticket.issued, t.issued, tickets[1].issued)
