// The browser page's entry points into the app (web/tutorial.js calls them through Module.ccall): load a program, step, view, state, presentation.
//
// Every function works on the app that ui/main.cpp made active and answers sensibly before that
// app exists (page scripts may call in early): loads fail with a message, queries return an
// empty state. Strings handed back to JavaScript live in one static buffer, valid until the
// next call; JavaScript copies them at once (ccall's 'string' return type does).
#ifdef __EMSCRIPTEN__
#include <emscripten.h>

#include <cstdint>
#include <string>

#include "ui/app.h"
#include "ui/layout/diagram_model.h"

namespace {

std::string g_reply;  // the last string returned to JavaScript

const char* reply(std::string text) {
  g_reply = std::move(text);
  return g_reply.c_str();
}

const char* no_app_state() {
  return reply(R"({"step":0,"step_count":0,"view":"env","explanation":"","status":"error",)"
               R"("message":"the visualizer has not started yet","record":null})");
}

}  // namespace

extern "C" {

// Loads `length` bytes at `source` (UTF-8, not NUL-terminated: a NUL inside a program must reach
// the interpreter, which rejects it as CPython does). Returns 1 when the program compiled and
// recording started; 0 with the message in cv_last_error() otherwise (also shown by the app).
EMSCRIPTEN_KEEPALIVE int cv_load(const char* source, std::uint32_t length) {
  cv::ui::App* app = cv::ui::active_app();
  if (!app) {
    reply("the visualizer has not started yet");
    return 0;
  }
  std::string error;
  // A program from the page has no file: it runs as program.py, not as the example shown before it.
  app->set_program_name("program.py");
  const bool ok = app->load_program(std::string(source ? source : "", source ? length : 0), &error);
  reply(ok ? std::string() : error);
  return ok ? 1 : 0;
}

// The message of the last failed cv_load ("" after a successful one).
EMSCRIPTEN_KEEPALIVE const char* cv_last_error() { return g_reply.c_str(); }

// Steps are numbered from 1 as in `closureviz trace`; the app clamps out-of-range steps.
EMSCRIPTEN_KEEPALIVE void cv_set_step(std::uint32_t step) {
  if (cv::ui::App* app = cv::ui::active_app()) app->set_step(step);
}

EMSCRIPTEN_KEEPALIVE std::uint32_t cv_step() {
  const cv::ui::App* app = cv::ui::active_app();
  return app ? app->step() : 0;
}

EMSCRIPTEN_KEEPALIVE std::uint32_t cv_step_count() {
  const cv::ui::App* app = cv::ui::active_app();
  return app ? app->step_count() : 0;
}

// view: 0 = environment diagram, 1 = cells (the trace's "env" / "cells").
EMSCRIPTEN_KEEPALIVE void cv_set_view(int view) {
  if (cv::ui::App* app = cv::ui::active_app()) {
    app->set_view(view == 1 ? cv::layout::ViewMode::Cells : cv::layout::ViewMode::Environment);
  }
}

// The app's state_json(): step, step_count, view, explanation, status, message and the step's
// trace record.
EMSCRIPTEN_KEEPALIVE const char* cv_state() {
  const cv::ui::App* app = cv::ui::active_app();
  if (!app) return no_app_state();
  return reply(app->state_json());
}

// Records for about `milliseconds` more; returns 1 while the recording is not finished. The page
// calls it between its own event-loop turns, so recording runs at full speed without blocking.
EMSCRIPTEN_KEEPALIVE int cv_record(double milliseconds) {
  cv::ui::App* app = cv::ui::active_app();
  return app && app->continue_recording(milliseconds) ? 1 : 0;
}

// Stops a recording in progress (the page's Stop button); the steps so far stay viewable.
EMSCRIPTEN_KEEPALIVE void cv_stop() {
  if (cv::ui::App* app = cv::ui::active_app()) app->stop_recording();
}

// The loaded program's source: the editor inside the canvas can change it, so share links ask here.
EMSCRIPTEN_KEEPALIVE const char* cv_source() {
  const cv::ui::App* app = cv::ui::active_app();
  return reply(app ? std::string(app->program_source()) : std::string());
}

EMSCRIPTEN_KEEPALIVE void cv_set_presentation(int on) {
  if (cv::ui::App* app = cv::ui::active_app()) app->set_presentation(on != 0);
}

EMSCRIPTEN_KEEPALIVE void cv_set_font_scale(float scale) {
  if (cv::ui::App* app = cv::ui::active_app()) app->set_font_scale(scale);
}

}  // extern "C"

#endif  // __EMSCRIPTEN__
