// Unit tests for ProgramRun (a run in slices) and the run limits: sliced runs must equal run_program exactly.
#include <catch2/catch.hpp>

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "core/recorder.h"
#include "core/trace_export.h"

namespace {

// Everything observable about one run: output, outcome, and the recording as trace text.
struct Observed {
  std::string out;
  cv::ProgramOutcome outcome;
  std::string trace;
  uint64_t resumes = 0;  // calls to resume() it took (0 for run_program)
  bool recording_limit = false;
};

cv::ProgramOptions options_for(std::string& out, cv::TraceHook* hook) {
  cv::ProgramOptions options;
  options.filename = "/tmp/prog.py";
  options.write_stdout = [&out](std::string_view s) { out += s; };
  options.trace_hook = hook;
  return options;
}

std::string finish_trace(cv::Recorder& recorder, const cv::ProgramOutcome& outcome, bool limit) {
  cv::RunEnd end;
  if (limit) {
    end.status = cv::RunEnd::Status::Limit;
  } else if (!outcome.ok) {
    end.status = cv::RunEnd::Status::Error;
    end.exc_type = outcome.error_type;
    end.exc_message = outcome.error_message;
  }
  const cv::Recording recording = recorder.finish(end);
  std::ostringstream text;
  cv::write_trace_jsonl(recording, "prog.py", text);
  return text.str();
}

Observed whole(const std::string& source, cv::RecorderOptions rec_options = {}, size_t max_output = 0) {
  Observed o;
  cv::Recorder recorder(rec_options);
  cv::ProgramOptions options = options_for(o.out, &recorder);
  if (max_output) options.max_output_bytes = max_output;
  options.write_stdout = recorder.tee_stdout(options.write_stdout);
  try {
    o.outcome = cv::run_program(source, options);
  } catch (const cv::RecordingLimitReached&) {
    o.recording_limit = true;
  }
  o.trace = finish_trace(recorder, o.outcome, o.recording_limit);
  return o;
}

Observed sliced(const std::string& source, uint64_t budget, cv::RecorderOptions rec_options = {}, size_t max_output = 0) {
  Observed o;
  cv::Recorder recorder(rec_options);
  cv::ProgramOptions options = options_for(o.out, &recorder);
  if (max_output) options.max_output_bytes = max_output;
  options.write_stdout = recorder.tee_stdout(options.write_stdout);
  cv::ProgramRun run(source, options);
  try {
    while (!run.resume(budget)) {
      ++o.resumes;
      REQUIRE(!run.finished());
    }
    ++o.resumes;
    o.outcome = run.outcome();
  } catch (const cv::RecordingLimitReached&) {
    o.recording_limit = true;
    CHECK(run.finished());
  }
  CHECK(run.finished());
  CHECK(run.resume(budget));  // finished runs stay finished
  o.trace = finish_trace(recorder, o.outcome, o.recording_limit);
  return o;
}

void check_same(const Observed& a, const Observed& b) {
  CHECK(a.out == b.out);
  CHECK(a.outcome.ok == b.outcome.ok);
  CHECK(a.outcome.error_report == b.outcome.error_report);
  CHECK(a.outcome.error_type == b.outcome.error_type);
  CHECK(a.outcome.error_message == b.outcome.error_message);
  CHECK(a.outcome.limit_reached == b.outcome.limit_reached);
  CHECK(a.recording_limit == b.recording_limit);
  CHECK(a.trace == b.trace);
}

// Programs that pause in interesting places: closures, generators, native re-entry (sorted's key,
// map, a user __repr__ under str()), exceptions caught and uncaught, class bodies, keyword calls.
const std::vector<std::string> kPrograms = {
    "def outer(x):\n    def inner(y):\n        return x + y\n    return inner\nadd5 = outer(5)\nprint(add5(3))\n",
    "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n"
    "c = counter()\nfor _ in range(20):\n    c()\nprint(c())\n",
    "def gen(n):\n    for i in range(n):\n        yield i * i\nprint(sum(gen(30)), list(gen(5)))\n"
    "def deleg():\n    yield from gen(4)\n    return 'done'\nprint([v for v in deleg()])\n",
    "def key(v):\n    total = 0\n    for i in range(v % 7):\n        total += i\n    return -total\n"
    "print(sorted(range(25), key=key))\nprint(list(map(lambda a: [key(a)], range(6))))\n",
    "class P:\n    def __init__(self, x, *, tag='p'):\n        self.x = x\n        self.tag = tag\n"
    "    def __repr__(self):\n        return f'P({self.x}, {self.tag})'\n"
    "ps = [P(i, tag=str(i)) for i in range(5)]\nprint(ps, str(ps[1]))\n",
    "def f(n):\n    if n == 0:\n        raise ValueError('bottom')\n    return f(n - 1)\n"
    "try:\n    f(10)\nexcept ValueError as e:\n    print('caught', e)\nf(3)\n",
    "def deep(n):\n    return deep(n + 1)\ndeep(0)\n",
    "x = 1\nif x:\n  print('a')\n    print('b')\n",
};

}  // namespace

TEST_CASE("ProgramRun in slices of 1, 7 and everything equals run_program, recording included", "[program_run]") {
  for (const std::string& program : kPrograms) {
    INFO(program);
    const Observed reference = whole(program);
    for (uint64_t budget : {uint64_t(1), uint64_t(7), UINT64_MAX}) {
      INFO("budget " << budget);
      const Observed o = sliced(program, budget);
      check_same(reference, o);
      if (budget == 1 && reference.outcome.error_type != "IndentationError") CHECK(o.resumes > 20);
      if (budget == UINT64_MAX) CHECK(o.resumes == 1);
    }
  }
}

TEST_CASE("ProgramRun pauses only at the outermost loop: a native call back into Python finishes first", "[program_run]") {
  // sorted() calls key() 200 times from native code; with budget 1 the run may pause before and
  // after sorted() but never inside, so far fewer resumes than instructions are needed.
  const std::string program =
      "def key(v):\n    a = v * 3\n    b = a % 11\n    return b\nr = sorted(range(200), key=key)\nprint(r[:5])\n";
  const Observed o = sliced(program, 1);
  CHECK(o.out == "[0, 11, 22, 33, 44]\n");
  CHECK(o.resumes > 5);
  CHECK(o.resumes < 60);  // 200 key calls of ~8 instructions each would need well over 1000
}

TEST_CASE("ProgramRun: a recorder's step limit ends the run the same way as under run_program", "[program_run]") {
  cv::RecorderOptions small;
  small.max_steps = 40;
  const std::string program = "t = 0\nfor i in range(1000):\n    t += i\nprint(t)\n";
  const Observed reference = whole(program, small);
  CHECK(reference.recording_limit);
  for (uint64_t budget : {uint64_t(1), uint64_t(7), UINT64_MAX}) check_same(reference, sliced(program, budget, small));
}

TEST_CASE("ProgramRun: stop() abandons a run and says so", "[program_run]") {
  std::string out;
  cv::ProgramOptions options = options_for(out, nullptr);
  cv::ProgramRun run("i = 0\nwhile True:\n    i += 1\n    if i % 1000 == 0:\n        print(i)\n", options);
  CHECK_FALSE(run.resume(100000));
  CHECK_FALSE(run.finished());
  CHECK(out.rfind("1000\n", 0) == 0);
  run.stop();
  CHECK(run.finished());
  CHECK(run.resume(10));
  CHECK_FALSE(run.outcome().ok);
  CHECK(run.outcome().stopped);
  CHECK(run.outcome().error_report == "closureviz: the run was stopped\n");
}

TEST_CASE("the output limit keeps what fits, ends the run and says which option raises it", "[limits]") {
  const std::string program = "for i in range(10**9):\n    print('line', i)\n";
  for (uint64_t budget : {uint64_t(3), UINT64_MAX}) {
    const Observed o = sliced(program, budget, {}, 1000);
    CHECK(o.out.size() == 1000);
    CHECK(o.out.rfind("line 0\nline 1\n", 0) == 0);
    CHECK_FALSE(o.outcome.ok);
    CHECK(o.outcome.limit_reached);
    CHECK(o.outcome.error_report ==
          "closureviz: output limit reached: the program printed more than 1 KB (--max-output-kb); the run was stopped\n");
  }
  check_same(whole(program, {}, 1000), sliced(program, 5, {}, 1000));
  // Never half a UTF-8 character: 'é' is two bytes, so 999 bytes of them can keep only 998.
  const Observed accents = sliced("print('é' * 5000)\n", UINT64_MAX, {}, 999);
  CHECK(accents.out.size() == 998);
}

TEST_CASE("the output limit cannot be caught by the program", "[limits]") {
  const Observed o =
      sliced("try:\n    while True:\n        print('x' * 100)\nexcept BaseException:\n    print('caught')\n", UINT64_MAX, {}, 500);
  CHECK(o.out.find("caught") == std::string::npos);
  CHECK(o.outcome.limit_reached);
}

TEST_CASE("the memory limit raises MemoryError promptly, in whole and sliced runs alike", "[limits]") {
  for (uint64_t budget : {uint64_t(1000), UINT64_MAX}) {
    std::string out;
    cv::ProgramOptions options = options_for(out, nullptr);
    options.limits.max_heap_bytes = size_t(64) << 20;
    cv::ProgramRun run("x = []\nwhile True:\n    x.append([0] * 10000)\n", options);
    while (!run.resume(budget)) {}
    CHECK(run.outcome().error_type == "MemoryError");
    CHECK(run.outcome().exit_code == 1);
    CHECK(run.outcome().error_report.rfind("Traceback (most recent call last):\n", 0) == 0);
  }
  // Catchable, and the program goes on once the memory is released.
  std::string out;
  cv::ProgramOptions options = options_for(out, nullptr);
  options.limits.max_heap_bytes = size_t(64) << 20;
  const cv::ProgramOutcome caught = cv::run_program(
      "try:\n    x = []\n    while True:\n        x.append(' ' * 1000)\nexcept MemoryError:\n    x = None\n    print('caught')\n"
      "y = [0] * 1000\nprint(len(y))\n",
      options);
  CHECK(caught.ok);
  CHECK(out == "caught\n1000\n");
  // A native loop with no safe point is stopped by the allocation ceiling.
  out.clear();
  const cv::ProgramOutcome native = cv::run_program("x = list(range(10**9))\n", options);
  CHECK(native.error_type == "MemoryError");
}

TEST_CASE("SystemExit ends the run with python3's exit status", "[limits]") {
  struct Expect {
    const char* program;
    bool ok;
    int exit_code;
    const char* report;
  };
  for (const Expect& e : {Expect{"print(1)\nexit()\nprint(2)\n", true, 0, ""}, Expect{"exit(3)\n", false, 3, ""},
                          Expect{"raise SystemExit('bye')\n", false, 1, "bye\n"}, Expect{"quit(None)\n", true, 0, ""},
                          Expect{"exit(True)\n", false, 1, ""}, Expect{"x = 1 / 0\n", false, 1, nullptr}}) {
    INFO(e.program);
    std::string out;
    const cv::ProgramOutcome o = cv::run_program(e.program, options_for(out, nullptr));
    CHECK(o.ok == e.ok);
    CHECK(o.exit_code == e.exit_code);
    if (e.report) CHECK(o.error_report == e.report);
  }
}

TEST_CASE("source checks: the first bad line decides, reported as CPython does", "[limits]") {
  CHECK(cv::check_source_bytes("print(1)\n", "f.py").empty());
  CHECK(cv::check_source_bytes("\xEF\xBB\xBFprint(1)\n", "f.py").empty());
  CHECK(cv::check_source_bytes(std::string("x = 1\n  y = 'a\0b'\n", 17), "f.py") ==
        "  File \"f.py\", line 2\n    y = 'a\nSyntaxError: source code cannot contain null bytes\n");
  CHECK(cv::check_source_bytes(std::string("x = 1 # \xFF\0\n", 11), "f.py") ==
        "SyntaxError: Non-UTF-8 code starting with '\\xff' in file f.py on line 1, but no encoding declared; "
        "see https://peps.python.org/pep-0263/ for details\n");
  CHECK(cv::check_source_bytes(std::string("x = \0 \xFF\n", 8), "f.py").find("null bytes") != std::string::npos);
  std::string out;
  cv::ProgramOptions options = options_for(out, nullptr);
  options.max_source_bytes = 10;
  const cv::ProgramOutcome big = cv::run_program("print(12345)\n", options);
  CHECK(big.limit_reached);
  CHECK(big.exit_code == 1);
  CHECK(big.error_report == "closureviz: the program is larger than the source limit of 1 KB (--max-source-kb)\n");
  CHECK(out.empty());
}
