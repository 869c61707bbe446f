# Checks string format specs: fill, alignment, truncation.
s = "pie"
print(f"[{s:^10}] [{s:*^10}] [{s:<6}] [{s:>6}] [{s:.2}] [{s:-^9.1}]")
w = 7
print(f"[{s:>{w}}] [{s:{'#'}<{w}}]")
print(f"[{'':=^5}]")
print("[{:^11}]".format("centered"))
