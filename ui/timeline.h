// The timeline under the controls: call depth over all steps as a small stack chart, call/return/exception marks, click or drag to jump.
#pragma once

#include <cstdint>
#include <vector>

#include "imgui.h"
#include "ui/program_session.h"
#include "ui/themes.h"

namespace cv::ui {

class Timeline {
 public:
  // Summarises the run into at most kBuckets columns (a run can have millions of steps; the
  // chart is drawn from the summary, so a frame costs the same whatever the run's length).
  void build(const ProgramSession& session);
  void clear() { buckets_.clear(); step_count_ = 0; }

  // Draws the chart across the available width; returns true and sets *step when the user
  // clicked or dragged to a step.
  bool draw(float height, std::uint32_t* step, const std::vector<std::uint32_t>& breakpoint_steps, const AppColors& colors);

 private:
  static constexpr std::uint32_t kBuckets = 2048;
  struct Bucket {
    std::uint32_t first_step = 0;
    std::uint16_t max_depth = 0;
    bool call = false, ret = false, exception = false;
  };
  std::vector<Bucket> buckets_;
  std::uint32_t step_count_ = 0;
  std::uint32_t max_depth_ = 1;
};

}  // namespace cv::ui
