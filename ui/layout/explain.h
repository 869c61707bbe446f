// Step explanations: one plain-English sentence per recorded step, derived from what the step changed.
#pragma once

// Pure: reads the Recording through StepView (the step and the one before it) and the program's
// source lines. It says only what the recording shows:
//   call       "Called outer_function(5): new frame f1, its parent is Global because outer_function was defined there"
//              (a generator resuming, a class body, the program's start are said as such);
//   line       what the previous line did — new or changed variables, with "via nonlocal" / "via
//              global" when a frame wrote a variable of another frame, functions defined, objects
//              created or changed — and which free variables the next line names, read through the
//              function's closure cells (a name on the line that is a free variable of the running
//              function: the line may not execute every part of itself, so this says "uses");
//   return     the value, and which frames stay alive (retained) because a live function was defined
//              in them; a generator's yield; a frame left by an exception;
//   exception  the exception and where it was raised.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/recording.h"

namespace cv::layout {

struct ExplainContext {
  const cv::Recording& recording;
  const std::vector<std::string>& source_lines;            // may be empty (then no free-variable reads)
  std::function<std::string(std::uint32_t fid)> frame_label;   // "Global", "f1", ... (as the diagram labels frames)
};

// The sentence for step `step` (1 ..= step_count). Never empty.
std::string explain_step(const ExplainContext& context, std::uint32_t step);

}  // namespace cv::layout
