// Shared helpers of the libFuzzer targets: turning fuzz bytes into a program and bounding a run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/interpreter.h"
#include "core/vm.h"

namespace cv::fuzz {

// The fuzz input as source text. Every entry point (CLI, app, page) calls check_source_bytes
// first and only hands text it accepts (UTF-8, no NUL) to the lexer, so the targets do too:
// returns false for input the real callers would already have rejected.
inline bool accepted_source(const uint8_t* data, size_t size, std::string& source) {
  source.assign(reinterpret_cast<const char*>(data), size);
  return check_source_bytes(source, "<fuzz>").empty();
}

// Thrown by StepBudget through the VM to stop a run, the way the recorder stops at its step limit.
struct StepBudgetSpent {};

// A trace hook that only counts events and stops the program after `max_events`, so a fuzzed
// `while True: pass` ends quickly instead of being reported as a timeout.
class StepBudget final : public TraceHook {
 public:
  explicit StepBudget(uint64_t max_events) : max_events_(max_events) {}
  void on_event(VM&, Frame&, Event, int, Value, bool, bool) override {
    if (++events_ > max_events_) throw StepBudgetSpent{};
  }
  uint64_t events() const { return events_; }

 private:
  uint64_t max_events_;
  uint64_t events_ = 0;
};

// Limits of the fuzzed runs: small, so one input costs milliseconds, but far above what the
// seed programs need, so the mutations still reach deep into the interpreter.
inline RunLimits small_run_limits() {
  RunLimits limits;
  limits.recursion_limit = 200;
  limits.max_heap_bytes = size_t(64) << 20;
  return limits;
}
constexpr uint64_t kMaxRunEvents = 20'000;
constexpr size_t kMaxOutputBytes = 64 * 1024;

// A failed self-check inside a target: print why and abort, so libFuzzer keeps the input.
[[noreturn]] inline void fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz check failed: %.*s\n%.*s\n", int(what.size()), what.data(),
               int(detail.size() > 2000 ? 2000 : detail.size()), detail.data());
  std::abort();
}

}  // namespace cv::fuzz
