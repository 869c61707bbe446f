# Checks the GUI-style callback trap: handlers registered in a loop all report the last label.
class Button:
    def __init__(self, label):
        self.label = label
        self.on_click = None
    def click(self):
        return self.on_click()

buttons = [Button(lbl) for lbl in ("save", "load", "quit")]
for b in buttons:
    b.on_click = lambda: f"clicked {b.label}"
print([btn.click() for btn in buttons])
for b in buttons:
    b.on_click = (lambda btn: lambda: f"clicked {btn.label}")(b)
print([btn.click() for btn in buttons])
