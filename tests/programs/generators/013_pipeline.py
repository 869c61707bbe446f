# Checks chaining generators into a data pipeline.
def read(lines):
    for line in lines:
        yield line.strip()

def non_empty(lines):
    for line in lines:
        if line:
            yield line

def parse(lines):
    for line in lines:
        name, _, value = line.partition("=")
        yield name.strip(), int(value)

data = ["a = 1 ", "", "  b=20", "   ", "c =300"]
for name, value in parse(non_empty(read(data))):
    print(f"{name}: {value}")
print(dict(parse(non_empty(read(data)))))
