# Parser error case: string bad N
x = '\N{NOT A NAME}'
