// Timeline: a per-bucket summary of the run (max depth, marks) drawn as columns; the pointer's x maps linearly to a step.
#include "ui/timeline.h"

#include <algorithm>

namespace cv::ui {

void Timeline::build(const ProgramSession& session) {
  step_count_ = session.step_count();
  buckets_.clear();
  max_depth_ = std::max<std::uint32_t>(1, session.max_depth());
  if (step_count_ == 0) return;
  const std::uint32_t count = std::min(step_count_, kBuckets);
  buckets_.resize(count);
  for (std::uint32_t s = 1; s <= step_count_; ++s) {
    const auto b = static_cast<std::uint32_t>(static_cast<std::uint64_t>(s - 1) * count / step_count_);
    Bucket& bucket = buckets_[b];
    if (bucket.first_step == 0) bucket.first_step = s;
    bucket.max_depth = static_cast<std::uint16_t>(std::min<std::uint32_t>(65535, std::max<std::uint32_t>(bucket.max_depth, session.depth(s))));
    switch (session.mark(s)) {
      case StepMark::Call: bucket.call = true; break;
      case StepMark::Return: bucket.ret = true; break;
      case StepMark::Exception: bucket.exception = true; break;
      case StepMark::None: break;
    }
  }
}

bool Timeline::draw(float height, std::uint32_t* step, const std::vector<std::uint32_t>& breakpoint_steps, const AppColors& colors) {
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, 32.0f);
  ImGui::InvisibleButton("timeline", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 p1(p0.x + width, p0.y + height);
  draw->AddRectFilled(p0, p1, colors.timeline_bg, 3.0f);
  if (buckets_.empty() || step_count_ == 0) return false;

  const float mark_h = 4.0f;  // call marks along the top, return marks along the bottom
  const float chart_top = p0.y + mark_h + 1, chart_bottom = p1.y - mark_h - 1;
  const float column_w = width / static_cast<float>(buckets_.size());
  for (std::size_t i = 0; i < buckets_.size(); ++i) {
    const Bucket& b = buckets_[i];
    const float x0 = p0.x + static_cast<float>(i) * column_w, x1 = x0 + std::max(column_w, 1.0f);
    const float h = (chart_bottom - chart_top) * static_cast<float>(b.max_depth) / static_cast<float>(max_depth_);
    draw->AddRectFilled(ImVec2(x0, chart_bottom - h), ImVec2(x1, chart_bottom), colors.timeline_depth);
    const float mx1 = x0 + std::max(std::min(column_w, 3.0f), 1.0f);
    if (b.call) draw->AddRectFilled(ImVec2(x0, p0.y), ImVec2(mx1, p0.y + mark_h), colors.timeline_call);
    if (b.ret) draw->AddRectFilled(ImVec2(x0, p1.y - mark_h), ImVec2(mx1, p1.y), colors.timeline_return);
    if (b.exception) draw->AddRectFilled(ImVec2(x0, p0.y), ImVec2(x0 + std::clamp(column_w * 0.25f, 2.0f, 4.0f), p1.y), colors.timeline_exception);
  }
  auto x_of = [&](std::uint32_t s) { return p0.x + (static_cast<float>(s) - 0.5f) / static_cast<float>(step_count_) * width; };
  for (std::uint32_t s : breakpoint_steps) {
    const float x = x_of(s);
    draw->AddTriangleFilled(ImVec2(x - 4, p0.y), ImVec2(x + 4, p0.y), ImVec2(x, p0.y + 6), colors.breakpoint);
  }
  if (*step >= 1 && *step <= step_count_) {
    const float x = x_of(*step);
    draw->AddLine(ImVec2(x, p0.y - 2), ImVec2(x, p1.y + 2), colors.timeline_cursor, 2.5f);
    draw->AddCircleFilled(ImVec2(x, p0.y + height / 2), 4.5f, colors.timeline_cursor, 12);
  }

  auto step_at = [&](float mouse_x) {
    const float t = std::clamp((mouse_x - p0.x) / width, 0.0f, 0.999999f);
    return std::clamp<std::uint32_t>(static_cast<std::uint32_t>(t * static_cast<float>(step_count_)) + 1, 1, step_count_);
  };
  if (hovered) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("step %u", step_at(ImGui::GetIO().MousePos.x));
  }
  if (ImGui::IsItemActive()) {
    const std::uint32_t target = step_at(ImGui::GetIO().MousePos.x);
    if (target != *step) {
      *step = target;
      return true;
    }
  }
  return false;
}

}  // namespace cv::ui
