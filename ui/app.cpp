// The closureviz app window. Layout:
//
//   +--------------------------------------------------------------+
//   | closureviz <version>                        [example picker] |  header
//   +------------------------------+-------------------------------+
//   | Program                      | Scopes                        |
//   |  1  def outer_function(x):   |  (frames, cells and closures  |
//   |  2      def inner_function.. |   of the current step)        |
//   +------------------------------+-------------------------------+
#include "ui/app.h"

#include <string>
#include <string_view>

#include "core/version.h"
#include "imgui.h"
#include "ui/builtin_examples.h"
#include "ui/python_highlight.h"

namespace cv::ui {

namespace {

constexpr std::string_view kDefaultExample = "adder.py";

// Colours (RGBA): a dark theme with a few accents.
constexpr ImU32 kColorHeaderBg = IM_COL32(30, 34, 44, 255);
constexpr ImU32 kColorAccent = IM_COL32(120, 190, 255, 255);

ImVec4 token_color(TokenKind kind) {
  switch (kind) {
    case TokenKind::kKeyword: return ImVec4(0.80f, 0.56f, 0.95f, 1.0f);
    case TokenKind::kBuiltin: return ImVec4(0.45f, 0.80f, 0.95f, 1.0f);
    case TokenKind::kNumber: return ImVec4(0.95f, 0.70f, 0.40f, 1.0f);
    case TokenKind::kString: return ImVec4(0.60f, 0.85f, 0.50f, 1.0f);
    case TokenKind::kComment: return ImVec4(0.50f, 0.55f, 0.60f, 1.0f);
    case TokenKind::kDefName: return ImVec4(0.98f, 0.85f, 0.45f, 1.0f);
    case TokenKind::kPlain: break;
  }
  return ImVec4(0.88f, 0.90f, 0.92f, 1.0f);
}

}  // namespace

App::App(Fonts fonts) : fonts_(fonts) {
  const auto examples = builtin_examples();
  for (std::size_t i = 0; i < examples.size(); ++i) {
    if (examples[i].name == kDefaultExample) example_ = i;
  }
  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 0.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.WindowPadding = ImVec2(10, 10);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.13f, 1.0f);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0.12f, 0.13f, 0.17f, 1.0f);
}

void App::draw() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("closureviz", nullptr, kFlags);
  draw_header();

  const float pane_width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  ImGui::BeginChild("program", ImVec2(pane_width, 0), true);
  draw_code_pane();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("scopes", ImVec2(0, 0), true);
  draw_scopes_pane();
  ImGui::EndChild();

  ImGui::End();
}

void App::draw_header() {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float height = ImGui::GetFrameHeight() + 12.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(pos, ImVec2(pos.x + ImGui::GetContentRegionAvail().x, pos.y + height), kColorHeaderBg, 4.0f);

  ImGui::SetCursorScreenPos(ImVec2(pos.x + 10.0f, pos.y + 6.0f + ImGui::GetStyle().FramePadding.y));
  ImGui::PushStyleColor(ImGuiCol_Text, kColorAccent);
  ImGui::TextUnformatted("closureviz");
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", cv::version());

  const auto examples = builtin_examples();
  const float combo_width = 220.0f;
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - combo_width - 10.0f);
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, pos.y + 6.0f));
  ImGui::SetNextItemWidth(combo_width);
  const std::string current(examples[example_].name);
  if (ImGui::BeginCombo("##example", current.c_str())) {
    for (std::size_t i = 0; i < examples.size(); ++i) {
      const std::string name(examples[i].name);
      if (ImGui::Selectable(name.c_str(), i == example_)) example_ = i;
    }
    ImGui::EndCombo();
  }
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height + ImGui::GetStyle().ItemSpacing.y));
}

void App::draw_code_pane() {
  ImGui::TextDisabled("Program");
  ImGui::Separator();
  ImGui::PushFont(fonts_.code);
  std::string_view source = builtin_examples()[example_].source;
  int line_no = 1;
  while (!source.empty()) {
    const std::size_t eol = source.find('\n');
    const std::string_view line = source.substr(0, eol);
    source = (eol == std::string_view::npos) ? std::string_view() : source.substr(eol + 1);

    ImGui::TextDisabled("%3d ", line_no++);
    for (const Span& span : highlight_python_line(line)) {
      ImGui::SameLine(0.0f, 0.0f);
      ImGui::PushStyleColor(ImGuiCol_Text, token_color(span.kind));
      ImGui::TextUnformatted(span.text.data(), span.text.data() + span.text.size());
      ImGui::PopStyleColor();
    }
  }
  ImGui::PopFont();
}

void App::draw_scopes_pane() {
  ImGui::TextDisabled("Scopes");
  ImGui::Separator();
  ImGui::Spacing();
  ImGui::TextWrapped(
      "Frames, cells and closures of the current step will appear here once the "
      "interpreter is wired in.");
  if (builtin_examples()[example_].name == kDefaultExample) {
    ImGui::Spacing();
    ImGui::BulletText("outer_function(5) returns inner_function");
    ImGui::BulletText("inner_function keeps x = 5 in a cell");
    ImGui::BulletText("add_5(3) reads x from that cell: 8");
  }
}

}  // namespace cv::ui
