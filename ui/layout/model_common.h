// Shared by the two model adapters (trace JSON and Recording): value text, signatures, change marks.
#pragma once

// Both adapters must build the same DiagramModel for the same step (a unit test compares them), so
// everything they do alike lives here once.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/layout/diagram_model.h"

namespace cv::layout::detail {

// repr() of a float: the shortest digits that round-trip, fixed notation for 1e-4 <= |x| < 1e16.
std::string python_float_repr(double x);

struct Signature {
  std::string text;                 // "(x, y=1)"
  std::vector<std::string> names;   // parameter names in order: x, y
};

// The names in a parameter list without its parentheses: "a, b=1, *args, **kw" -> a, b, args, kw.
std::vector<std::string> parameter_names(std::string_view params);

// The parameter list of `def name(` at or after line `first_line` of `lines` (decorators come first).
std::optional<Signature> signature_from_source(const std::vector<std::string>& lines, int first_line, std::string_view name);

// The source's lines, without their line ends.
std::vector<std::string> split_lines(std::string_view source);

// Marks what is new or changed in `now` relative to `before` (null at the first step), and appends
// the objects of `before` that are gone as unreachable.
void mark_changes(DiagramModel& now, const DiagramModel* before);

// Sets the note of every retained frame in `off_stack` ("returned; retained by f, λ"), naming each
// retaining function with `function_name` (lambdas shown as λ).
void note_retained_frames(std::map<FrameId, DiagramFrame>& off_stack,
                          const std::function<std::string(ObjectId)>& function_name);

// Appends the frames to `frames`: the stack in stack order, each off-stack frame before the first
// stack frame created after it (frame ids grow with creation), the rest at the end. Empties both.
void order_frames(std::vector<DiagramFrame>& stack_frames, std::map<FrameId, DiagramFrame>& off_stack,
                  std::vector<DiagramFrame>& frames);

}  // namespace cv::layout::detail
