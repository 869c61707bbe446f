# Parser error case: async as name
async = 1
