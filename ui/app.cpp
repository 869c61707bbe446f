// The closureviz app window. Layout (presentation mode keeps only the code and the diagram):
//
//   +--------------------------------------------------------------------------+
//   | File  Examples  View  Help                                     menu bar   |
//   | [Edit|Visualize]  |< < > >|  > play  speed   Step K of N   calls  bps    |  toolbar
//   | ▁▂▃▂▁▁▂▃▄▃▂▁ timeline: call depth over all steps, click or drag to jump    |
//   +-------------------------------+------------------------------------------+
//   | Program (code pane)           | explanation of the step                  |
//   |  → 3      return x + y        | Global frame        func inner(y)        |
//   |                               | f1: outer_function  [cell] ...           |
//   +-------------------------------+                                          |
//   | Output                        |                                          |
//   +-------------------------------+------------------------------------------+
#include "ui/app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/version.h"
#include "imgui.h"
#include "ui/builtin_examples.h"

namespace cv::ui {

namespace {

App* g_active_app = nullptr;

// This thread's CPU time in ms (wall time in the browser, which has no per-thread CPU clock).
double cpu_ms() {
#ifdef __EMSCRIPTEN__
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
#else
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
#endif
}

constexpr std::string_view kDefaultExample = "adder.py";
// Recording stops after this many steps (status "limit"); the steps so far stay viewable.
#ifdef __EMSCRIPTEN__
constexpr std::uint64_t kMaxSteps = 1'000'000;
constexpr std::uint64_t kStepsPerSlice = 5'000;      // VM instructions per slice; slices fill kRecordingTimePerFrame
#else
constexpr std::uint64_t kMaxSteps = 2'000'000;
constexpr std::uint64_t kStepsPerSlice = 1'000'000;
#endif

// How long a frame may spend recording: under the 50 ms that browsers count as a long task, so a
// long recording never freezes the page (measured in headless Chromium by tests/web, infinite_loop).
constexpr std::chrono::milliseconds kRecordingTimePerFrame{35};

const char* view_name(layout::ViewMode view) { return view == layout::ViewMode::Environment ? "env" : "cells"; }

bool read_text_file(const std::string& path, std::string* text, std::string* error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *error = path + " is a folder, not a file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path;
    return false;
  }
  std::ostringstream out;
  out << in.rdbuf();
  *text = std::move(out).str();
  if (text->size() > (4u << 20)) {
    *error = path + " is larger than 4 MB: not a program to step through";
    return false;
  }
  return true;
}

// A toolbar button that can be disabled; returns true when clicked.
bool tool_button(const char* label, bool enabled, const char* tooltip) {
  ImGui::BeginDisabled(!enabled);
  const bool clicked = ImGui::Button(label);
  ImGui::EndDisabled();
  if (tooltip && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tooltip);
  return clicked && enabled;
}

}  // namespace

App* active_app() { return g_active_app; }
void set_active_app(App* app) { g_active_app = app; }

App::App(Fonts fonts, Settings settings, PlatformHooks hooks)
    : fonts_(fonts), settings_(std::move(settings)), hooks_(std::move(hooks)) {
  ThemeKind theme = ThemeKind::Light;
  parse_theme(settings_.theme, &theme);
  set_theme(theme);
  view_ = settings_.view == "cells" ? layout::ViewMode::Cells : layout::ViewMode::Environment;
  code_ratio_ = settings_.code_ratio;
  // Start on the seed's example, already visualized: the first thing a learner sees is a diagram.
  for (const Example& example : builtin_examples()) {
    if (example.name == kDefaultExample) {
      program_name_ = std::string(example.name);
      std::string error;
      if (hooks_.record_example_at_start) load_program(std::string(example.source), &error);
      else editor_.set_text(std::string(example.source));
    }
  }
}

App::~App() {
  if (g_active_app == this) g_active_app = nullptr;
}

void App::set_theme(ThemeKind theme) {
  theme_ = theme;
  settings_.theme = theme_name(theme);
  apply_imgui_style(theme, settings_.font_scale);
}

// ---- Loading and the agreed API ----------------------------------------------------------------

bool App::load_program(std::string source, std::string* error) {
  playing_ = false;
  editor_.set_text(std::move(source));
  session_.reset();
  load_error_.clear();
  diagram_.clear();
  timeline_.clear();
  step_ = 0;
  pending_step_ = 0;
  // The first slice compiles (so a compile error is known now) and finishes most programs; a long
  // run goes on a slice per frame, with status "recording".
  pending_ = std::make_unique<RecordingInProgress>(editor_.text(), program_name_, kMaxSteps);
  pending_->resume(kStepsPerSlice);
  mode_ = Mode::Visualize;
  if (!pending_->finished()) return true;
  finish_loading();
  if (!load_error_.empty()) {
    if (error) *error = load_error_;
    return false;
  }
  return true;
}

void App::finish_recording() {
  if (!pending_) return;
  while (!pending_->resume(kStepsPerSlice)) {
  }
  finish_loading();
}

bool App::continue_recording(double milliseconds) {
  if (!pending_) return false;
  const auto start = std::chrono::steady_clock::now();
  const std::chrono::duration<double, std::milli> budget(milliseconds);
  bool done = false;
  do {
    done = pending_->resume(kStepsPerSlice);
  } while (!done && std::chrono::steady_clock::now() - start < budget);
  if (done) finish_loading();
  return !done;
}

void App::stop_recording() {
  if (!pending_) return;
  pending_->stop();
  finish_loading();
}

void App::finish_loading() {
  session_ = pending_->take();
  pending_.reset();
  if (!session_) return;
  if (session_->compile_error()) {
    // Stay in Edit mode with the message at its line: nothing to visualize.
    load_error_ = session_->message();
    mode_ = Mode::Edit;
    step_ = 0;
    return;
  }
  timeline_.build(*session_);
  mode_ = Mode::Visualize;
  step_ = 0;
  keep_places_ = false;
  set_step(pending_step_ ? pending_step_ : 1);
  pending_step_ = 0;
  diagram_.fit();
}

std::uint32_t App::step_count() const { return session_ ? session_->step_count() : 0; }

void App::set_step(std::uint32_t step) {
  if (pending_) {
    pending_step_ = step;
    return;
  }
  const std::uint32_t n = step_count();
  if (n == 0) {
    step_ = 0;
    return;
  }
  step = std::clamp<std::uint32_t>(step, 1, n);
  if (step == step_) return;
  step_ = step;
  keep_places_ = true;
  diagram_dirty_ = true;
  if (session_) editor_.reveal_line(session_->line(step_));
}

void App::set_view(layout::ViewMode view) {
  if (view == view_) return;
  view_ = view;
  settings_.view = view_name(view);
  keep_places_ = false;
  diagram_dirty_ = true;
}

void App::set_presentation(bool on) {
  if (on == presentation_) return;
  presentation_ = on;
  // Larger fonts while presenting; the normal scale comes back afterwards.
  static float saved_scale = 1.0f;
  if (on) {
    saved_scale = settings_.font_scale;
    set_font_scale(std::max(saved_scale * 1.5f, 1.5f));
  } else {
    set_font_scale(saved_scale);
  }
  if (hooks_.set_fullscreen) hooks_.set_fullscreen(on);
  diagram_.fit();
}

void App::set_font_scale(float scale) {
  if (!(scale == scale)) return;  // NaN from a script: ignore
  scale = std::clamp(scale, 0.5f, 3.0f);
  if (std::fabs(scale - settings_.font_scale) < 0.001f) return;
  settings_.font_scale = scale;
  fonts_dirty_ = true;
  apply_imgui_style(theme_, scale);
}

std::string App::state_json() const {
  using Json = nlohmann::json;
  const char* status = "ok";
  std::string message;
  if (!load_error_.empty()) {
    status = "error";
    message = load_error_;
  } else if (pending_) {
    status = "recording";
  } else if (session_) {
    switch (session_->status()) {
      case RunStatus::Ok: break;
      case RunStatus::Error: status = "error"; break;
      case RunStatus::Limit: status = "limit"; break;
    }
    message = session_->message();
  }
  Json state = {{"step", step_},
                {"step_count", step_count()},
                {"view", view_name(view_)},
                {"explanation", session_ && step_ > 0 ? session_->explain(step_) : std::string()},
                {"status", status},
                {"message", message}};
  // The step record is already JSON: splice it in rather than parse and re-serialise it.
  std::string out = state.dump(-1, ' ', false, Json::error_handler_t::replace);
  out.pop_back();
  out += ",\"record\":";
  out += session_ && step_ > 0 ? session_->step_record_json(step_) : std::string("null");
  out += '}';
  return out;
}

bool App::open_file(const std::string& path, std::string* error) {
  std::string text, message;
  if (!read_text_file(path, &text, &message)) {
    load_error_ = message;
    if (error) *error = message;
    return false;
  }
  file_path_ = path;
  program_name_ = std::filesystem::path(path).filename().string();
  remember_recent(path);
  settings_.last_dir = std::filesystem::path(path).parent_path().string();
  std::string compile_error;
  load_program(std::move(text), &compile_error);
  return true;  // a compile error is shown in the app; the file itself was read
}

void App::on_file_dropped(const std::string& path) {
  std::string error;
  if (!open_file(path, &error)) status_line_ = error;
}

void App::remember_recent(const std::string& path) {
  std::error_code ec;
  const std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
  auto& recent = settings_.recent;
  recent.erase(std::remove(recent.begin(), recent.end(), absolute), recent.end());
  recent.insert(recent.begin(), absolute);
  if (recent.size() > Settings::kMaxRecent) recent.resize(Settings::kMaxRecent);
}

void App::save_to(const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out || !(out << editor_.text()) || !out.flush()) {
    status_line_ = "Could not save " + path + ": nothing was written over it.";
    return;
  }
  file_path_ = path;
  program_name_ = std::filesystem::path(path).filename().string();
  remember_recent(path);
  editor_.clear_edited();
  status_line_ = "Saved " + path;
}

std::string App::dump_diagram_json() const {
  nlohmann::json source = editor_.text();
  // What the desktop tests read besides the diagram: the view state, and where the widgets are.
  nlohmann::json ui = {{"playing", playing_},
                       {"play_speed", play_speed_},
                       {"theme", theme_name(theme_)},
                       {"code_ratio", code_ratio_},
                       {"file", file_path_},
                       {"program_name", program_name_},
                       {"edited", editor_.edited()},
                       {"status_line", status_line_},
                       {"recent", settings_.recent},
                       {"dialog_open", file_dialog_.is_open()},
                       {"text_input", ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput},   // a text field has the keyboard
                       {"mouse", ImGui::GetCurrentContext() ? std::vector<float>{ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y} : std::vector<float>{}},
                       {"code_font_pixels", fonts_.code ? fonts_.code->FontSize : 0.0f},
                       {"font_global_scale", ImGui::GetCurrentContext() ? ImGui::GetIO().FontGlobalScale : 1.0f}};
  const CodeEditor::Geometry& g = editor_.geometry();
  // The theme's text colours with the background each is drawn on, as "#rrggbb" pairs: the tests
  // check their contrast (the projector theme must be readable on a washed-out projector).
  {
    auto hex = [](unsigned r, unsigned g, unsigned b) {
      char text[8];
      std::snprintf(text, sizeof text, "#%02x%02x%02x", r & 255u, g & 255u, b & 255u);
      return std::string(text);
    };
    auto rgba = [&](layout::Rgba v) { return hex(v >> 24, v >> 16, v >> 8); };
    auto col32 = [&](ImU32 v) { return hex(v >> IM_COL32_R_SHIFT, v >> IM_COL32_G_SHIFT, v >> IM_COL32_B_SHIFT); };
    auto vec4 = [&](const ImVec4& v) {
      return hex(unsigned(v.x * 255 + 0.5f), unsigned(v.y * 255 + 0.5f), unsigned(v.z * 255 + 0.5f));
    };
    const ThemeSet& t = colors();
    const layout::Theme& d = t.diagram;
    nlohmann::json pairs = {
        {"diagram text", {rgba(d.text), rgba(d.background)}},
        {"frame text", {rgba(d.text), rgba(d.frame_fill)}},
        {"frame title", {rgba(d.text), rgba(d.frame_header)}},
        {"object title", {rgba(d.text), rgba(d.object_header)}},
        {"function title", {rgba(d.text), rgba(d.function_header)}},
        {"cell title", {rgba(d.text), rgba(d.cell_header)}},
        {"inline value", {rgba(d.value_text), rgba(d.value_cell)}},
        {"greyed frame text", {rgba(d.text_muted), rgba(d.greyed_fill)}},
        {"gutter numbers", {col32(t.app.gutter_text), col32(t.app.gutter_bg)}},
        {"code on executed line", {vec4(t.app.tokens[0]), col32(t.app.executed_line_bg)}},
        {"code on next line", {vec4(t.app.tokens[0]), col32(t.app.next_line_bg)}},
        {"error message", {col32(t.app.error_text), col32(t.app.error_line_bg)}},
    };
    static const char* const kTokenNames[] = {"plain", "keyword", "builtin", "number", "string", "comment", "def name"};
    for (int k = 0; k < 7; ++k) pairs[std::string("code ") + kTokenNames[k]] = {vec4(t.app.tokens[k]), col32(t.app.code_bg)};
    if (ImGui::GetCurrentContext()) {
      const ImGuiStyle& style = ImGui::GetStyle();
      pairs["window text"] = {vec4(style.Colors[ImGuiCol_Text]), vec4(style.Colors[ImGuiCol_WindowBg])};
      pairs["button text"] = {vec4(style.Colors[ImGuiCol_Text]), vec4(style.Colors[ImGuiCol_Button])};
    }
    ui["text_colors"] = std::move(pairs);
  }
  ui["code_markers"] = {{"executed", last_markers_.executed_line},
                        {"next", last_markers_.next_line},
                        {"error_line", last_markers_.error_line},
                        {"error_message", last_markers_.error_message}};
  ui["code_lines"] = {{"gutter_x", g.gutter_x}, {"gutter_w", g.gutter_w}, {"text_x", g.text_x}, {"y", g.y}, {"line_height", g.line_height}};
  nlohmann::json widgets = nlohmann::json::object();
  for (const auto& [name, rect] : last_widgets_) widgets[name] = rect;
  ui["widgets"] = std::move(widgets);
  std::string out = "{\"state\":" + state_json() + ",\"mode\":\"" + (mode_ == Mode::Edit ? "edit" : "visualize") +
                    "\",\"breakpoints\":" + nlohmann::json(breakpoints_).dump() + ",\"font_scale\":" + std::to_string(settings_.font_scale) +
                    ",\"presentation\":" + (presentation_ ? "true" : "false") + ",\"source\":" + source.dump() +
                    ",\"ui\":" + ui.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ",\"diagram\":";
  const std::string drawn = diagram_.drawn_json();
  out += drawn.empty() ? "null" : drawn;
  out += "}\n";
  return out;
}

void App::note_widget(const char* name) {
  if (!record_widgets_) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  widgets_.push_back({name, {a.x, a.y, b.x - a.x, b.y - a.y}});
}

// ---- Navigation ------------------------------------------------------------------------------------

std::uint32_t App::find_step(bool forward, const std::function<bool(std::uint32_t)>& match) const {
  const std::uint32_t n = step_count();
  if (forward) {
    for (std::uint32_t s = step_ + 1; s <= n; ++s)
      if (match(s)) return s;
  } else {
    for (std::uint32_t s = step_; s-- > 1;)
      if (match(s)) return s;
  }
  return 0;
}

// The next (or previous) call or return of the function running at the current step: the same
// code, whichever of its frames (recursion included).
void App::jump_call_or_return(bool forward) {
  if (!session_ || step_ == 0) return;
  const Recording& rec = session_->recording();
  const std::uint32_t code = rec.frame(session_->fid(step_)).code;
  const std::uint32_t target = find_step(forward, [&](std::uint32_t s) {
    const StepMark m = session_->mark(s);
    return (m == StepMark::Call || m == StepMark::Return) && rec.frame(session_->fid(s)).code == code;
  });
  if (target) set_step(target);
}

std::vector<std::uint32_t> App::breakpoint_steps() const {
  std::vector<std::uint32_t> steps;
  if (!session_ || breakpoints_.empty()) return steps;
  // Capped: the timeline shows where they are, it does not need every one of a million.
  for (std::uint32_t s = 1; s <= step_count() && steps.size() < 4096; ++s) {
    if (session_->mark(s) == StepMark::None && breakpoints_.count(session_->line(s))) steps.push_back(s);
  }
  return steps;
}

void App::jump_breakpoint(bool forward) {
  if (!session_ || breakpoints_.empty()) return;
  const std::uint32_t target = find_step(forward, [&](std::uint32_t s) {
    return session_->mark(s) == StepMark::None && breakpoints_.count(session_->line(s)) > 0;
  });
  if (target) set_step(target);
  else status_line_ = forward ? "No breakpoint line runs after this step." : "No breakpoint line ran before this step.";
}

void App::toggle_breakpoint(int line) {
  if (!breakpoints_.erase(line)) breakpoints_.insert(line);
}

void App::visualize() {
  std::string error;
  const std::string text = editor_.text();
  const auto saved_breakpoints = breakpoints_;
  load_program(text, &error);
  breakpoints_ = saved_breakpoints;
}

void App::advance_playback() {
  if (!playing_) return;
  if (mode_ != Mode::Visualize || step_ >= step_count()) {
    playing_ = false;
    return;
  }
  play_accumulator_ += ImGui::GetIO().DeltaTime * play_speed_;
  while (play_accumulator_ >= 1.0 && step_ < step_count()) {
    play_accumulator_ -= 1.0;
    set_step(step_ + 1);
    // Playing stops at a breakpoint line, as a debugger's "continue" would.
    if (session_->mark(step_) == StepMark::None && breakpoints_.count(session_->line(step_))) {
      playing_ = false;
      break;
    }
  }
}

void App::handle_keys() {
  const ImGuiIO& io = ImGui::GetIO();
  auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
  auto pressed_index = [](int key_index) { return key_index >= 0 && ImGui::IsKeyPressed(key_index); };
  // Font size and presentation work everywhere, even while typing.
  if (io.KeyCtrl && (pressed_index(hooks_.key_equals) || pressed_index(hooks_.key_kp_plus))) set_font_scale(settings_.font_scale * 1.1f);
  if (io.KeyCtrl && (pressed_index(hooks_.key_minus) || pressed_index(hooks_.key_kp_minus))) set_font_scale(settings_.font_scale / 1.1f);
  if (io.KeyCtrl && pressed_index(hooks_.key_0)) set_font_scale(1.0f);
  if (io.KeyCtrl && pressed_index(hooks_.key_q) && hooks_.quit) hooks_.quit();
  if (hooks_.key_f5 >= 0 && ImGui::IsKeyPressed(hooks_.key_f5, false)) set_presentation(!presentation_);
  if (presentation_ && pressed(ImGuiKey_Escape)) set_presentation(false);
  if (io.KeyCtrl && pressed(ImGuiKey_Enter)) {
    if (mode_ == Mode::Edit) {
      visualize();
    } else {
      mode_ = Mode::Edit;
      playing_ = false;
      editor_.focus();
    }
  }
#ifndef __EMSCRIPTEN__
  if (io.KeyCtrl && pressed_index(hooks_.key_o)) file_dialog_.open(FileDialog::Purpose::Open, settings_.last_dir);
  if (io.KeyCtrl && pressed_index(hooks_.key_s)) {
    if (file_path_.empty()) file_dialog_.open(FileDialog::Purpose::Save, settings_.last_dir, program_name_);
    else save_to(file_path_);
  }
#endif
  // Stepping keys only while no text field has the keyboard (the editor needs arrows and Space).
  if (io.WantTextInput || mode_ != Mode::Visualize || step_count() == 0) return;
  if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_PageDown)) set_step(step_ + 1);
  if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_PageUp)) set_step(step_ - 1);
  if (pressed(ImGuiKey_Home)) set_step(1);
  if (pressed(ImGuiKey_End)) set_step(step_count());
  if (pressed(ImGuiKey_Space)) {
    if (step_ >= step_count()) set_step(1);
    playing_ = !playing_;
  }
}

void App::refresh_diagram(bool keep_places) {
  if (!session_ || step_ == 0) {
    diagram_.clear();
    return;
  }
  diagram_.show(session_->model(step_, view_), keep_places, fonts_.diagram ? fonts_.diagram : fonts_.code);
}

// ---- Drawing --------------------------------------------------------------------------------------

void App::draw() {
  widgets_.clear();
  continue_recording(kRecordingTimePerFrame.count());
  handle_keys();
  advance_playback();
  last_layout_ms_ = last_diagram_draw_ms_ = 0;
  if (diagram_dirty_) {
    const double start = cpu_ms();
    refresh_diagram(keep_places_);
    last_layout_ms_ = cpu_ms() - start;
    diagram_dirty_ = false;
    keep_places_ = true;
  }

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!presentation_) flags |= ImGuiWindowFlags_MenuBar;
  ImGui::Begin("closureviz", nullptr, flags);
  if (!presentation_) {
    draw_menu_bar();
    draw_toolbar();
    std::uint32_t step = step_;
    if (mode_ == Mode::Visualize && timeline_.draw(ImGui::GetFrameHeight() * 1.3f, &step, breakpoint_steps(), colors().app)) {
      set_step(step);
      playing_ = false;
    }
    if (mode_ == Mode::Visualize) note_widget("timeline");
    draw_error_banner();
  }

  const ImGuiStyle& style = ImGui::GetStyle();
  const float height = ImGui::GetContentRegionAvail().y;
  const float total_width = ImGui::GetContentRegionAvail().x;
  const float code_width = std::floor(total_width * std::clamp(code_ratio_, 0.2f, 0.7f));
  draw_code_column(code_width, height);
  // A splitter between the columns: drag to give the code or the diagram more room.
  ImGui::SameLine(0, 0);
  ImGui::InvisibleButton("splitter", ImVec2(style.ItemSpacing.x, height));
  note_widget("splitter");
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (ImGui::IsItemActive() && total_width > 0) {
    code_ratio_ = std::clamp(code_ratio_ + ImGui::GetIO().MouseDelta.x / total_width, 0.2f, 0.7f);
    settings_.code_ratio = code_ratio_;
  }
  ImGui::SameLine(0, 0);
  draw_diagram_column(height);
  ImGui::End();

#ifndef __EMSCRIPTEN__
  std::string chosen;
  if (file_dialog_.draw(&chosen)) {
    settings_.last_dir = file_dialog_.directory();
    if (file_dialog_.purpose() == FileDialog::Purpose::Open) on_file_dropped(chosen);
    else save_to(chosen);
  }
#endif
  if (record_widgets_) last_widgets_.swap(widgets_);
}

void App::draw_menu_bar() {
  if (!ImGui::BeginMenuBar()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, colors().app.accent);
  ImGui::TextUnformatted("closureviz");
  ImGui::PopStyleColor();
  // A menu of the bar; its title's place is noted while it is closed (a test clicks it open).
  auto menu = [this](const char* label, const char* widget) {
    const bool open = ImGui::BeginMenu(label);
    if (!open) note_widget(widget);
    return open;
  };
#ifndef __EMSCRIPTEN__
  if (menu("File", "menu_file")) {
    if (ImGui::MenuItem("Open...", "Ctrl+O")) file_dialog_.open(FileDialog::Purpose::Open, settings_.last_dir);
    note_widget("menu_open");
    if (ImGui::MenuItem("Save", "Ctrl+S")) {
      if (file_path_.empty()) file_dialog_.open(FileDialog::Purpose::Save, settings_.last_dir, program_name_);
      else save_to(file_path_);
    }
    if (ImGui::MenuItem("Save as...")) file_dialog_.open(FileDialog::Purpose::Save, settings_.last_dir, program_name_);
    note_widget("menu_save_as");
    const bool recent_open = ImGui::BeginMenu("Open recent", !settings_.recent.empty());
    if (!recent_open) note_widget("menu_recent");
    if (recent_open) {
      std::string pick;
      for (std::size_t i = 0; i < settings_.recent.size(); ++i) {
        if (ImGui::MenuItem(settings_.recent[i].c_str())) pick = settings_.recent[i];
        note_widget(i == 0 ? "recent_0" : i == 1 ? "recent_1" : "recent_more");
      }
      ImGui::EndMenu();
      if (!pick.empty()) on_file_dropped(pick);
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q") && hooks_.quit) hooks_.quit();
    ImGui::EndMenu();
  }
#endif
  if (ImGui::BeginMenu("Examples")) {
    for (const Example& example : builtin_examples()) {
      const std::string name(example.name);
      if (ImGui::MenuItem(name.c_str(), nullptr, name == program_name_ && file_path_.empty())) {
        file_path_.clear();
        program_name_ = name;
        breakpoints_.clear();
        std::string error;
        load_program(std::string(example.source), &error);
      }
    }
    ImGui::EndMenu();
  }
  if (menu("View", "menu_view")) {
    if (ImGui::MenuItem("Environment diagram", nullptr, view_ == layout::ViewMode::Environment)) set_view(layout::ViewMode::Environment);
    if (ImGui::MenuItem("Cells (CPython)", nullptr, view_ == layout::ViewMode::Cells)) set_view(layout::ViewMode::Cells);
    ImGui::Separator();
    for (ThemeKind kind : {ThemeKind::Light, ThemeKind::Dark, ThemeKind::Projector}) {
      const char* label = kind == ThemeKind::Light ? "Light theme" : kind == ThemeKind::Dark ? "Dark theme" : "Projector (high contrast)";
      if (ImGui::MenuItem(label, nullptr, theme_ == kind)) set_theme(kind);
      note_widget(kind == ThemeKind::Light ? "theme_light" : kind == ThemeKind::Dark ? "theme_dark" : "theme_projector");
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Larger text", "Ctrl +")) set_font_scale(settings_.font_scale * 1.1f);
    if (ImGui::MenuItem("Smaller text", "Ctrl -")) set_font_scale(settings_.font_scale / 1.1f);
    float scale = settings_.font_scale;
    ImGui::SetNextItemWidth(160);
    if (ImGui::SliderFloat("Text size", &scale, 0.5f, 3.0f, "%.2fx")) set_font_scale(scale);
    ImGui::Separator();
    if (ImGui::MenuItem("Fit diagram to window")) diagram_.fit();
    if (ImGui::MenuItem("Presentation mode", "F5", presentation_)) set_presentation(!presentation_);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::TextDisabled("closureviz %s", cv::version());
    ImGui::Separator();
    ImGui::TextUnformatted("Left / Right, PageUp / PageDown   step back / forward");
    ImGui::TextUnformatted("Home / End                        first / last step");
    ImGui::TextUnformatted("Space                             play / pause");
    ImGui::TextUnformatted("Ctrl+Enter                        Edit <-> Visualize");
    ImGui::TextUnformatted("F5 (Esc to leave)                 presentation mode");
    ImGui::TextUnformatted("Click a line number               breakpoint");
    ImGui::TextUnformatted("Drag, wheel / Ctrl+wheel           pan, scroll / zoom the diagram");
    ImGui::EndMenu();
  }
  // The program's name on the right, with a dot while it has unsaved edits.
  const std::string title = program_name_ + (editor_.edited() ? " *" : "");
  const float w = ImGui::CalcTextSize(title.c_str()).x;
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w - 8);
  ImGui::TextDisabled("%s", title.c_str());
  ImGui::EndMenuBar();
}

void App::draw_toolbar() {
  const AppColors& c = colors().app;
  // Edit / Visualize: a two-button switch.
  auto mode_button = [&](const char* label, bool active) {
    if (active) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.accent));
    }
    const bool clicked = ImGui::Button(label);
    if (active) ImGui::PopStyleColor(2);
    return clicked && !active;
  };
  const bool edit_clicked = mode_button("Edit code", mode_ == Mode::Edit);
  note_widget("edit");
  if (edit_clicked) {
    mode_ = Mode::Edit;
    playing_ = false;
    editor_.focus();
  }
  ImGui::SameLine(0, 2);
  const bool visualize_clicked = mode_button("Visualize", mode_ == Mode::Visualize);
  note_widget("visualize");
  if (visualize_clicked) visualize();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run the program and record every step (Ctrl+Enter)");

  const bool stepping = mode_ == Mode::Visualize && step_count() > 0;
  const std::uint32_t n = step_count();
  ImGui::SameLine(0, 18);
  if (tool_button("|<", stepping && step_ > 1, "First step (Home)")) set_step(1);
  note_widget("first");
  ImGui::SameLine(0, 2);
  if (tool_button("< Back", stepping && step_ > 1, "Previous step (Left, PageUp)")) set_step(step_ - 1);
  note_widget("back");
  ImGui::SameLine(0, 2);
  if (tool_button("Forward >", stepping && step_ < n, "Next step (Right, PageDown)")) set_step(step_ + 1);
  note_widget("forward");
  ImGui::SameLine(0, 2);
  if (tool_button(">|", stepping && step_ < n, "Last step (End)")) set_step(n);
  note_widget("last");
  ImGui::SameLine(0, 12);
  if (tool_button(playing_ ? "Pause" : "Play", stepping, "Play / pause (Space)")) {
    if (!playing_ && step_ >= n) set_step(1);
    playing_ = !playing_;
    play_accumulator_ = 0;
  }
  note_widget("play");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::SliderFloat("##speed", &play_speed_, 0.5f, 30.0f, "%.1f steps/s", ImGuiSliderFlags_Logarithmic);
  note_widget("speed");

  ImGui::SameLine(0, 14);
  if (stepping) ImGui::Text("Step %u of %u", step_, n);
  else ImGui::TextDisabled("Step - of -");

  ImGui::SameLine(0, 14);
  if (tool_button("<< call", stepping, "Previous call or return of the function running now")) jump_call_or_return(false);
  note_widget("previous_call");
  ImGui::SameLine(0, 2);
  if (tool_button("call >>", stepping, "Next call or return of the function running now")) jump_call_or_return(true);
  note_widget("next_call");
  ImGui::SameLine(0, 10);
  const bool have_breakpoints = stepping && !breakpoints_.empty();
  if (tool_button("<< break", have_breakpoints, "Back to the previous breakpoint (click line numbers to set)")) jump_breakpoint(false);
  note_widget("previous_breakpoint");
  ImGui::SameLine(0, 2);
  if (tool_button("break >>", have_breakpoints, "Run to the next breakpoint")) jump_breakpoint(true);
  note_widget("next_breakpoint");

}

void App::draw_error_banner() {
  const AppColors& c = colors().app;
  if (!load_error_.empty() && mode_ == Mode::Edit) {
    ImGui::PushStyleColor(ImGuiCol_Text, c.error_text);
    ImGui::TextWrapped("%s", load_error_.c_str());
    ImGui::PopStyleColor();
  } else if (mode_ == Mode::Visualize && session_ && session_->status() == RunStatus::Limit) {
    // The steps so far are all there; say why there are no more.
    ImGui::PushStyleColor(ImGuiCol_Text, c.timeline_return);
    ImGui::TextWrapped("Recording %s. The steps recorded so far can be explored.", session_->message().c_str());
    ImGui::PopStyleColor();
  }
}

void App::draw_code_column(float width, float height) {
  const AppColors& c = colors().app;
  ImGui::BeginGroup();
  const float output_h = presentation_ ? 0.0f : std::max(ImGui::GetTextLineHeightWithSpacing() * 4.5f, height * 0.26f);
  const float code_h = height - output_h - (presentation_ ? 0.0f : ImGui::GetStyle().ItemSpacing.y);

  CodeMarkers markers;
  markers.breakpoints = &breakpoints_;
  if (mode_ == Mode::Visualize && session_ && step_ > 0) {
    // As in Python Tutor: the line just executed (the previous step's) and the line about to run
    // (this step's); at a return, the returning line is the one just executed.
    const StepMark mark = session_->mark(step_);
    if (mark == StepMark::Return) {
      markers.executed_line = session_->line(step_);
      markers.next_line = step_ < step_count() ? session_->line(step_ + 1) : 0;
    } else {
      markers.next_line = session_->line(step_);
      // After a call, what just ran is the caller's line that made the call.
      std::uint32_t previous = step_ - 1;
      if (previous >= 1 && session_->mark(previous) == StepMark::Call) --previous;
      markers.executed_line = previous >= 1 ? session_->line(previous) : 0;
    }
    if (session_->status() == RunStatus::Error && (mark == StepMark::Exception || step_ == step_count())) {
      markers.error_line = session_->line(step_);
      markers.error_message = step_ == step_count() ? session_->message() : std::string();
      if (markers.error_message.empty()) {
        const StepView view(session_->recording(), step_);
        if (auto exc = view.exception()) markers.error_message = std::string(exc->first) + ": " + std::string(exc->second);
      }
    }
  } else if (mode_ == Mode::Edit && session_ && session_->compile_error() && !editor_.edited()) {
    markers.error_line = session_->error_line();
    markers.error_message = session_->message();
  }
  last_markers_ = markers;
  last_markers_.breakpoints = nullptr;
  const int clicked = editor_.draw(ImVec2(width, code_h), mode_ == Mode::Edit, markers, c, fonts_.code);
  if (clicked > 0) toggle_breakpoint(clicked);

  if (!presentation_) draw_output(output_h);
  ImGui::EndGroup();
}

void App::draw_output(float height) {
  const AppColors& c = colors().app;
  ImGui::BeginChild("output", ImVec2(ImGui::GetItemRectSize().x, height), true);
  ImGui::TextDisabled("Output");
  if (!status_line_.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("  %s", status_line_.c_str());
  }
  ImGui::Separator();
  ImGui::PushFont(fonts_.code);
  if (session_ && step_ > 0 && mode_ == Mode::Visualize) {
    const std::string_view out = session_->stdout_at(step_);
    ImGui::TextUnformatted(out.data(), out.data() + out.size());
    // The exception CPython prints, at the step where the program dies.
    if (step_ == step_count() && session_->status() != RunStatus::Ok) {
      ImGui::PushStyleColor(ImGuiCol_Text, c.error_text);
      const std::string& report = session_->status() == RunStatus::Error ? session_->error_report() : session_->message();
      ImGui::TextUnformatted(report.c_str());
      ImGui::PopStyleColor();
    }
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1) ImGui::SetScrollHereY(1.0f);
  } else if (session_ && session_->compile_error()) {
    ImGui::PushStyleColor(ImGuiCol_Text, c.error_text);
    ImGui::TextUnformatted(session_->error_report().c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopFont();
  ImGui::EndChild();
}

void App::draw_diagram_column(float height) {
  const AppColors& c = colors().app;
  const ThemeSet& theme = colors();
  ImGui::BeginGroup();
  const float width = ImGui::GetContentRegionAvail().x;
  // The explanation: one sentence about this step, above the diagram.
  std::string sentence;
  if (mode_ == Mode::Visualize && session_ && step_ > 0) sentence = session_->explain(step_);
  else if (pending_) sentence = "Recording the run...";
  else if (mode_ == Mode::Edit) sentence = "Editing. Press Visualize (Ctrl+Enter) to run the program and step through it.";
  ImGui::PushStyleColor(ImGuiCol_ChildBg, c.header_bg);
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const float explain_h = line_h * (presentation_ ? 1.6f : 2.2f) + ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("explanation", ImVec2(width, explain_h), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2);
  if (presentation_ && step_count() > 0) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.accent), "%u/%u", step_, step_count());
    ImGui::SameLine();
  }
  ImGui::TextWrapped("%s", sentence.c_str());
  ImGui::EndChild();
  ImGui::PopStyleColor();

  if (!presentation_) {
    // The view switch and zoom, in a row above the diagram they act on.
    const float row_x = ImGui::GetCursorPosX();
    int view = view_ == layout::ViewMode::Environment ? 0 : 1;
    if (ImGui::RadioButton("Environment diagram", &view, 0)) set_view(layout::ViewMode::Environment);
    note_widget("view_env");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The teaching model: functions point to the frame they were defined in");
    ImGui::SameLine(0, 16);
    if (ImGui::RadioButton("Cells (CPython)", &view, 1)) set_view(layout::ViewMode::Cells);
    note_widget("view_cells");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("What CPython does: closures hold cells, frames and closures share them");
    const float zoom_w = ImGui::CalcTextSize("-  Fit  +").x + ImGui::GetStyle().FramePadding.x * 6 + 8;
    ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX() + 8, row_x + width - zoom_w));
    if (tool_button("-", mode_ == Mode::Visualize, "Zoom out (Ctrl+wheel on the diagram)")) diagram_.zoom_by(1 / 1.2f);
    note_widget("zoom_out");
    ImGui::SameLine(0, 2);
    if (tool_button("Fit", mode_ == Mode::Visualize && !diagram_.auto_fit(), "Fit the diagram to the window")) diagram_.fit();
    note_widget("fit");
    ImGui::SameLine(0, 2);
    if (tool_button("+", mode_ == Mode::Visualize, "Zoom in (Ctrl+wheel on the diagram)")) diagram_.zoom_by(1.2f);
    note_widget("zoom_in");
  }
  const float diagram_h = ImGui::GetContentRegionAvail().y;
  diagram_.set_max_fit_scale(1.25f * settings_.font_scale);
  if (mode_ == Mode::Visualize && !diagram_.empty()) {
    const double start = cpu_ms();
    diagram_.draw(ImVec2(width, diagram_h), theme.diagram, fonts_.diagram ? fonts_.diagram : fonts_.code);
    last_diagram_draw_ms_ = cpu_ms() - start;
  } else {
    // No diagram (editing, or nothing recorded): a calm empty canvas with a hint.
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, diagram_h));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + diagram_h), layout::to_imgui_color(theme.diagram.background), 4.0f);
    const char* hint = load_error_.empty() ? "The diagram appears when you press Visualize." : "Fix the error marked in the code, then press Visualize.";
    const ImVec2 size = ImGui::CalcTextSize(hint);
    draw->AddText(ImVec2(p0.x + (width - size.x) / 2, p0.y + (diagram_h - size.y) / 2), layout::to_imgui_color(theme.diagram.text_muted), hint);
  }
  ImGui::EndGroup();
}

}  // namespace cv::ui
