// Traceback carets: the `~~~^~~~` line CPython 3.11 prints under a traceback entry's source line.
//
// CPython (Python/traceback.c, tb_displayline) underlines the span of the instruction that
// failed, from the instruction's columns. For a binary operation or a subscript on one line it
// re-parses the underlined text to tell the operands (`~`) from the operator or index (`^`).
// It prints nothing when plain carets would underline the whole stripped line.
#pragma once

#include <string>
#include <string_view>

#include "core/bytecode.h"

namespace cv {

// The caret line, newline included, for an entry whose source line is `source_line` (without its
// newline) and whose failing instruction starts on that line with `columns`; "" when CPython
// prints none (unknown columns, or carets that would cover the whole line).
std::string traceback_caret_line(std::string_view source_line, const SourceColumns& columns, int line_number);

}  // namespace cv
