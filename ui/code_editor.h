// The code pane: Python source with line numbers, colouring, step markers, breakpoints and (in Edit mode) an editor.
#pragma once

#include <set>
#include <string>

#include "imgui.h"
#include "ui/themes.h"

namespace cv::ui {

// What the pane marks on top of the source.
struct CodeMarkers {
  int executed_line = 0;       // the line just executed (0: none)
  int next_line = 0;           // the next line to execute (0: none)
  int error_line = 0;          // a syntax or runtime error (0: none)
  std::string error_message;   // shown at the end of the error line
  const std::set<int>* breakpoints = nullptr;
};

class CodeEditor {
 public:
  void set_text(std::string text);
  const std::string& text() const { return text_; }
  // True when the text was edited since set_text() or the last clear_edited().
  bool edited() const { return edited_; }
  void clear_edited() { edited_ = false; }

  // Draws the pane in a child window of `size`. `editable`: Edit mode (an InputText under the
  // colouring: undo/redo, clipboard, Tab and auto-indent); otherwise read-only. Returns the line
  // whose number was clicked (to toggle a breakpoint), or 0.
  int draw(ImVec2 size, bool editable, const CodeMarkers& markers, const AppColors& colors, ImFont* font);

  // Scrolls so that `line` is visible at the next draw (stepping follows the executed line).
  void reveal_line(int line) { reveal_line_ = line; }
  // Focuses the editor at the next draw (Edit mode).
  void focus() { focus_ = true; }

  // Where the last draw put line 1's number and text (screen coordinates) and the line height,
  // for tests that click a line number: line L's row is at y + (L - 1) * line_height.
  struct Geometry {
    float gutter_x = 0, gutter_w = 0, text_x = 0, y = 0, line_height = 0;
  };
  const Geometry& geometry() const { return geometry_; }

 private:
  static int input_callback(ImGuiInputTextCallbackData* data);
  int on_input(ImGuiInputTextCallbackData* data);

  std::string text_;
  bool edited_ = false;
  int reveal_line_ = 0;
  bool focus_ = false;
  // Editing state carried between frames.
  int cursor_ = 0, selection_start_ = 0, selection_end_ = 0;
  int last_cursor_line_ = -1;
  bool pending_tab_ = false;      // Tab was pressed: indent at the callback
  bool pending_newline_ = false;  // Enter was pressed: copy the indentation at the callback
  std::string queued_chars_;      // typed into the InputText at the next frame (keeps undo intact)
  bool drew_in_callback_ = false; // this frame's coloured text went into the InputText's window
  Geometry geometry_;
};

}  // namespace cv::ui
