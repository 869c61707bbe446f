// Trace export: a Recording written as JSON lines (docs trace-format.md, version 1) or as Online Python Tutor's trace.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/recording.h"

namespace cv {

// One JSON object per line: meta, one `step` per event (full stack and reachable heap, as
// the CPython reference tracer writes them), then `end`. `program` is the file's base name.
// Extra keys (readers ignore them): each frame's `retained` list in `retained` on the step.
void write_trace_jsonl(const Recording& recording, std::string_view program, std::ostream& out);

// Online Python Tutor's format: {"code": SOURCE, "trace": [{"event", "line", "func_name",
// "globals", "ordered_globals", "stack_to_render", "heap", "stdout"}, ...]}, frames with their
// exact parent_frame_id_list, zombie (returned but retained) frames included.
void write_trace_pytutor(const Recording& recording, std::string_view source, std::ostream& out);

}  // namespace cv
