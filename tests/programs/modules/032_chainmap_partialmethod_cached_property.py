# Checks ChainMap scoping, functools.partialmethod and functools.cached_property.
from collections import ChainMap
from functools import cached_property, partialmethod

builtins_scope = {"len": "builtin len", "x": "builtin x"}
globals_scope = {"x": "global x"}
scopes = ChainMap({}, globals_scope, builtins_scope)
print(scopes["x"], scopes["len"], len(scopes), sorted(scopes))
local = scopes.new_child({"x": "local x"})
local["y"] = "local y"
print(local["x"], local.parents["x"], local.maps[0], "y" in scopes)
try:
    del local["len"]
except KeyError as e:
    print("KeyError:", e)

class Light:
    def __init__(self):
        self.on = False
    def switch(self, state):
        self.on = state
        return self
    turn_on = partialmethod(switch, True)
    turn_off = partialmethod(switch, False)

    @cached_property
    def wattage(self):
        print("  measuring...")
        return 60

lamp = Light()
print(lamp.turn_on().on, lamp.turn_off().on)
print(lamp.wattage, lamp.wattage, "wattage" in vars(lamp))
