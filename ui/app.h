// The closureviz app window: everything drawn inside one frame, independent of SDL, GL and the browser.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ui/code_editor.h"
#include "ui/diagram_view.h"
#include "ui/file_dialog.h"
#include "ui/fonts.h"
#include "ui/layout/diagram_model.h"
#include "ui/program_session.h"
#include "ui/settings.h"
#include "ui/themes.h"
#include "ui/timeline.h"

namespace cv::ui {

// What the platform layer (ui/main.cpp) does for the app.
struct PlatformHooks {
  std::function<void(bool)> set_fullscreen;  // presentation mode
  std::function<void()> quit;
  // io.KeysDown indexes of keys ImGui 1.86 has no ImGuiKey for (the SDL backend indexes by scancode).
  int key_f5 = -1, key_equals = -1, key_minus = -1, key_kp_plus = -1, key_kp_minus = -1, key_0 = -1, key_o = -1, key_s = -1, key_q = -1;
  // Record the built-in example at start (desktop). The browser page loads its own first program
  // right after the first frame, so there the example is only put in the editor: recording it would
  // delay the first frame by the interpreter's start-up for a program nobody sees.
  bool record_example_at_start = true;
};

// View state only: the program's source, the const recording of its run (ProgramSession) and
// how the user looks at it (step, view, zoom, selection, breakpoints). The app never owns or
// mutates interpreter state.
class App {
 public:
  App(Fonts fonts, Settings settings, PlatformHooks hooks);
  ~App();

  // Draws one frame of the UI into the current ImGui context, filling the whole viewport.
  void draw();

  // ---- The agreed API (also used by ui/web_api.cpp) ---------------------------------------
  // Compiles and records `source`. On a compile error returns false with CPython's message
  // (also shown in the app, which stays in Edit mode); a runtime error still records the steps
  // up to it and returns true.
  bool load_program(std::string source, std::string* error);
  // The file name the program runs as (tracebacks, the title): set by whoever supplies the source.
  void set_program_name(std::string name) { program_name_ = std::move(name); }
  void set_step(std::uint32_t step);   // clamped to 1..step_count (steps numbered as in the trace export)
  std::uint32_t step() const { return step_; }
  std::uint32_t step_count() const;
  void set_view(layout::ViewMode view);
  layout::ViewMode view() const { return view_; }
  // {"step":K,"step_count":N,"view":"env"|"cells","explanation":"...","status":"ok"|"error"|"limit"|"recording",
  //  "message":"...","record":<the trace-format step record of step K, or null>}
  std::string state_json() const;
  // Stops a recording in progress (status "recording"); the steps so far stay viewable ("limit").
  void stop_recording();
  // Records for about `milliseconds` more (each frame does this too; the page also calls it between
  // frames so that recording does not wait for the display). Returns true while not finished.
  bool continue_recording(double milliseconds);
  // The source of the loaded program ("" when none): the page's share links carry it.
  std::string_view program_source() const { return session_ ? session_->source() : std::string_view(); }
  void set_presentation(bool on);
  bool presentation() const { return presentation_; }
  void set_font_scale(float scale);   // 0.5 .. 3; the platform rebuilds the font atlas
  float font_scale() const { return settings_.font_scale; }

  // ---- Desktop and tests ---------------------------------------------------------------------
  // Reads FILE and loads it (its name shown in the title); false with a message if unreadable.
  bool open_file(const std::string& path, std::string* error);
  // Completes a recording still in progress at once (scripted runs need every step before --step).
  void finish_recording();
  bool recording() const { return pending_ != nullptr; }
  void set_theme(ThemeKind theme);
  // The drawn diagram of the last frame as JSON (--dump-diagram), with the app's state.
  std::string dump_diagram_json() const;
  void set_record_drawn(bool on) {
    diagram_.set_record_drawn(on);
    record_widgets_ = on;
  }
  // Font atlas rebuild requested by set_font_scale (the platform calls take_font_request, rebuilds
  // and hands the new fonts back with set_fonts).
  bool take_font_request() {
    const bool wanted = fonts_dirty_;
    fonts_dirty_ = false;
    return wanted;
  }
  void set_fonts(Fonts fonts) { fonts_ = fonts; diagram_dirty_ = true; }
  const Settings& settings() const { return settings_; }
  Settings& settings() { return settings_; }
  // A file dropped on the window.
  void on_file_dropped(const std::string& path);
  // CPU time (ms) the last frame spent laying out the diagram (0 when nothing changed) and building
  // its draw list (benchmarks: --scrub, --bench-frames).
  double last_layout_ms() const { return last_layout_ms_; }
  double last_diagram_draw_ms() const { return last_diagram_draw_ms_; }

 private:
  enum class Mode { Edit, Visualize };

  void draw_menu_bar();
  void draw_toolbar();
  void draw_code_column(float width, float height);
  void draw_diagram_column(float height);
  void draw_output(float height);
  void draw_error_banner();
  void handle_keys();
  void advance_playback();
  void visualize();             // Edit -> Visualize: record the editor's text
  void refresh_diagram(bool keep_places);
  void finish_loading();        // the recording is complete: show its first step
  std::vector<std::uint32_t> breakpoint_steps() const;
  std::uint32_t find_step(bool forward, const std::function<bool(std::uint32_t)>& match) const;
  void jump_call_or_return(bool forward);
  void jump_breakpoint(bool forward);
  void toggle_breakpoint(int line);
  void save_to(const std::string& path);
  void remember_recent(const std::string& path);
  const ThemeSet& colors() const { return theme_colors(theme_); }
  // Test hook: remembers where the last ImGui item was drawn, under `name` (--dump-diagram writes
  // them, so a desktop test can click the real widgets).
  void note_widget(const char* name);

  Fonts fonts_;
  Settings settings_;
  PlatformHooks hooks_;
  ThemeKind theme_ = ThemeKind::Light;

  std::unique_ptr<ProgramSession> session_;   // null until a program is loaded
  std::unique_ptr<RecordingInProgress> pending_;  // a recording still being made, a slice per frame
  std::uint32_t pending_step_ = 0;            // set_step() while recording: applied when it is done
  Mode mode_ = Mode::Edit;
  std::uint32_t step_ = 0;
  layout::ViewMode view_ = layout::ViewMode::Environment;
  std::set<int> breakpoints_;
  bool playing_ = false;
  float play_speed_ = 4.0f;       // steps per second
  double play_accumulator_ = 0;
  bool presentation_ = false;
  bool fonts_dirty_ = false;
  bool diagram_dirty_ = true;     // the diagram must be laid out again (step, view or font changed)
  bool keep_places_ = false;      // ... and may keep the previous step's object places

  CodeEditor editor_;
  DiagramView diagram_;
  Timeline timeline_;
  FileDialog file_dialog_;
  std::string file_path_;         // the open file ("" for an example or new text)
  std::string program_name_ = "adder.py";
  std::string load_error_;        // a compile error (shown in place) or an unreadable file
  std::string status_line_;       // transient messages ("Saved ...")
  float code_ratio_ = 0.36f;      // width of the code column
  double last_layout_ms_ = 0, last_diagram_draw_ms_ = 0;
  bool record_widgets_ = false;   // note_widget() records (tests only)
  using Widgets = std::vector<std::pair<std::string, std::array<float, 4>>>;
  Widgets widgets_;               // name, [x, y, w, h] on screen, for the frame being drawn
  Widgets last_widgets_;          // ... and for the last frame drawn
  CodeMarkers last_markers_;      // the code pane's markers in the last frame drawn (for the test dump)
};

// The app of this process (set by ui/main.cpp), for the browser's JavaScript API.
App* active_app();
void set_active_app(App* app);

}  // namespace cv::ui
