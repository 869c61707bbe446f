// The closureviz app window: everything drawn inside one frame, independent of SDL, GL and the browser.
#pragma once

#include <cstddef>

#include "ui/fonts.h"

namespace cv::ui {

// View state only. Interpreter state will come in as a const view of a recorded trace;
// the app never owns or mutates it.
class App {
 public:
  explicit App(Fonts fonts);

  // Draws one frame of the UI into the current ImGui context, filling the whole viewport.
  void draw();

 private:
  void draw_header();
  void draw_code_pane();
  void draw_scopes_pane();

  Fonts fonts_;
  std::size_t example_ = 0;  // index into builtin_examples()
};

}  // namespace cv::ui
