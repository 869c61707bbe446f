# Checks curly quotes pasted from a word processor.
def say(text):
    print(text)

say("plain")
say(“fancy”)
