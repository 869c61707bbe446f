# Parser error case: continue outside
continue
