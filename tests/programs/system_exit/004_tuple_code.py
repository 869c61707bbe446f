# SystemExit with several arguments: the code is the args tuple, printed on stderr, status 1.
def shutdown(reason, status):
    print("shutting down:", reason)
    raise SystemExit(reason, status)

shutdown("error", 2)
