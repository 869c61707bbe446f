// Line table: CPython 3.11's treatment of instructions without a line (see line_table.h).
#include "core/line_table.h"

#include <algorithm>
#include <vector>

namespace cv {

namespace {

bool is_jump(Op op) {
  switch (op) {
    case Op::Jump: case Op::PopJumpIfFalse: case Op::PopJumpIfTrue: case Op::PopJumpIfNone:
    case Op::PopJumpIfNotNone: case Op::JumpIfFalseOrPop: case Op::JumpIfTrueOrPop: case Op::ForIter: case Op::Send:
      return true;
    default: return false;
  }
}

bool exits_scope(Op op) { return op == Op::ReturnValue || op == Op::Raise || op == Op::Reraise; }
bool no_fallthrough(Op op) { return op == Op::Jump || exits_scope(op); }

struct Block {
  int32_t start, end;  // instructions [start, end)
  int preds = 0;
  bool reachable = false;
};

// CPython's basic blocks over the instruction list: a block ends after a jump or an exit and
// before every jump target and exception handler.
class Blocks {
 public:
  explicit Blocks(const CodeInfo& info) : info_(info) { build(); }

  std::vector<Block> blocks;
  std::vector<int32_t> block_of;  // instruction -> block

  int32_t target_block(int32_t instr) const { return block_of[size_t(info_.code[size_t(instr)].arg)]; }

  void build() {
    const size_t n = info_.code.size();
    std::vector<uint8_t> leader(n + 1, 0);
    leader[0] = 1;
    for (size_t i = 0; i < n; ++i) {
      Op op = info_.code[i].op;
      if (is_jump(op)) {
        int32_t t = info_.code[i].arg;
        if (t >= 0 && size_t(t) < n) leader[size_t(t)] = 1;
      }
      if (is_jump(op) || exits_scope(op)) leader[i + 1] = 1;
    }
    for (const ExceptionTableEntry& e : info_.exception_table)
      if (e.target >= 0 && size_t(e.target) < n) leader[size_t(e.target)] = 1;
    blocks.clear();
    block_of.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      if (leader[i]) blocks.push_back({int32_t(i), int32_t(i), 0, false});
      blocks.back().end = int32_t(i + 1);
      block_of[i] = int32_t(blocks.size() - 1);
    }
    count_predecessors();
  }

  void count_predecessors() {
    for (Block& b : blocks) {
      b.preds = 0;
      b.reachable = false;
    }
    if (blocks.empty()) return;
    std::vector<int32_t> work{0};
    blocks[0].reachable = true;
    blocks[0].preds = 1;
    auto reach = [&](int32_t b) {
      ++blocks[size_t(b)].preds;
      if (!blocks[size_t(b)].reachable) {
        blocks[size_t(b)].reachable = true;
        work.push_back(b);
      }
    };
    while (!work.empty()) {
      int32_t b = work.back();
      work.pop_back();
      const Block& blk = blocks[size_t(b)];
      const Instr& last = info_.code[size_t(blk.end - 1)];
      if (!no_fallthrough(last.op) && size_t(b + 1) < blocks.size()) reach(b + 1);
      if (is_jump(last.op)) reach(target_block(blk.end - 1));
      // Handlers of the instructions in this block (CPython's SETUP_* edges).
      for (const ExceptionTableEntry& e : info_.exception_table) {
        if (e.start < blk.end && blk.start < e.end) {
          Block& h = blocks[size_t(block_of[size_t(e.target)])];
          if (!h.reachable) {
            h.reachable = true;
            h.preds = std::max(h.preds, 1);
            work.push_back(block_of[size_t(e.target)]);
          }
        }
      }
    }
  }

 private:
  const CodeInfo& info_;
};

// CPython's jump_thread: a jump to an unconditional jump on the same line goes straight on.
void thread_jumps(CodeInfo& info) {
  const size_t n = info.code.size();
  for (size_t i = 0; i < n; ++i) {
    Op op = info.code[i].op;
    if (op != Op::Jump && op != Op::PopJumpIfFalse && op != Op::PopJumpIfTrue && op != Op::PopJumpIfNone &&
        op != Op::PopJumpIfNotNone)
      continue;
    for (int guard = 0; guard < 64; ++guard) {
      int32_t t = info.code[i].arg;
      if (t < 0 || size_t(t) >= n) break;
      const Instr& target = info.code[size_t(t)];
      if (target.op != Op::Jump || info.lines[i] != info.lines[size_t(t)] || target.arg == t) break;
      info.code[i].arg = target.arg;
    }
  }
}

bool is_exit_without_line(const CodeInfo& info, const Block& b) {
  return info.lines[size_t(b.start)] < 0 && exits_scope(info.code[size_t(b.end - 1)].op);
}

}  // namespace

void assign_artificial_lines(CodeInfo& info) {
  if (info.code.empty()) return;
  thread_jumps(info);
  Blocks g(info);

  // duplicate_exits_without_lineno: each jump into a shared exit block without a line gets
  // its own copy, carrying the jump's line.
  const size_t nblocks = g.blocks.size();
  for (size_t bi = 0; bi < nblocks; ++bi) {
    const Block b = g.blocks[bi];
    if (!b.reachable) continue;
    const int32_t jump = b.end - 1;
    if (!is_jump(info.code[size_t(jump)].op)) continue;
    Block& t = g.blocks[size_t(g.target_block(jump))];
    if (!is_exit_without_line(info, t) || t.preds <= 1) continue;
    const int32_t copy_at = int32_t(info.code.size());
    for (int32_t i = t.start; i < t.end; ++i) {
      info.code.push_back(info.code[size_t(i)]);
      info.lines.push_back(info.lines[size_t(i)]);
      info.columns.push_back(info.columns[size_t(i)]);
    }
    // The copy is protected by the same handlers as the original.
    const size_t nentries = info.exception_table.size();
    for (size_t k = 0; k < nentries; ++k) {
      ExceptionTableEntry e = info.exception_table[k];
      int32_t lo = std::max(e.start, t.start), hi = std::min(e.end, t.end);
      if (lo >= hi) continue;
      e.start = copy_at + (lo - t.start);
      e.end = copy_at + (hi - t.start);
      info.exception_table.push_back(e);
    }
    info.lines[size_t(copy_at)] = info.lines[size_t(jump)];
    info.code[size_t(jump)].arg = copy_at;
    --t.preds;
  }
  g.build();
  // Exit blocks without a line left are reached by falling through: they take the line of
  // the instruction before them.
  for (size_t bi = 1; bi < g.blocks.size(); ++bi) {
    const Block& b = g.blocks[bi];
    const Block& prev = g.blocks[bi - 1];
    if (!b.reachable || !prev.reachable || no_fallthrough(info.code[size_t(prev.end - 1)].op)) continue;
    if (is_exit_without_line(info, b)) info.lines[size_t(b.start)] = info.lines[size_t(prev.end - 1)];
  }

  // propagate_line_numbers: within a block, and into a successor that has no other predecessor.
  for (size_t bi = 0; bi < g.blocks.size(); ++bi) {
    const Block& b = g.blocks[bi];
    if (!b.reachable) continue;
    int32_t prev = -1;
    for (int32_t i = b.start; i < b.end; ++i) {
      if (info.lines[size_t(i)] < 0) info.lines[size_t(i)] = prev;
      else prev = info.lines[size_t(i)];
    }
    const Instr& last = info.code[size_t(b.end - 1)];
    if (!no_fallthrough(last.op) && bi + 1 < g.blocks.size()) {
      const Block& next = g.blocks[bi + 1];
      if (next.preds == 1 && info.lines[size_t(next.start)] < 0) info.lines[size_t(next.start)] = prev;
    }
    if (is_jump(last.op)) {
      const Block& target = g.blocks[size_t(g.target_block(b.end - 1))];
      if (target.preds == 1 && info.lines[size_t(target.start)] < 0) info.lines[size_t(target.start)] = prev;
    }
  }

  // guarantee_lineno_for_exits: a return without a line takes the last line seen before it.
  int32_t lineno = info.firstlineno > 0 ? info.firstlineno : 1;
  for (const Block& b : g.blocks) {
    if (!b.reachable) continue;
    const int32_t last = b.end - 1;
    if (info.lines[size_t(last)] < 0) {
      if (info.code[size_t(last)].op == Op::ReturnValue)
        for (int32_t i = b.start; i < b.end; ++i) info.lines[size_t(i)] = lineno;
    } else {
      lineno = info.lines[size_t(last)];
    }
  }

  info.line_starts.assign(info.code.size(), 0);
  for (size_t i = 0; i < info.code.size(); ++i)
    info.line_starts[i] = (i == 0 || info.lines[i] != info.lines[i - 1]) ? 1 : 0;
}

}  // namespace cv
