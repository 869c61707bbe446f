# Checks an id generator made with itertools.count inside a closure.
import itertools

def id_maker(prefix):
    counter = itertools.count(1)
    def next_id():
        return f"{prefix}-{next(counter):03d}"
    return next_id

user_id = id_maker("user")
order_id = id_maker("order")
print(user_id(), user_id(), order_id(), user_id(), order_id())
