# Lesson 2: a nested function looks a name up in its own frame, then in each enclosing
# function, then in the module's globals, then in the builtins (L-E-G-B).
greeting = "Hello"              # global

def course(title):              # enclosing for lecture, and for slide through lecture
    def lecture(number):
        def slide(page):
            # page: local; number, title: enclosing; greeting: global; len: builtin
            return f"{greeting}! {title} {number}.{page} ({len(title)} letters)"
        return slide
    return lecture

show = course("Closures")(2)
print(show(1))
print(show(7))
