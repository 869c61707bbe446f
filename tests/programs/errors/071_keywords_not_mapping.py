# f(**x) with a non-mapping x names the callee (with its qualified name).
class Report:
    def render(self, **fields):
        return fields

print(Report().render(**{"a": 1}))
Report().render(**[("a", 1)])
