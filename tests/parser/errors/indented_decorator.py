# Parser error case: indented decorator
@dec
    def f(): pass
