// Trace export: a Recording written as JSON lines (docs trace-format.md, version 1) or as Online Python Tutor's trace.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "core/recording.h"

namespace cv {

// One JSON object per line: meta, one `step` per event (full stack and reachable heap, as
// the CPython reference tracer writes them), then `end`. `program` is the file's base name.
// Extra keys (readers ignore them): each frame's `retained` list in `retained` on the step.
void write_trace_jsonl(const Recording& recording, std::string_view program, std::ostream& out);

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
void write_trace_pytutor(const Recording& recording, std::string_view source, std::ostream& out);

}  // namespace cv
