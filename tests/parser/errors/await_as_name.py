# Parser error case: await as name
await = 1
