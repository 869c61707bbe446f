// Step explanations (ui/layout/explain.h) on real recordings: calls, closure reads, nonlocal and global
// writes, returns that retain frames, generators, exceptions; and a sentence for every lesson step.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ui/layout/recording_to_model.h"

namespace {

using namespace cv::layout;

struct Explained {
  RecordedProgram run;
  RecordingModels models;
  explicit Explained(const std::string& source)
      : run(record_program(source, "test.py")), models(run.recording, source) {}

  // The first step with this event at this line (0 when there is none).
  std::uint32_t step(cv::StepEvent event, int line, std::uint32_t after = 0) const {
    for (std::uint32_t s = after + 1; s <= run.recording.step_count(); ++s)
      if (run.recording.step(s).event() == event && run.recording.step(s).line == line) return s;
    return 0;
  }
  std::string at(cv::StepEvent event, int line, std::uint32_t after = 0) const {
    const std::uint32_t s = step(event, line, after);
    REQUIRE(s != 0);
    return models.explain(s);
  }
};

const char* kAdder =
    "def outer_function(x):\n"            // 1
    "    def inner_function(y):\n"        // 2
    "        return x + y\n"              // 3
    "    return inner_function\n"         // 4
    "\n"                                  // 5
    "add_5 = outer_function(5)\n"         // 6
    "result = add_5(3)\n"                 // 7
    "print(result)\n";                    // 8

}  // namespace

TEST_CASE("explanations of calls, closure reads and returns that retain a frame", "[layout][explain]") {
  Explained e(kAdder);
  REQUIRE(e.run.outcome.ok);
  CHECK(e.at(cv::StepEvent::Call, 1) ==
        "Called outer_function(5): new frame f1, its parent is Global because outer_function was defined there.");
  const std::string ret = e.at(cv::StepEvent::Return, 4);
  CHECK_THAT(ret, Catch::Contains("outer_function returned inner_function"));
  CHECK_THAT(ret, Catch::Contains("f1 is kept alive (retained) because inner_function was defined in it"));
  const std::string call_inner = e.at(cv::StepEvent::Call, 2);
  CHECK_THAT(call_inner, Catch::StartsWith("Called inner_function(3): new frame f2, its parent is f1"));
  CHECK_THAT(call_inner, Catch::Contains("f1 has returned but is kept alive"));
  CHECK(e.at(cv::StepEvent::Line, 3) == "inner_function reads x from f1 through its closure cell (line 3).");
  CHECK_THAT(e.at(cv::StepEvent::Return, 3), Catch::Contains("inner_function returned 8; f2 is gone"));
  // The assignment of line 6 is seen at the next line event, in the module.
  CHECK_THAT(e.at(cv::StepEvent::Line, 7), Catch::Contains("add_5 = inner_function in Global"));
  CHECK_THAT(e.at(cv::StepEvent::Line, 6), Catch::Contains("Line 1: defined outer_function in Global"));
  CHECK_THAT(e.models.explain(e.run.recording.step_count()), Catch::Contains("printed '8'"));
}

TEST_CASE("explanations of nonlocal and global writes", "[layout][explain]") {
  Explained e(
      "total = 0\n"                       // 1
      "def add(n):\n"                     // 2
      "    global total\n"                // 3
      "    total += n\n"                  // 4
      "def make_counter():\n"             // 5
      "    count = 0\n"                   // 6
      "    def tick():\n"                 // 7
      "        nonlocal count\n"          // 8
      "        count += 1\n"              // 9
      "        return count\n"            // 10
      "    return tick\n"                 // 11
      "add(4)\n"                          // 12
      "t = make_counter()\n"              // 13
      "t()\n"                             // 14
      "t()\n");                           // 15
  REQUIRE(e.run.outcome.ok);
  CHECK_THAT(e.at(cv::StepEvent::Return, 4), Catch::Contains("total in Global changed from 0 to 4 via global"));
  const std::uint32_t first = e.step(cv::StepEvent::Line, 10);
  REQUIRE(first != 0);
  CHECK_THAT(e.models.explain(first), Catch::Contains("count in f2 changed from 0 to 1 via nonlocal"));
  CHECK_THAT(e.at(cv::StepEvent::Line, 10, first), Catch::Contains("count in f2 changed from 1 to 2 via nonlocal"));
  // The line about to run names the free variable: the sentence says it is read through the cell.
  CHECK_THAT(e.models.explain(first), Catch::Contains("tick reads count from f2 through its closure cell (line 10)"));
  CHECK_THAT(e.at(cv::StepEvent::Line, 9), Catch::Contains("tick updates count from f2 through its closure cell (line 9)"));
}

TEST_CASE("explanations of generators and exceptions", "[layout][explain]") {
  Explained e(
      "def count_up(limit):\n"            // 1
      "    n = 1\n"                       // 2
      "    while n <= limit:\n"           // 3
      "        yield n\n"                 // 4
      "        n += 1\n"                  // 5
      "def divide(a, b):\n"               // 6
      "    return a / b\n"                // 7
      "g = count_up(2)\n"                 // 8
      "print(next(g), next(g))\n"         // 9
      "try:\n"                            // 10
      "    divide(1, 0)\n"                // 11
      "except ZeroDivisionError:\n"       // 12
      "    pass\n");                      // 13
  REQUIRE(e.run.outcome.ok);
  const std::uint32_t first_yield = e.step(cv::StepEvent::Return, 4);
  REQUIRE(first_yield != 0);
  CHECK(e.models.explain(first_yield) == "The generator count_up yields 1; f1 is suspended until the generator is resumed.");
  CHECK_THAT(e.at(cv::StepEvent::Call, 4, first_yield), Catch::StartsWith("The generator count_up resumes in f1 at line 4"));
  CHECK(e.at(cv::StepEvent::Exception, 7) == "ZeroDivisionError raised in f2 (divide) at line 7: division by zero.");
  CHECK_THAT(e.at(cv::StepEvent::Return, 7), Catch::Contains("divide in f2 exits because of the exception"));
  CHECK(e.at(cv::StepEvent::Exception, 11) == "ZeroDivisionError propagates into Global at line 11: division by zero.");
}

TEST_CASE("every step of every lesson has a sentence", "[layout][explain]") {
  const std::filesystem::path dir = std::filesystem::path(CV_SOURCE_DIR) / "assets" / "lessons";
  std::size_t lessons = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Explained e(text.str());
    INFO(entry.path().filename().string());
    REQUIRE(e.models.step_count() > 0);
    ++lessons;
    for (std::size_t k = 1; k <= e.models.step_count(); ++k) {
      const std::string s = e.models.explain(k);
      INFO("step " << k << ": " << s);
      CHECK(s.size() > 10);
      CHECK(s.back() == '.');
      CHECK(s.find(" ?") == std::string::npos);   // every frame label resolved
    }
  }
  CHECK(lessons >= 1);
}
