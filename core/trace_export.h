// Trace export: a Recording written as JSON lines (docs trace-format.md, version 1) or as Online Python Tutor's trace.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "core/recording.h"

namespace cv {

// How much of a recording an export wrote. Every step carries the whole reachable heap, so a
// program holding a big structure for many steps makes a trace quadratic in size (a 100,000-deep
// nested list built in a loop: tens of GB); `max_bytes` stops the export before that.
struct ExportResult {
  uint32_t steps_written = 0;
  bool truncated = false;  // the size limit stopped it before the recording's last step
};

// One JSON object per line: meta, one `step` per event (full stack and reachable heap, as
// the CPython reference tracer writes them), then `end`. `program` is the file's base name.
// Extra keys (readers ignore them): each frame's `retained` list in `retained` on the step.
// With max_bytes > 0, no step record is written once the output would pass max_bytes; the end
// record then says status "limit", `steps` = the steps written, with a `message` saying why,
// and `stdout` holds what the program had printed by that step.
ExportResult write_trace_jsonl(const Recording& recording, std::string_view program, std::ostream& out,
                               uint64_t max_bytes = 0);

// The `step` record of step `step` (1..step_count(); "null" otherwise): one JSON object, no
// newline, identical to that step's line of write_trace_jsonl(), heap ids included (they are
// numbered by first appearance in the run, so the first call for a late step numbers the steps
// before it once; later calls reuse that). Not thread-safe: it caches in the Recording.
std::string step_record_json(const Recording& recording, uint32_t step);

// Online Python Tutor's format: {"code": SOURCE, "trace": [{"event", "line", "func_name",
// "globals", "ordered_globals", "stack_to_render", "heap", "stdout"}, ...]}, frames with their
// exact parent_frame_id_list, zombie (returned but retained) frames included; the heap holds
// the objects the step's values refer to (cells are shown as their contents, in their frame).
// tests/tracer/check_pytutor.py checks it against the JSON lines and CPython's trace.
// With max_bytes > 0 the trace stops before it would pass max_bytes and ends, as Python Tutor's
// own tracer does at its step limit, with {"event": "instruction_limit_reached", "exception_msg"}.
ExportResult write_trace_pytutor(const Recording& recording, std::string_view source, std::ostream& out,
                                 uint64_t max_bytes = 0);

// The sentence both exports and the command line give when max_bytes stopped an export.
std::string trace_size_limit_message(uint64_t max_bytes, uint32_t steps_written, uint32_t step_count);

}  // namespace cv
