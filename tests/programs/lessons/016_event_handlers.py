# Checks registering closures as event handlers that capture per-button state.
def make_button(label):
    clicks = 0
    def on_click():
        nonlocal clicks
        clicks += 1
        return f"{label} clicked {clicks} time{'s' if clicks > 1 else ''}"
    return on_click

buttons = {name: make_button(name) for name in ["OK", "Cancel"]}
print(buttons["OK"]())
print(buttons["OK"]())
print(buttons["Cancel"]())
print(buttons["OK"]())
