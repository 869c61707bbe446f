// Unit tests for the VM: running programs in-process, frames and cells, generators, exceptions, limits and the collector.
#include <catch2/catch.hpp>

#include <string>

#include "core/interpreter.h"

namespace {

struct Run {
  std::string out;
  cv::ProgramOutcome outcome;
};

Run run(const std::string& source, cv::RunLimits limits = {}) {
  Run r;
  cv::ProgramOptions options;
  options.filename = "<test>";
  options.limits = limits;
  options.write_stdout = [&](std::string_view s) { r.out += s; };
  r.outcome = cv::run_program(source, options);
  return r;
}

}  // namespace

TEST_CASE("the seed example prints 8", "[vm]") {
  Run r = run(
      "def outer_function(x):\n"
      "    def inner_function(y):\n"
      "        return x + y\n"
      "    return inner_function\n"
      "add_5 = outer_function(5)\n"
      "print(add_5(3))\n");
  CHECK(r.outcome.ok);
  CHECK(r.out == "8\n");
}

TEST_CASE("two closures made by one call share one cell; two calls make two cells", "[vm]") {
  Run r = run(
      "def pair():\n"
      "    n = 0\n"
      "    def inc():\n"
      "        nonlocal n\n"
      "        n += 1\n"
      "        return n\n"
      "    def get():\n"
      "        return n\n"
      "    return inc, get\n"
      "inc1, get1 = pair()\n"
      "inc2, get2 = pair()\n"
      "inc1(); inc1(); inc2()\n"
      "print(get1(), get2(), inc1.__closure__[0] is get1.__closure__[0], inc1.__closure__[0] is inc2.__closure__[0])\n");
  CHECK(r.out == "2 1 True False\n");
}

TEST_CASE("deep Python recursion raises RecursionError instead of overflowing the native stack", "[vm]") {
  Run r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
  CHECK_FALSE(r.outcome.ok);
  CHECK(r.outcome.error_type == "RecursionError");
  CHECK(r.outcome.error_message == "maximum recursion depth exceeded");
  Run caught = run(
      "def f(n):\n    return f(n + 1)\n"
      "try:\n    f(0)\nexcept RecursionError:\n    print('caught')\n");
  CHECK(caught.out == "caught\n");
}

TEST_CASE("generators suspend and resume their own frame", "[vm]") {
  Run r = run(
      "def countdown(n):\n"
      "    while n > 0:\n"
      "        got = yield n\n"
      "        if got:\n"
      "            n = got\n"
      "        n -= 1\n"
      "g = countdown(3)\n"
      "print(next(g), g.send(10), next(g), list(g)[:2])\n");
  CHECK(r.out == "3 9 8 [7, 6]\n");
}

TEST_CASE("exceptions unwind through frames and finally blocks in order", "[vm]") {
  Run r = run(
      "def inner():\n"
      "    try:\n"
      "        raise ValueError('bad')\n"
      "    finally:\n"
      "        print('inner finally')\n"
      "def outer():\n"
      "    try:\n"
      "        inner()\n"
      "    except ValueError as e:\n"
      "        print('caught', e)\n"
      "        return 'done'\n"
      "    finally:\n"
      "        print('outer finally')\n"
      "print(outer())\n");
  CHECK(r.out == "inner finally\ncaught bad\nouter finally\ndone\n");
}

TEST_CASE("an uncaught exception yields CPython's traceback shape", "[vm]") {
  Run r = run("x = 1\ndef f():\n    print(x)\n    x = 2\nf()\n");
  CHECK_FALSE(r.outcome.ok);
  CHECK(r.outcome.error_type == "UnboundLocalError");
  CHECK(r.outcome.error_report.rfind("Traceback (most recent call last):\n", 0) == 0);
  CHECK(r.outcome.error_report.find("line 5, in <module>") != std::string::npos);
  CHECK(r.outcome.error_report.find("line 3, in f") != std::string::npos);
  CHECK(r.outcome.error_report.find(
            "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value\n") !=
        std::string::npos);
}

TEST_CASE("NameError suggests a close name as CPython 3.11 does", "[vm]") {
  Run r = run("count = 1\nprint(cuont)\n");
  CHECK(r.outcome.error_type == "NameError");
  CHECK(r.outcome.error_report.find("NameError: name 'cuont' is not defined. Did you mean: 'count'?") !=
        std::string::npos);
}

TEST_CASE("collecting at every safe point keeps everything a program can still reach", "[vm][gc]") {
  cv::RunLimits stress;
  stress.gc_stress = 1;
  Run r = run(
      "def make(n):\n"
      "    data = [str(i) for i in range(n)]\n"
      "    def get(i):\n"
      "        return data[i]\n"
      "    return get\n"
      "getters = [make(k + 1) for k in range(50)]\n"
      "words = []\n"
      "for i in range(200):\n"
      "    words.append(f'w{i}')\n"
      "it = iter(words)\n"
      "del words\n"
      "print(getters[49](49), next(it), sum(len(w) for w in it))\n",
      stress);
  CHECK(r.outcome.ok);
  CHECK(r.out == "49 w0 688\n");
}
