// Unit tests for the recording query API: programs recorded in-process, each query checked against what the program does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "core/recorder.h"
#include "core/recording.h"
#include "core/trace_export.h"

namespace {

using cv::Recording;
using cv::RVal;
using cv::StepEvent;
using cv::StepView;

struct Recorded {
  Recording rec;
  cv::ProgramOutcome outcome;
  std::string out;
};

// Runs `source` under a Recorder as `closureviz trace` does (cli/commands.cpp, cmd_trace).
Recorded record(const std::string& source, uint64_t max_steps = 10'000'000, const std::string& stdin_text = "") {
  Recorded r;
  cv::RecorderOptions rec_options;
  rec_options.max_steps = max_steps;
  cv::Recorder recorder(rec_options);
  cv::ProgramOptions options;
  options.filename = "<test>";
  options.write_stdout = recorder.tee_stdout([&r](std::string_view s) { r.out += s; });
  std::istringstream input(stdin_text);
  options.read_stdin_line = [&input](std::string& line) { return bool(std::getline(input, line)); };
  options.trace_hook = &recorder;
  cv::RunEnd end;
  try {
    r.outcome = cv::run_program(source, options);
    if (!r.outcome.ok) {
      end.status = cv::RunEnd::Status::Error;
      end.exc_type = r.outcome.error_type;
      end.exc_message = r.outcome.error_message;
    }
  } catch (const cv::RecordingLimitReached&) {
    end.status = cv::RunEnd::Status::Limit;
  }
  r.rec = recorder.finish(end);
  return r;
}

// The steps of frame `fid` with event `e`, in order.
std::vector<uint32_t> steps_of(const Recording& rec, uint32_t fid, StepEvent e) {
  std::vector<uint32_t> out;
  for (uint32_t s = 1; s <= rec.step_count(); ++s)
    if (rec.step(s).fid == fid && rec.step(s).event() == e) out.push_back(s);
  return out;
}

// The first fid running a code named `name` (0: none).
uint32_t fid_named(const Recording& rec, std::string_view name, uint32_t nth = 0) {
  for (uint32_t f = 1; f <= rec.frame_count(); ++f)
    if (rec.frame_name(f) == name && nth-- == 0) return f;
  return 0;
}

const cv::FrameView* find_frame(const std::vector<cv::FrameView>& frames, uint32_t fid) {
  for (const cv::FrameView& f : frames)
    if (f.fid == fid) return &f;
  return nullptr;
}

std::optional<RVal> local(const cv::FrameView& f, std::string_view name) {
  for (const auto& [n, v] : f.locals)
    if (n == name) return v;
  return std::nullopt;
}

std::optional<uint32_t> cell(const cv::FrameView& f, std::string_view name) {
  for (const auto& [n, id] : f.cells)
    if (n == name) return id;
  return std::nullopt;
}

// The value of variable `name` of frame `fid` at step s, as StepView shows it (absent: unbound).
// A cell or free variable is its cell's value (also before the frame exists, as the queries
// define it); a plain local is unbound before its frame's first step.
RVal variable_at(const Recording& rec, uint32_t fid, std::string_view name, uint32_t s) {
  const uint32_t created = rec.frame_created_step(fid);
  if (auto c = cell(StepView(rec, created).frame(fid), name)) {
    if (s == 0) return RVal();
    const StepView view(rec, s);
    const std::vector<RVal>& content = view.content(*c);
    return content.size() > 1 ? content[1] : RVal();
  }
  if (s < created) return RVal();
  if (auto x = local(StepView(rec, s).frame(fid), name)) return *x;
  return RVal();
}

// Brute force: the first step after s (last step before s) at which the variable's value differs
// from the step before; 0 when none.
uint32_t brute_next_change(const Recording& rec, uint32_t fid, std::string_view name, uint32_t s) {
  for (uint32_t t = s + 1; t <= rec.step_count(); ++t)
    if (variable_at(rec, fid, name, t) != variable_at(rec, fid, name, t - 1)) return t;
  return 0;
}
uint32_t brute_previous_change(const Recording& rec, uint32_t fid, std::string_view name, uint32_t s) {
  for (uint32_t t = s; t-- > 1;)
    if (variable_at(rec, fid, name, t) != variable_at(rec, fid, name, t - 1)) return t;
  return 0;
}

const char* const kAdder =
    "def outer_function(x):\n"
    "    def inner_function(y):\n"
    "        return x + y\n"
    "    return inner_function\n"
    "add_5 = outer_function(5)\n"
    "print(add_5(3))\n";

const char* const kCounter =
    "def make_counter():\n"        // 1
    "    count = 0\n"               // 2
    "    def increment():\n"        // 3
    "        nonlocal count\n"      // 4
    "        count += 1\n"          // 5
    "        return count\n"        // 6
    "    return increment\n"        // 7
    "c = make_counter()\n"          // 8
    "c()\n"                         // 9
    "c()\n"                         // 10
    "x = c()\n";                    // 11

}  // namespace

TEST_CASE("seed adder: the frame of outer_function is retained after it returns, with the cell holding 5", "[recording]") {
  Recorded r = record(kAdder);
  const Recording& rec = r.rec;
  REQUIRE(r.outcome.ok);
  REQUIRE(r.out == "8\n");
  REQUIRE(rec.end.status == cv::RunEnd::Status::Ok);
  REQUIRE(rec.frame_count() == 3);
  const uint32_t module = fid_named(rec, "<module>"), outer = fid_named(rec, "outer_function"),
                 inner = fid_named(rec, "inner_function");
  REQUIRE(module == 1);
  REQUIRE(outer != 0);
  REQUIRE(inner != 0);
  CHECK(rec.frame(inner).parent == outer);   // inner_function was created by outer_function's frame
  CHECK(rec.frame(outer).parent == 0);       // defined at module level

  // Created / returned steps are the frame's call and final return events.
  const uint32_t outer_call = rec.frame_created_step(outer), outer_return = rec.frame_returned_step(outer);
  REQUIRE(outer_call != 0);
  REQUIRE(outer_return > outer_call);
  CHECK(rec.step(outer_call).event() == StepEvent::Call);
  CHECK(rec.step(outer_call).fid == outer);
  CHECK(rec.step(outer_return).event() == StepEvent::Return);
  CHECK(rec.step(outer_return).fid == outer);
  CHECK(steps_of(rec, outer, StepEvent::Call) == std::vector<uint32_t>{outer_call});
  CHECK(rec.frame_returned_step(module) == rec.step_count());  // the last step: <module> returns
  CHECK(rec.frame_created_step(module) == 1);

  // outer_function returns inner_function, whose parent slot names outer's frame.
  StepView at_return(rec, outer_return);
  REQUIRE(at_return.return_value().has_value());
  const RVal fn = *at_return.return_value();
  REQUIRE(fn.is_ref());
  const cv::ObjectView fn_object = at_return.object(fn.index());
  REQUIRE(fn_object.type == cv::ObjType::Function);
  CHECK(rec.text(fn_object.content[0].index()) == "inner_function");
  CHECK(fn_object.content[3] == RVal::integer(outer));
  CHECK(at_return.stack().back().fid == outer);
  CHECK(at_return.stack().back().on_stack);
  CHECK(at_return.retained_frames().empty());  // outer is still on the stack, not retained

  // Once outer_function has returned, its frame is retained: add_5's function needs it.
  StepView after(rec, outer_return + 1);
  REQUIRE(after.stack().size() == 1);
  CHECK(local(after.stack()[0], "add_5") == fn);
  std::vector<cv::FrameView> retained = after.retained_frames();
  REQUIRE(retained.size() == 1);
  CHECK(retained[0].fid == outer);
  CHECK(retained[0].retained);
  CHECK_FALSE(retained[0].on_stack);
  CHECK(local(retained[0], "inner_function") == fn);

  // The cell of x: owned by outer's frame, holding 5, the same cell in the closure and in inner's frame.
  const std::optional<uint32_t> x_cell = cell(retained[0], "x");
  REQUIRE(x_cell.has_value());
  CHECK(rec.object_type(*x_cell) == cv::ObjType::Cell);
  CHECK(after.content(*x_cell) == std::vector<RVal>{RVal::integer(outer), RVal::integer(5)});
  const std::vector<RVal>& closure = after.content(fn.index());
  REQUIRE(closure.size() == cv::obj_header_size(cv::ObjType::Function) + 2);
  CHECK(rec.text(closure[6].index()) == "x");
  CHECK(closure[7] == RVal::ref(*x_cell));

  const uint32_t inner_call = rec.frame_created_step(inner);
  StepView in_inner(rec, inner_call);
  REQUIRE(in_inner.stack().size() == 2);
  CHECK(in_inner.stack()[1].fid == inner);
  CHECK(in_inner.stack()[1].parent == outer);
  CHECK(in_inner.stack()[1].function == fn.index());
  CHECK(cell(in_inner.stack()[1], "x") == x_cell);
  CHECK(local(in_inner.stack()[1], "y") == RVal::integer(3));
  REQUIRE(in_inner.retained_frames().size() == 1);
  CHECK(in_inner.retained_frames()[0].fid == outer);
  // The cell is reachable, so is the function (through add_5).
  const std::vector<uint32_t>& reachable = in_inner.reachable();
  CHECK(std::count(reachable.begin(), reachable.end(), *x_cell) == 1);
  CHECK(std::count(reachable.begin(), reachable.end(), fn.index()) == 1);

  // inner returns 8, which is printed at the next step.
  const uint32_t inner_return = rec.frame_returned_step(inner);
  REQUIRE(StepView(rec, inner_return).return_value() == RVal::integer(8));
  CHECK(StepView(rec, inner_return).stdout_so_far().empty());
  CHECK(rec.stdout_at(rec.step_count()) == "8\n");
  CHECK(StepView(rec, rec.step_count()).stdout_new() == "8\n");
  CHECK_FALSE(StepView(rec, inner_call).return_value().has_value());
}

TEST_CASE("call depth per step is the height of the stack", "[recording]") {
  Recorded r = record(
      "def fact(n):\n"
      "    return 1 if n <= 1 else n * fact(n - 1)\n"
      "def twice(f, x):\n"
      "    return f(f(x))\n"
      "print(fact(5), twice(lambda v: v + 1, 0))\n");
  const Recording& rec = r.rec;
  REQUIRE(r.out == "120 2\n");
  uint32_t max_depth = 0;
  for (uint32_t s = 1; s <= rec.step_count(); ++s) {
    StepView v(rec, s);
    CHECK(rec.depth(s) == v.stack().size());
    CHECK(v.stack().back().fid == rec.step(s).fid);
    max_depth = std::max(max_depth, rec.depth(s));
  }
  CHECK(max_depth == 6);  // <module> + fact(5) .. fact(1)
  CHECK(rec.depth(1) == 1);
  // Each fact frame is one deeper than its caller's.
  for (uint32_t k = 0; k < 5; ++k) {
    uint32_t fid = fid_named(rec, "fact", k);
    REQUIRE(fid != 0);
    CHECK(rec.depth(rec.frame_created_step(fid)) == 2 + k);
    CHECK(rec.depth(rec.frame_returned_step(fid)) == 2 + k);
    CHECK(StepView(rec, rec.frame_returned_step(fid)).return_value() ==
          RVal::integer(std::vector<int>{120, 24, 6, 2, 1}[k]));
  }
  CHECK(rec.depth(rec.frame_created_step(fid_named(rec, "<lambda>"))) == 3);  // called by twice
  CHECK(rec.frame_count() == 1 + 5 + 1 + 2);
}

TEST_CASE("nonlocal counter: next_change and previous_change of count follow its cell", "[recording]") {
  Recorded r = record(kCounter);
  const Recording& rec = r.rec;
  REQUIRE(r.outcome.ok);
  const uint32_t maker = fid_named(rec, "make_counter");
  REQUIRE(maker == 2);
  REQUIRE(rec.frame_count() == 5);  // <module>, make_counter, increment x 3

  // count = 0 shows at the next event of make_counter (line 3); each `count += 1` at the
  // following event of that increment call (line 6), in frames 3, 4, 5.
  const uint32_t bound = rec.next_change(maker, "count", rec.frame_created_step(maker));
  REQUIRE(bound != 0);
  CHECK(rec.step(bound).fid == maker);
  CHECK(rec.step(bound).line == 3);
  CHECK(variable_at(rec, maker, "count", bound) == RVal::integer(0));
  CHECK(variable_at(rec, maker, "count", bound - 1).is_absent());
  uint32_t s = bound;
  for (uint32_t k = 1; k <= 3; ++k) {
    const uint32_t next = rec.next_change(maker, "count", s);
    REQUIRE(next > s);
    CHECK(rec.step(next).fid == fid_named(rec, "increment", k - 1));
    CHECK(rec.step(next).line == 6);
    CHECK(variable_at(rec, maker, "count", next) == RVal::integer(k));
    CHECK(variable_at(rec, maker, "count", next - 1) == RVal::integer(k - 1));
    CHECK(rec.previous_change(maker, "count", next) == s);
    // From any step in between, the same answers.
    for (uint32_t t = s; t < next; ++t) CHECK(rec.next_change(maker, "count", t) == next);
    for (uint32_t t = s + 1; t <= next; ++t) CHECK(rec.previous_change(maker, "count", t) == s);
    s = next;
  }
  CHECK(rec.next_change(maker, "count", s) == 0);          // never changes again
  CHECK(rec.previous_change(maker, "count", bound) == 0);  // unbound before
  CHECK(rec.previous_change(maker, "count", rec.step_count()) == s);

  // The increment frames see the same variable through their free variable.
  const uint32_t third = fid_named(rec, "increment", 2);
  CHECK(rec.previous_change(third, "count", rec.frame_returned_step(third)) == s);

  // The same through the cell's value slot.
  const std::optional<uint32_t> count_cell = cell(StepView(rec, bound).frame(maker), "count");
  REQUIRE(count_cell.has_value());
  CHECK(rec.next_slot_change(*count_cell, 1, bound) == rec.next_change(maker, "count", bound));
  CHECK(rec.previous_slot_change(*count_cell, 1, s) == rec.previous_change(maker, "count", s));

  // Every variable of every frame, from every step: the queries agree with a brute-force scan.
  const std::pair<uint32_t, const char*> variables[] = {
      {1, "c"}, {1, "x"}, {maker, "count"}, {maker, "increment"}, {third, "count"}};
  for (const auto& [fid, name] : variables) {
    INFO("frame " << fid << " variable " << name);
    for (uint32_t t = 1; t <= rec.step_count(); ++t) {
      INFO("step " << t);
      CHECK(rec.next_change(fid, name, t) == brute_next_change(rec, fid, name, t));
      CHECK(rec.previous_change(fid, name, t) == brute_previous_change(rec, fid, name, t));
    }
  }
  CHECK(rec.next_change(1, "x", 1) == rec.step_count());  // x = c() is the last line
  CHECK(variable_at(rec, 1, "x", rec.step_count()) == RVal::integer(3));
}

TEST_CASE("changes() lists the variables bound, objects written and objects created at a step", "[recording]") {
  Recorded r = record(kCounter);
  const Recording& rec = r.rec;
  const uint32_t maker = fid_named(rec, "make_counter");
  auto has = [](const std::vector<cv::StepChange>& list, cv::StepChange::Kind kind, uint32_t fid,
                std::string_view name, uint32_t id) {
    return std::any_of(list.begin(), list.end(), [&](const cv::StepChange& c) {
      return c.kind == kind && c.fid == fid && c.name == name && c.id == id;
    });
  };
  // Line 3 of make_counter: count was bound (through its cell, which changed).
  const uint32_t bound = rec.next_change(maker, "count", rec.frame_created_step(maker));
  StepView at_bound(rec, bound);
  const uint32_t count_cell = *cell(at_bound.frame(maker), "count");
  std::vector<cv::StepChange> changes = at_bound.changes();
  CHECK(has(changes, cv::StepChange::Kind::Variable, maker, "count", 0));
  CHECK(has(changes, cv::StepChange::Kind::Object, 0, {}, count_cell));
  // Line 7: `def increment` bound a local to a function object recorded there.
  const uint32_t defined = rec.next_change(maker, "increment", bound);
  REQUIRE(defined != 0);
  CHECK(rec.step(defined).line == 7);
  const RVal fn = variable_at(rec, maker, "increment", defined);
  REQUIRE(fn.is_ref());
  changes = StepView(rec, defined).changes();
  CHECK(has(changes, cv::StepChange::Kind::Variable, maker, "increment", 0));
  CHECK(has(changes, cv::StepChange::Kind::Created, 0, {}, fn.index()));
  CHECK_FALSE(has(changes, cv::StepChange::Kind::Variable, maker, "count", 0));
  // Module: c = make_counter() shows at line 9.
  const uint32_t assigned = rec.next_change(1, "c", 1);
  CHECK(rec.step(assigned).line == 9);
  CHECK(has(StepView(rec, assigned).changes(), cv::StepChange::Kind::Variable, 1, "c", 0));
  // A line that binds nothing changes nothing.
  const uint32_t second_call_line = rec.next_change(1, "c", 1);  // line 9 in <module>; c() has not run
  CHECK(rec.step(second_call_line + 1).event() == StepEvent::Call);
  CHECK(StepView(rec, second_call_line + 1).changes().empty());
}

TEST_CASE("became_unreachable: a local list dies with its frame", "[recording]") {
  Recorded r = record(
      "def f():\n"
      "    tmp = [1, 2, 3]\n"
      "    return len(tmp)\n"
      "n = f()\n"
      "print(n)\n");
  const Recording& rec = r.rec;
  const uint32_t f = fid_named(rec, "f");
  const uint32_t ret = rec.frame_returned_step(f);
  StepView at_return(rec, ret);
  const std::optional<RVal> tmp = local(at_return.stack().back(), "tmp");
  REQUIRE(tmp.has_value());
  REQUIRE(tmp->is_ref());
  const cv::ObjectView list = at_return.object(tmp->index());
  CHECK(list.type == cv::ObjType::List);
  CHECK(std::vector<RVal>(list.content.begin() + list.header(), list.content.end()) ==
        std::vector<RVal>{RVal::integer(1), RVal::integer(2), RVal::integer(3)});
  CHECK(at_return.return_value() == RVal::integer(3));
  CHECK(at_return.became_unreachable().empty());
  StepView after(rec, ret + 1);
  CHECK(after.became_unreachable() == std::vector<uint32_t>{tmp->index()});
  CHECK(std::find(after.reachable().begin(), after.reachable().end(), tmp->index()) == after.reachable().end());
  // Where it was created, nothing became unreachable.
  CHECK(StepView(rec, rec.next_change(f, "tmp", rec.frame_created_step(f))).became_unreachable().empty());
}

TEST_CASE("exception and yield steps carry what happened", "[recording]") {
  Recorded r = record(
      "def gen():\n"
      "    yield 1\n"
      "    yield 2\n"
      "try:\n"
      "    total = sum(gen())\n"
      "    1 / 0\n"
      "except ZeroDivisionError:\n"
      "    pass\n");
  const Recording& rec = r.rec;
  REQUIRE(r.outcome.ok);
  uint32_t exceptions = 0, yields = 0;
  for (uint32_t s = 1; s <= rec.step_count(); ++s) {
    StepView v(rec, s);
    if (v.event() == StepEvent::Exception) {
      ++exceptions;
      REQUIRE(v.exception().has_value());
      CHECK(v.exception()->first == "ZeroDivisionError");
      CHECK(v.exception()->second == "division by zero");
      CHECK(v.line() == 6);
    } else {
      CHECK_FALSE(v.exception().has_value());
    }
    if (v.event() == StepEvent::Return && v.is_yield()) {
      ++yields;
      CHECK(v.return_value() == RVal::integer(yields));
      CHECK(rec.frame_returned_step(rec.step(s).fid) > s);  // a yield is not the final return
    }
  }
  CHECK(exceptions == 1);
  CHECK(yields == 2);
  const uint32_t g = fid_named(rec, "gen");
  CHECK(fid_named(rec, "gen", 1) == 0);  // one frame across its resumptions
  CHECK(steps_of(rec, g, StepEvent::Call).size() == 3);  // started, resumed twice
  CHECK(rec.frame_created_step(g) == steps_of(rec, g, StepEvent::Call)[0]);
  CHECK(StepView(rec, rec.frame_returned_step(g)).return_value() == RVal::none());
}

TEST_CASE("the step limit stops an endless loop and keeps the steps so far", "[recording]") {
  CHECK(cv::RecorderOptions{}.max_steps == 10'000'000);
  const std::string loop =
      "n = 0\n"
      "while True:\n"
      "    n += 1\n";
  for (uint64_t limit : {uint64_t(1), uint64_t(1000), uint64_t(1'234'567)}) {
    Recorded r = record(loop, limit);
    const Recording& rec = r.rec;
    CHECK(rec.end.status == cv::RunEnd::Status::Limit);
    CHECK(rec.step_count() == limit);
    if (limit == 1000) CHECK(rec.end.message == "stopped after 1,000 steps: the program may loop forever");
    if (limit == 1'234'567) CHECK(rec.end.message == "stopped after 1,234,567 steps: the program may loop forever");
    if (limit == 1) CHECK(rec.end.message == "stopped after 1 steps: the program may loop forever");
    // Everything up to the limit can be viewed and exported.
    StepView last(rec, rec.step_count());
    CHECK(last.stack().size() == 1);
    if (limit >= 1000) {
      // n counts the line-3 events before the last step (each one's `n += 1` shows at the next step).
      int64_t turns = 0;
      for (uint32_t s = 1; s < rec.step_count(); ++s) turns += rec.step(s).line == 3;
      CHECK(turns > int64_t(limit) / 3);
      const std::optional<RVal> n = local(last.stack()[0], "n");
      REQUIRE(n.has_value());
      CHECK(n->as_int() == turns);
    }
    std::ostringstream jsonl;
    if (limit <= 1000) {
      cv::write_trace_jsonl(rec, "loop.py", jsonl);
      std::string text = jsonl.str();
      CHECK(text.find("{\"kind\": \"end\", \"status\": \"limit\", \"steps\": " + std::to_string(limit)) != std::string::npos);
      CHECK(text.find("\"message\": \"stopped after") != std::string::npos);
    }
    CHECK(cv::step_record_json(rec, rec.step_count()).rfind("{\"kind\": \"step\", \"step\": " + std::to_string(limit) + ",", 0) == 0);
  }
}

namespace {

std::vector<std::string> export_lines(const Recording& rec) {
  std::ostringstream out;
  cv::write_trace_jsonl(rec, "program.py", out);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// step_record_json(rec, s) must equal line s of the export, whatever order steps are asked in.
void check_step_records(const Recording& rec, const std::vector<uint32_t>& order) {
  const std::vector<std::string> lines = export_lines(rec);
  REQUIRE(lines.size() == rec.step_count() + 2);  // meta, steps, end
  for (uint32_t s : order) {
    INFO("step " << s);
    const std::string record = cv::step_record_json(rec, s);
    REQUIRE(record == lines[s]);
    // Every reference names an object of the step's heap (ids start at 1).
    const size_t heap = record.find("\"heap\": {");
    REQUIRE(heap != std::string::npos);
    for (size_t at = record.find("[\"ref\", "); at != std::string::npos; at = record.find("[\"ref\", ", at + 1)) {
      const std::string id = record.substr(at + 8, record.find(']', at) - at - 8);
      INFO("ref " << id);
      CHECK(id != "0");
      CHECK(record.find("\"" + id + "\": {\"t\"", heap) != std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("step_record_json equals the export's line, asked in any order", "[recording]") {
  // Objects appear late (numbered late) and die, so ids of late steps depend on the steps before.
  Recorded r = record(
      "class Box:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "def make(n):\n"
      "    items = [Box(i) for i in range(n)]\n"
      "    lookup = {b.v: b for b in items}\n"
      "    return lambda k: lookup[k].v\n"
      "get = make(4)\n"
      "pair = (get(1), get(3), {1, 2}, 2.5, float('inf'), 'tab\\there', 10 ** 30)\n"
      "del get\n"
      "print(pair)\n");
  const Recording& rec = r.rec;
  REQUIRE(r.outcome.ok);
  const uint32_t n = rec.step_count();
  REQUIRE(n > 40);
  CHECK(cv::step_record_json(rec, 0) == "null");
  CHECK(cv::step_record_json(rec, n + 1) == "null");
  std::vector<uint32_t> backwards;
  for (uint32_t s = n; s >= 1; --s) backwards.push_back(s);
  SECTION("last step first, then backwards") { check_step_records(rec, backwards); }
  SECTION("random jumps") {
    std::vector<uint32_t> order = backwards;
    std::shuffle(order.begin(), order.end(), std::mt19937(20261126));
    check_step_records(rec, order);
  }
  SECTION("on a copy and after a move") {
    CHECK(cv::step_record_json(rec, n / 2).size() > 10);  // fills rec's cache
    Recording copy = rec;
    check_step_records(copy, {n, 1, n / 2, n - 1});
    Recording moved = std::move(copy);
    check_step_records(moved, {2, n, n / 3});
  }
  const std::string last = cv::step_record_json(rec, n);
  CHECK(last.find("\"event\": \"return\"") != std::string::npos);
  CHECK(last.find("1000000000000000000000000000000") != std::string::npos);
  CHECK(last.find("[\"float\", \"inf\"]") != std::string::npos);
}

// ---------------------------------------------------------------- jumping equals stepping

namespace {

void put_value(std::ostringstream& o, RVal v) { o << std::hex << v.bits() << std::dec << ' '; }

void put_frame(std::ostringstream& o, const cv::FrameView& f) {
  o << "frame " << f.fid << ' ' << f.func << " line " << f.line << " parent " << f.parent << " fn " << f.function
    << (f.on_stack ? " on-stack" : "") << (f.retained ? " retained" : "") << "\n  locals ";
  for (const auto& [name, value] : f.locals) {
    o << name << '=';
    put_value(o, value);
  }
  o << "\n  cells ";
  for (const auto& [name, id] : f.cells) o << name << '=' << id << ' ';
  o << '\n';
}

// Everything a step shows, as text: the stack, retained frames, the full content of every
// reachable object, the return value, exception, output and change set.
std::string state_text(const StepView& v) {
  std::ostringstream o;
  o << "step " << v.step() << ' ' << cv::step_event_name(v.event()) << " line " << v.line()
    << (v.is_yield() ? " yield" : "") << (v.is_unwind() ? " unwind" : "") << '\n';
  if (auto r = v.return_value()) {
    o << "ret ";
    put_value(o, *r);
    o << '\n';
  }
  if (auto e = v.exception()) o << "exc " << e->first << ": " << e->second << '\n';
  o << "out " << v.stdout_new().size() << ' ' << v.stdout_so_far().size() << '\n';
  for (const cv::FrameView& f : v.stack()) put_frame(o, f);
  for (const cv::FrameView& f : v.retained_frames()) put_frame(o, f);
  for (uint32_t id : v.reachable()) {
    const cv::ObjectView object = v.object(id);
    o << "object " << id << ' ' << cv::obj_type_name(object.type) << ": ";
    for (RVal x : object.content) put_value(o, x);
    o << '\n';
  }
  for (const cv::StepChange& c : v.changes()) o << "change " << int(c.kind) << ' ' << c.fid << ' ' << c.name << ' ' << c.id << '\n';
  return o.str();
}

// Compares StepView by jumping with the Cursor-driven view: every step when there are at most
// `max_samples`, else that many random steps; jumps are made in random order (back and forth).
// Returns the number of steps compared.
size_t check_jump_equals_step(const Recording& rec, size_t max_samples, uint32_t seed) {
  const uint32_t n = rec.step_count();
  std::mt19937 random(seed);
  std::vector<uint32_t> sample;
  if (n <= max_samples) {
    for (uint32_t s = 1; s <= n; ++s) sample.push_back(s);
  } else {
    std::uniform_int_distribution<uint32_t> pick(1, n);
    while (sample.size() < max_samples) sample.push_back(pick(random));
    sample.push_back(n);
    std::sort(sample.begin(), sample.end());
    sample.erase(std::unique(sample.begin(), sample.end()), sample.end());
  }
  std::vector<std::string> stepped(sample.size());
  cv::Cursor cursor(rec);
  size_t next = 0;
  while (next < sample.size() && cursor.advance())
    if (cursor.step() == sample[next]) stepped[next++] = state_text(StepView(rec, cursor.step(), &cursor));
  REQUIRE(next == sample.size());
  std::vector<size_t> order(sample.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), random);
  for (size_t i : order) {
    INFO("step " << sample[i] << " of " << n);
    const std::string jumped = state_text(StepView(rec, sample[i]));
    if (jumped != stepped[i]) {
      CHECK(jumped == stepped[i]);
      break;  // one report per program is enough
    }
  }
  return sample.size();
}

}  // namespace

TEST_CASE("jumping to a step gives the state reached by stepping to it", "[recording]") {
  // Big objects get periodic checkpoints; a list is mutated in place, grown and cleared.
  Recorded r = record(
      "data = []\n"
      "for i in range(300):\n"
      "    data.append(i * i)\n"
      "    if i % 7 == 0:\n"
      "        data[i // 2] = -i\n"
      "    if i % 50 == 49:\n"
      "        del data[:10]\n"
      "table = {str(k): k for k in range(100)}\n"
      "for k in range(0, 100, 3):\n"
      "    del table[str(k)]\n"
      "data.clear()\n"
      "def counter():\n"
      "    n = 0\n"
      "    def step():\n"
      "        nonlocal n\n"
      "        n += 1\n"
      "        return n\n"
      "    return step\n"
      "s = counter()\n"
      "total = sum(s() for _ in range(200))\n");
  REQUIRE(r.outcome.ok);
  CHECK(check_jump_equals_step(r.rec, 100000, 1) == r.rec.step_count());
  CHECK(check_jump_equals_step(r.rec, 50, 2) >= 40);
}

#ifdef CV_TEST_PROGRAMS_DIR
// Hidden from the unit run (ctest runs it as `recording_corpus`): every corpus program is
// recorded (at most 20,000 steps each) and checked two ways:
//   * jumping equals stepping, at up to 1,000 random steps in random order (fixed seed);
//   * step_record_json equals the export's line, at up to 40 steps asked in random order.
TEST_CASE("corpus: jumping equals stepping, and step records equal the export", "[.][recording-corpus]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> programs;
  for (const auto& entry : fs::recursive_directory_iterator(CV_TEST_PROGRAMS_DIR)) {
    if (entry.path().extension() != ".py") continue;
    if (entry.path().parent_path().filename() == "syntax_errors") continue;
    programs.push_back(entry.path());
  }
  std::sort(programs.begin(), programs.end());
  REQUIRE(programs.size() > 500);
  size_t compared = 0, steps = 0;
  uint32_t seed = 0;
  for (const fs::path& program : programs) {
    INFO(program.string());
    std::ifstream in(program, std::ios::binary);
    std::stringstream source;
    source << in.rdbuf();
    std::string stdin_text;
    fs::path input = program;
    input.replace_extension(".in");
    if (fs::exists(input)) {
      std::ifstream f(input, std::ios::binary);
      std::stringstream text;
      text << f.rdbuf();
      stdin_text = text.str();
    }
    Recorded r = record(source.str(), 20'000, stdin_text);
    const Recording& rec = r.rec;
    if (rec.step_count() == 0) continue;  // a compile error: nothing recorded
    steps += rec.step_count();
    compared += check_jump_equals_step(rec, 1000, ++seed);
    std::vector<uint32_t> order;
    std::mt19937 random(seed);
    std::uniform_int_distribution<uint32_t> pick(1, rec.step_count());
    for (int i = 0; i < 40; ++i) order.push_back(pick(random));
    check_step_records(rec, order);
  }
  WARN(programs.size() << " programs, " << steps << " steps recorded, " << compared << " steps compared");
}
#endif
