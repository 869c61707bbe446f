# Checks getattr/setattr/hasattr/delattr on objects.
class Obj:
    cls_attr = "on class"
o = Obj()
setattr(o, "color", "red")
print(getattr(o, "color"), getattr(o, "cls_attr"), getattr(o, "size", 0))
print(hasattr(o, "color"), hasattr(o, "size"), hasattr(Obj, "color"))
delattr(o, "color")
print(hasattr(o, "color"))
try:
    delattr(o, "color")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
name = "dyn_" + "attr"
setattr(Obj, name, 42)
print(o.dyn_attr, vars(o))
