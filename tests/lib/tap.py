"""TAP for the end-to-end tests in Python: ok() prints one numbered line
and keeps the outcome in results, for the script's exit status."""
import sys

results = []


def ok(cond, name, diag=None):
    """One test line; diag (text) follows a failure, as # lines."""
    results.append(bool(cond))
    print(("ok %d - %s" if cond else "not ok %d - %s") % (len(results),
                                                          name))
    if not cond and diag:
        for line in str(diag).splitlines()[:60]:
            print("# " + line)
    sys.stdout.flush()
