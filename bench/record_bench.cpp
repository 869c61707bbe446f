// cv_record_bench: recording speed, bytes per recorded step and seek times, measured in-process (bench/run.py --record).
//
//   cv_record_bench run PROGRAM.py [--repeat N]
//       runs the program alternately without and with a Recorder (N times each, median), and
//       prints one JSON object: steps, seconds of each, steps/s recorded, bytes per step.
//   cv_record_bench seek PROGRAM.py [--steps N] [--jumps K]
//       records the first N steps (default 1,000,000; the step limit ends the run there), then
//       jumps to K random steps (default 2,000) with StepView, reading the whole state each time
//       (stack, variables, every reachable object's content), and prints the times of the jumps
//       that went forwards and of those that went backwards (median and max, in ms).
//
// The program's output is discarded. Each timing is given twice: wall clock, and the CPU time of
// the thread (CLOCK_THREAD_CPUTIME_ID), which other processes on a loaded machine do not inflate.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <time.h>

#include "core/interpreter.h"
#include "core/recorder.h"
#include "core/recording.h"
#include "core/trace_export.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds used by this thread so far.
double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

// Wall and CPU time of one measured interval.
struct Stopwatch {
  Clock::time_point wall = Clock::now();
  double cpu = cpu_now();
  double wall_s() const { return seconds_since(wall); }
  double cpu_s() const { return cpu_now() - cpu; }
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// One run; with `recorder`, recorded. Returns false (after printing why) when the program failed.
bool run_once(const std::string& source, const std::string& filename, cv::Recorder* recorder) {
  cv::ProgramOptions options;
  options.filename = filename;
  options.write_stdout = [](std::string_view) {};
  if (recorder) {
    options.write_stdout = recorder->tee_stdout(nullptr);
    options.trace_hook = recorder;
  }
  try {
    cv::ProgramOutcome outcome = cv::run_program(source, options);
    if (!outcome.ok) {
      std::fprintf(stderr, "cv_record_bench: %s failed: %s", filename.c_str(), outcome.error_report.c_str());
      return false;
    }
  } catch (const cv::RecordingLimitReached&) {
    // The seek benchmark stops the program at its step count on purpose.
  }
  return true;
}

cv::Recording record(const std::string& source, const std::string& filename, uint64_t max_steps, bool* ok) {
  cv::RecorderOptions options;
  options.max_steps = max_steps;
  cv::Recorder recorder(options);
  *ok = run_once(source, filename, &recorder);
  cv::RunEnd end;
  if (recorder.limit_reached()) end.status = cv::RunEnd::Status::Limit;
  return recorder.finish(end);
}

int bench_run(const std::string& source, const std::string& filename, int repeat) {
  std::vector<double> plain, recorded, plain_cpu, recorded_cpu;
  uint32_t steps = 0;
  size_t bytes = 0;
  for (int i = 0; i < repeat; ++i) {
    Stopwatch clock;
    if (!run_once(source, filename, nullptr)) return 1;
    plain.push_back(clock.wall_s());
    plain_cpu.push_back(clock.cpu_s());
    bool ok = false;
    clock = Stopwatch();
    cv::Recording rec = record(source, filename, 1'000'000'000, &ok);
    recorded.push_back(clock.wall_s());  // includes finish(): the recording is complete
    recorded_cpu.push_back(clock.cpu_s());
    if (!ok) return 1;
    steps = rec.step_count();
    bytes = rec.memory_bytes();
  }
  const double t_recorded = median(recorded), c_recorded = median(recorded_cpu);
  std::printf(
      "{\"steps\": %u, \"plain_s\": %.4f, \"recorded_s\": %.4f, \"plain_cpu_s\": %.4f, \"recorded_cpu_s\": %.4f, "
      "\"steps_per_s\": %.0f, \"steps_per_cpu_s\": %.0f, \"memory_bytes\": %zu, \"bytes_per_step\": %.2f}\n",
      steps, median(plain), t_recorded, median(plain_cpu), c_recorded, steps / t_recorded, steps / c_recorded, bytes,
      double(bytes) / std::max<uint32_t>(steps, 1));
  return 0;
}

// Reads everything a step shows; returns a checksum so the work is not optimised away.
uint64_t read_state(const cv::StepView& view) {
  uint64_t sum = view.stack().size();
  for (const cv::FrameView& f : view.stack()) {
    for (const auto& local : f.locals) sum += local.second.bits();
    for (const auto& cell : f.cells) sum += cell.second;
  }
  for (const cv::FrameView& f : view.retained_frames()) sum += f.fid;
  for (uint32_t id : view.reachable())
    for (cv::RVal v : view.content(id)) sum += v.bits();
  return sum;
}

int bench_seek(const std::string& source, const std::string& filename, uint64_t steps, int jumps) {
  bool ok = false;
  Clock::time_point start = Clock::now();
  const cv::Recording rec = record(source, filename, steps, &ok);
  const double record_s = seconds_since(start);
  if (!ok) return 1;
  const uint32_t n = rec.step_count();
  std::mt19937 random(42);
  std::uniform_int_distribution<uint32_t> pick(1, n);
  std::vector<double> forwards, backwards;
  uint64_t checksum = 0;
  uint32_t at = 1;
  std::vector<double> forwards_cpu, backwards_cpu;
  for (int i = 0; i < jumps; ++i) {
    const uint32_t target = pick(random);
    const Stopwatch clock;
    const cv::StepView view(rec, target);
    checksum += read_state(view);
    (target >= at ? forwards : backwards).push_back(clock.wall_s() * 1e3);
    (target >= at ? forwards_cpu : backwards_cpu).push_back(clock.cpu_s() * 1e3);
    at = target;
  }
  // step_record_json numbers the steps before the one asked once (export ids are by first
  // appearance): the first call for the last step pays for that, later calls do not.
  Stopwatch clock;
  checksum += cv::step_record_json(rec, n).size();
  const double record_json_first_ms = clock.wall_s() * 1e3, record_json_first_cpu_ms = clock.cpu_s() * 1e3;
  std::vector<double> record_json;
  for (int i = 0; i < 200; ++i) {
    const uint32_t target = pick(random);
    const Stopwatch one;
    checksum += cv::step_record_json(rec, target).size();
    record_json.push_back(one.cpu_s() * 1e3);
  }
  auto max_of = [](const std::vector<double>& v) { return v.empty() ? 0 : *std::max_element(v.begin(), v.end()); };
  std::printf(
      "{\"steps\": %u, \"record_s\": %.3f, \"memory_bytes\": %zu, \"jumps_forwards\": %zu, \"forwards_median_ms\": %.4f, "
      "\"forwards_max_ms\": %.4f, \"jumps_backwards\": %zu, \"backwards_median_ms\": %.4f, \"backwards_max_ms\": %.4f, "
      "\"forwards_cpu_median_ms\": %.4f, \"forwards_cpu_max_ms\": %.4f, \"backwards_cpu_median_ms\": %.4f, "
      "\"backwards_cpu_max_ms\": %.4f, \"record_json_first_ms\": %.1f, \"record_json_first_cpu_ms\": %.1f, "
      "\"record_json_cpu_median_ms\": %.4f, \"record_json_cpu_max_ms\": %.4f, \"checksum\": %llu}\n",
      n, record_s, rec.memory_bytes(), forwards.size(), median(forwards), max_of(forwards), backwards.size(),
      median(backwards), max_of(backwards), median(forwards_cpu), max_of(forwards_cpu), median(backwards_cpu),
      max_of(backwards_cpu), record_json_first_ms, record_json_first_cpu_ms, median(record_json), max_of(record_json),
      static_cast<unsigned long long>(checksum));
  return 0;
}

int usage() {
  std::fputs("usage: cv_record_bench run PROGRAM.py [--repeat N]\n"
             "       cv_record_bench seek PROGRAM.py [--steps N] [--jumps K]\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string mode = argv[1], path = argv[2];
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cv_record_bench: cannot open '%s'\n", path.c_str());
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  long long repeat = 3, steps = 1'000'000, jumps = 2000;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    char* end = nullptr;
    const long long value = std::strtoll(argv[i + 1], &end, 10);
    if (!end || *end || value <= 0) return usage();
    if (option == "--repeat") repeat = value;
    else if (option == "--steps") steps = value;
    else if (option == "--jumps") jumps = value;
    else return usage();
  }
  if ((argc - 3) % 2) return usage();
  if (mode == "run") return bench_run(text.str(), path, int(repeat));
  if (mode == "seek") return bench_seek(text.str(), path, uint64_t(steps), int(jumps));
  return usage();
}
