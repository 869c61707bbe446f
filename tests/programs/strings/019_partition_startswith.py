# Checks partition/rpartition and startswith/endswith with tuples and ranges.
url = "https://example.org/path/to/page.html"
print(url.partition("://"))
print(url.rpartition("/"))
print("no-sep".partition(":"), "no-sep".rpartition(":"))
print(url.startswith(("http:", "https:")), url.endswith(".htm"), url.endswith("html", 0, 100))
print("prefix".startswith("ref", 1), "prefix".startswith("ref", 2))
