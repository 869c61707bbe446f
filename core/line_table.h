// Line table: gives the compiler's artificial instructions the source lines CPython 3.11's assembler gives them.
//
// A trace reports a line event whenever the next instruction's line differs from the
// previous one's (eval.cpp), so which line an artificial instruction carries (the jump
// back to a loop's head, an implicit `return None`, exception clean-up) decides which
// events a program produces. The compiler emits such instructions with line -1, as
// CPython's UNSET_LOC does, and this pass then applies what CPython's assemble() does
// to them: jump threading (only between jumps on the same line), duplication of exit
// blocks without a line for each jump into them, propagation along single-predecessor
// edges, and a line for every `return`.
#pragma once

#include "core/bytecode.h"

namespace cv {

// Rewrites info.lines (and may append copies of exit blocks to info.code, retargeting
// jumps into them); info.line_starts is recomputed.
void assign_artificial_lines(CodeInfo& info);

}  // namespace cv
