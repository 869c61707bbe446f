#!/usr/bin/env bash
# Self-test for run_corpus.py (and check_scopes.py): uses shim "interpreters"
# that delegate to CPython, so every verdict is known in advance.
# Quick (well under a minute); exits non-zero when a runner misbehaves.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNNER="$HERE/run_corpus.py"
SCOPES="$HERE/check_scopes.py"
PY="${PYTHON:-python3}"
# Run the real interpreter directly (launchers such as pyenv shims are slow).
REALPY="$("$PY" -c 'import sys; print(sys.executable)')"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export XDG_CACHE_HOME="$WORK/cache"
FAILURES=0

ok()   { echo "ok   - $1"; }
bad()  { echo "FAIL - $1"; FAILURES=$((FAILURES + 1)); }
# expect NAME WANT_EXIT WANT_SUMMARY OUTFILE [WANT_KNOWN_LINE]
expect() {
    local name="$1" want_rc="$2" want_sum="$3" out="$4" want_known="${5:-}" rc
    rc="$(cat "$out.rc")"
    local last prev
    last="$(tail -n 1 "$out")"
    prev="$(tail -n 2 "$out" | head -n 1)"
    if [ "$rc" != "$want_rc" ]; then bad "$name: exit $rc, wanted $want_rc"; sed 's/^/    | /' "$out" | tail -n 20; return; fi
    if [ "$last" != "$want_sum" ]; then bad "$name: summary '$last', wanted '$want_sum'"; sed 's/^/    | /' "$out" | tail -n 20; return; fi
    if [ -n "$want_known" ] && [ "$prev" != "$want_known" ]; then bad "$name: line before summary '$prev', wanted '$want_known'"; return; fi
    ok "$name"
}
run() { # run OUTFILE args...   (runner output into OUTFILE, exit code into OUTFILE.rc)
    local out="$1"; shift
    "$PY" "$RUNNER" "$@" >"$out" 2>&1
    echo $? >"$out.rc"
}

# --- shims --------------------------------------------------------------
cat >"$WORK/good" <<SH
#!/bin/sh
[ "\$1" = run ] || { echo "usage: good run FILE" >&2; exit 64; }
exec "$REALPY" "\$2"
SH
cat >"$WORK/extra_stdout" <<SH
#!/bin/sh
"$REALPY" "\$2"; rc=\$?
echo "closureviz was here"
exit \$rc
SH
cat >"$WORK/wrong_exit" <<SH
#!/bin/sh
"$REALPY" "\$2"; rc=\$?
exit \$((rc + 3))
SH
cat >"$WORK/wrong_stderr" <<SH
#!/bin/sh
"$REALPY" "\$2"; rc=\$?
echo "Traceback-ish noise: something else" >&2
exit \$rc
SH
cat >"$WORK/no_stdin" <<SH
#!/bin/sh
exec "$REALPY" "\$2" </dev/null
SH
cat >"$WORK/slow" <<SH
#!/bin/sh
sleep 5
exec "$REALPY" "\$2"
SH
# fails only for programs whose name contains "beta"
cat >"$WORK/breaks_beta" <<SH
#!/bin/sh
case "\$2" in *beta*) echo "wrong"; exit 0;; esac
exec "$REALPY" "\$2"
SH
chmod +x "$WORK"/good "$WORK"/extra_stdout "$WORK"/wrong_exit "$WORK"/wrong_stderr \
         "$WORK"/no_stdin "$WORK"/slow "$WORK"/breaks_beta

# --- a small synthetic corpus -------------------------------------------
C="$WORK/corpus"
mkdir -p "$C/t1" "$C/t2"
printf '# alpha\nprint("alpha", 1 + 1)\n' >"$C/t1/001_alpha.py"
printf '# beta\nfor i in range(3):\n    print("beta", i)\n' >"$C/t1/002_beta.py"
printf '# gamma: uncaught error\nprint("gamma")\nraise KeyError("g")\n' >"$C/t2/001_gamma.py"
printf '# delta: reads stdin\nprint(input("? ").upper())\nprint(input())\n' >"$C/t2/002_delta.py"
printf 'hello\nworld\n' >"$C/t2/002_delta.in"
printf '# eps: syntax error\nreturn 5\n' >"$C/t2/003_eps.py"
N=5

run "$WORK/o1" --closureviz "$WORK/good" --programs "$C"
expect "good shim: all pass" 0 "$N passed, 0 failed" "$WORK/o1"
ncache="$(ls "$XDG_CACHE_HOME/closureviz/corpus-oracle" 2>/dev/null | grep -c '\.json$')"
[ "$ncache" = "$N" ] && ok "oracle cache has one entry per program" || bad "oracle cache has $ncache entries, wanted $N"
run "$WORK/o1b" --closureviz "$WORK/good" --programs "$C" --jobs 4
expect "good shim again (cached oracle, 4 jobs)" 0 "$N passed, 0 failed" "$WORK/o1b"

run "$WORK/o2" --closureviz "$WORK/extra_stdout" --programs "$C"
expect "extra stdout: all fail" 1 "0 passed, $N failed" "$WORK/o2"
grep -q "stdout differs at line" "$WORK/o2" && ok "failure report names the differing stdout line" || bad "no stdout diff explanation"

run "$WORK/o3" --closureviz "$WORK/wrong_exit" --programs "$C"
expect "wrong exit code: all fail" 1 "0 passed, $N failed" "$WORK/o3"
grep -q "exit code differs: python 0, closureviz 3" "$WORK/o3" && ok "failure report shows both exit codes" || bad "no exit code explanation"

run "$WORK/o4" --closureviz "$WORK/wrong_stderr" --programs "$C"
expect "wrong stderr last line: all fail" 1 "0 passed, $N failed" "$WORK/o4"
grep -q "KeyError: 'g'" "$WORK/o4" && ok "failure report shows python's stderr last line" || bad "no stderr explanation"

run "$WORK/o5" --closureviz "$WORK/no_stdin" --programs "$C"
expect "ignoring the .in file fails only the stdin program" 1 "$((N - 1)) passed, 1 failed" "$WORK/o5"

run "$WORK/o6" --closureviz "$WORK/slow" --programs "$C" --filter alpha --timeout 1
expect "timeout is a failure" 1 "0 passed, 1 failed" "$WORK/o6"

run "$WORK/o7" --closureviz "$WORK/good" --programs "$C" --filter t2/
expect "--filter selects by relative path" 0 "3 passed, 0 failed" "$WORK/o7"

# known-failing list
printf '# known failures\nt1/002_beta.py   # breaks on purpose\n\n' >"$WORK/kf1"
run "$WORK/o8" --closureviz "$WORK/breaks_beta" --programs "$C" --known-failing "$WORK/kf1"
expect "known-failing program is not a failure" 0 "$((N - 1)) passed, 0 failed" "$WORK/o8" "1 known-failing"
run "$WORK/o9" --closureviz "$WORK/good" --programs "$C" --known-failing "$WORK/kf1"
expect "listed program that now passes is a failure" 1 "$((N - 1)) passed, 1 failed" "$WORK/o9" "0 known-failing"
grep -q "now passes: remove it from the known-failing list" "$WORK/o9" && ok "now-passes message" || bad "missing now-passes message"
printf 't1/002_beta.py\nt9/404_gone.py\n' >"$WORK/kf2"
run "$WORK/o10" --closureviz "$WORK/breaks_beta" --programs "$C" --known-failing "$WORK/kf2"
expect "stale known-failing entry is a failure" 1 "$((N - 1)) passed, 1 failed" "$WORK/o10" "1 known-failing"
run "$WORK/o11" --closureviz "$WORK/breaks_beta" --programs "$C"
expect "without the list the broken program fails" 1 "$((N - 1)) passed, 1 failed" "$WORK/o11"

# .expected overrides CPython
printf '{"stdout": "not what python prints\\n", "stderr_last_line": "", "exit_code": 0}' >"$C/t1/001_alpha.expected"
run "$WORK/o12" --closureviz "$WORK/good" --programs "$C" --filter alpha
expect ".expected (JSON) is used instead of python" 1 "0 passed, 1 failed" "$WORK/o12"
printf 'alpha 2\n' >"$C/t1/001_alpha.expected"
run "$WORK/o13" --closureviz "$WORK/good" --programs "$C" --filter alpha
expect ".expected (plain stdout) matching passes" 0 "1 passed, 0 failed" "$WORK/o13"
rm "$C/t1/001_alpha.expected"

run "$WORK/o14" --closureviz "$WORK/does-not-exist" --programs "$C"
[ "$(cat "$WORK/o14.rc")" = 2 ] && ok "missing closureviz is a usage error" || bad "missing closureviz: exit $(cat "$WORK/o14.rc")"

# --- the real corpus, a quick slice (full run: use the shim yourself) ----
run "$WORK/r1" --closureviz "$WORK/good" --filter closures/00 --jobs 4
expect "real corpus slice with good shim" 0 "$(grep -c . <(cd "$HERE/../programs" && ls closures/00*.py)) passed, 0 failed" "$WORK/r1"
run "$WORK/r2" --closureviz "$WORK/extra_stdout" --filter syntax_errors/00 --jobs 4
expect "real corpus slice with broken shim" 1 "0 passed, $(grep -c . <(cd "$HERE/../programs" && ls syntax_errors/00*.py)) failed" "$WORK/r2"

# --- check_scopes.py ----------------------------------------------------
if [ -f "$SCOPES" ]; then
    cat >"$WORK/scopes_good" <<SH
#!/bin/sh
[ "\$1" = scopes ] || exit 64
exec "$REALPY" "$SCOPES" --dump "\$2"
SH
    cat >"$WORK/scopes_bad" <<SH
#!/bin/sh
"$REALPY" "$SCOPES" --dump "\$2" | sed 's/"freevars": \[\]/"freevars": ["bogus"]/'
SH
    chmod +x "$WORK/scopes_good" "$WORK/scopes_bad"
    "$PY" "$SCOPES" --closureviz "$WORK/scopes_good" --filter closures/ --jobs 4 >"$WORK/s1" 2>&1; echo $? >"$WORK/s1.rc"
    nsc="$(cd "$HERE/../programs" && ls closures/*.py | grep -c .)"
    expect "check_scopes: CPython shim passes (closures/)" 0 "$nsc passed, 0 failed" "$WORK/s1"
    "$PY" "$SCOPES" --closureviz "$WORK/scopes_good" --filter syntax_errors/ >"$WORK/s1b" 2>&1; echo $? >"$WORK/s1b.rc"
    expect "check_scopes: syntax_errors/ is skipped" 0 "0 passed, 0 failed" "$WORK/s1b"
    if "$PY" "$SCOPES" --dump "$HERE/../programs/syntax_errors/009_return_outside_function.py" >/dev/null 2>&1; then
        bad "check_scopes --dump of an uncompilable file should fail"
    else ok "check_scopes --dump of an uncompilable file fails"; fi
    printf 'def f(\n        k=lambda x: x):\n    return k\n' >"$WORK/order.py"
    "$PY" "$SCOPES" --dump "$WORK/order.py" 2>/dev/null | "$PY" -c 'import json,sys; b=json.load(sys.stdin); sys.exit([x["name"] for x in b] != ["<module>", "f", "<lambda>"])' \
        && ok "check_scopes orders siblings by source position" || bad "check_scopes sibling order"
    "$PY" "$SCOPES" --closureviz "$WORK/scopes_bad" "$HERE"/../programs/closures/00[1-3]*.py >"$WORK/s2" 2>&1; echo $? >"$WORK/s2.rc"
    expect "check_scopes: corrupted shim fails" 1 "0 passed, 3 failed" "$WORK/s2"
fi

echo
if [ "$FAILURES" -eq 0 ]; then echo "selftest: all checks passed"; else echo "selftest: $FAILURES check(s) FAILED"; fi
[ "$FAILURES" -eq 0 ]
