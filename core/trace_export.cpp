// Trace export: JSON-lines and Online Python Tutor writers over a Recording (stepping with a Cursor).
#include "core/trace_export.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <functional>
#include <unordered_set>

#include "core/numeric.h"

namespace cv {

namespace {

constexpr std::string_view kClassAttrsHidden[] = {"__module__", "__dict__", "__weakref__", "__qualname__"};

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += char(c);
        }
    }
  }
  out += '"';
}

// Writes the values of one step; special floats and refs differ between the two formats.
// `renumber`, when set, maps each referenced object id to the id written (and queues it).
struct ValueWriter {
  const Recording& rec;
  bool pytutor = false;
  std::function<uint32_t(uint32_t)> renumber;

  void operator()(std::string& out, RVal v) const {
    switch (v.kind()) {
      case RVal::Kind::Absent: out += pytutor ? "null" : "[\"unbound\"]"; break;
      case RVal::Kind::None: out += "null"; break;
      case RVal::Kind::Bool: out += v.as_bool() ? "true" : "false"; break;
      case RVal::Kind::Int: out += std::to_string(v.as_int()); break;
      case RVal::Kind::BigInt: out += rec.text(v.index()); break;
      case RVal::Kind::Float: {
        double x = rec.float_value(v.index());
        if (std::isfinite(x)) {
          out += float_repr(x);
        } else {
          const char* name = std::isnan(x) ? "nan" : x > 0 ? "inf" : "-inf";
          out += pytutor ? "[\"SPECIAL_FLOAT\", \"" : "[\"float\", \"";
          out += name;
          out += "\"]";
        }
        break;
      }
      case RVal::Kind::Str: json_string(out, rec.text(v.index())); break;
      case RVal::Kind::Ref:
        out += pytutor ? "[\"REF\", " : "[\"ref\", ";
        out += std::to_string(renumber ? renumber(v.index()) : v.index());
        out += ']';
        break;
    }
  }
};

std::string_view str_of(const Recording& rec, RVal v) {
  return v.kind() == RVal::Kind::Str ? rec.text(v.index()) : std::string_view();
}

// The (str key, value) pairs of a dict content, holes skipped.
template <class F>
void for_each_pair(const std::vector<RVal>& dict, F&& f) {
  for (size_t i = 2; i + 1 < dict.size(); i += 2)
    if (!dict[i].is_absent()) f(dict[i], dict[i + 1]);
}

// ---------------------------------------------------------------- JSON lines

// Export ids: objects are written renumbered by first appearance in the export, in the order
// the reference tracer numbers them (each frame's fn, locals, cells; the return value; then the
// heap breadth first, children in the order they are written). The walk that hands them out is
// separate from the writing so that step_record_json() can number steps it does not write; the
// writer only looks ids up, so both give the same numbers by construction.
class ExportNumbering {
 public:
  explicit ExportNumbering(const Recording& rec) : rec_(rec) {}

  // Numbers the objects of step `v` not numbered yet; `heap` receives the step's heap, in order.
  void walk(const StepView& v, std::vector<uint32_t>& heap) {
    heap_ = &heap;
    heap.clear();
    if (seen_.size() < rec_.objects.size()) seen_.resize(rec_.objects.size(), 0);
    if (++stamp_ == 0) {  // wrapped: clear the marks once every 2^32 steps
      std::fill(seen_.begin(), seen_.end(), 0);
      stamp_ = 1;
    }
    for (const FrameView& f : v.stack()) {
      if (f.function) reference(f.function);
      for (const auto& local : f.locals) value(local.second);
      for (const auto& cell : f.cells) reference(cell.second);
    }
    if (auto r = v.return_value()) value(*r);
    for (size_t i = 0; i < heap.size(); ++i) children(v, heap[i]);
  }

  uint32_t id_of(uint32_t id) const { return id < ids_.size() ? ids_[id] : 0; }

 private:
  void reference(uint32_t id) {
    if (id >= ids_.size()) ids_.resize(std::max<size_t>(id + 1, ids_.size() * 2), 0);
    if (ids_[id] == 0) ids_[id] = ++next_;
    if (id >= seen_.size()) seen_.resize(id + 1, 0);
    if (seen_[id] != stamp_) {
      seen_[id] = stamp_;
      heap_->push_back(id);
    }
  }
  void value(RVal v) {
    if (v.is_ref()) reference(v.index());
  }
  void values(const std::vector<RVal>& c, size_t from) {
    for (size_t i = from; i < c.size(); ++i) value(c[i]);
  }
  // The values of an attribute dict, as JsonlWriter::attrs writes them (hidden entries hold no refs
  // that matter: __module__ and __qualname__ are str, __dict__/__weakref__ are not recorded values).
  void attr_values(const StepView& v, RVal ns, bool hide_class_entries) {
    if (!ns.is_ref()) return;
    for_each_pair(v.content(ns.index()), [&](RVal k, RVal x) {
      if (hide_class_entries) {
        std::string_view name = str_of(rec_, k);
        if (std::find(std::begin(kClassAttrsHidden), std::end(kClassAttrsHidden), name) != std::end(kClassAttrsHidden))
          return;
      }
      value(x);
    });
  }
  // In the order JsonlWriter::object writes them.
  void children(const StepView& v, uint32_t id) {
    const ObjType type = rec_.object_type(id);
    const std::vector<RVal>& c = v.content(id);
    const uint32_t h = obj_header_size(type);
    switch (type) {
      case ObjType::List: case ObjType::Tuple: case ObjType::Set: case ObjType::FrozenSet: case ObjType::Deque:
      case ObjType::Dict:
        values(c, h);  // dict: key, value, key, value (holes are absent)
        if (!c[0].is_absent()) attr_values(v, c[1], false);
        break;
      case ObjType::Cell: value(c[0]); value(c[1]); break;
      case ObjType::Function:
        for (size_t i = 0; i < 4; ++i) value(c[i]);
        for (size_t i = h; i + 1 < c.size(); i += 2) {
          value(c[i]);
          reference(c[i + 1].index());
          const std::vector<RVal>& cell = v.content(c[i + 1].index());
          if (cell.size() > 1) value(cell[1]);
        }
        if (c[4].is_ref()) values(v.content(c[4].index()), 2);
        break;
      case ObjType::Instance: attr_values(v, c[1], false); break;
      case ObjType::Class: value(c[0]); values(c, h); attr_values(v, c[1], true); break;
      case ObjType::Method: value(c[0]); value(c[1]); break;
      case ObjType::Generator: value(c[0]); value(c[1]); break;
      case ObjType::Builtin: value(c[0]); value(c[1]); break;
      case ObjType::Module: value(c[0]); break;
      case ObjType::Exception: value(c[0]); values(c, h); attr_values(v, c[1], false); break;
      case ObjType::StaticMethod: case ObjType::ClassMethod: value(c[0]); break;
      case ObjType::Other: case ObjType::Frame: break;
    }
  }

  const Recording& rec_;
  std::vector<uint32_t> ids_;   // recording id -> export id (0: not numbered yet)
  uint32_t next_ = 0;
  std::vector<uint32_t> seen_;  // recording id -> stamp of the step that listed it in the heap
  uint32_t stamp_ = 0;
  std::vector<uint32_t>* heap_ = nullptr;
};

class JsonlWriter {
 public:
  JsonlWriter(const Recording& rec, const ExportNumbering& numbering)
      : rec_(rec), numbering_(numbering), val_{rec, false, {}} {
    val_.renumber = [this](uint32_t id) { return reference(id); };
  }

  uint32_t reference(uint32_t id) {
    uint32_t written = numbering_.id_of(id);
    // Every object written was numbered by the walk; a miss would be a bug in
    // ExportNumbering::children (tests compare step_record_json with the export).
    assert(written != 0);
    return written;
  }

  // Appends the step record (no newline); `heap` is the step's heap from ExportNumbering::walk.
  void step(std::string& o, const StepView& v, const std::vector<uint32_t>& heap) {
    o += "{\"kind\": \"step\", \"step\": " + std::to_string(v.step()) + ", \"event\": \"" +
         step_event_name(v.event()) + "\", \"line\": " + std::to_string(v.line()) + ", \"stack\": [";
    bool first = true;
    for (const FrameView& f : v.stack()) {
      if (!first) o += ", ";
      first = false;
      frame(o, f);
    }
    std::string ret;
    if (auto r = v.return_value()) {
      ret += ", \"ret\": ";
      val_(ret, r->is_absent() ? RVal::none() : *r);
      if (v.is_yield()) ret += ", \"yield\": true";
      if (v.is_unwind()) ret += ", \"unwind\": true";
    }
    o += "], \"heap\": {";
    for (size_t i = 0; i < heap.size(); ++i) {
      uint32_t id = heap[i];
      if (i) o += ", ";
      o += '"' + std::to_string(reference(id)) + "\": ";
      object(o, v, id);
    }
    o += '}';
    std::string_view out = v.stdout_new();
    if (!out.empty()) {
      o += ", \"out\": ";
      json_string(o, out);
    }
    o += ret;
    if (auto e = v.exception()) {
      o += ", \"exc\": [";
      json_string(o, e->first);
      o += ", ";
      json_string(o, e->second);
      o += ']';
    }
    std::vector<FrameView> retained = v.retained_frames();
    if (!retained.empty()) {
      o += ", \"retained\": [";
      for (size_t i = 0; i < retained.size(); ++i) o += (i ? ", " : "") + std::to_string(retained[i].fid);
      o += ']';
    }
    o += '}';
  }

 private:
  void frame(std::string& o, const FrameView& f) {
    o += "{\"fid\": " + std::to_string(f.fid) + ", \"func\": ";
    json_string(o, f.func);
    o += ", \"line\": " + std::to_string(f.line) + ", \"parent\": " + (f.parent ? std::to_string(f.parent) : "null");
    if (f.function) o += ", \"fn\": " + std::to_string(reference(f.function));
    o += ", \"locals\": {";
    for (size_t i = 0; i < f.locals.size(); ++i) {
      if (i) o += ", ";
      json_string(o, f.locals[i].first);
      o += ": ";
      val_(o, f.locals[i].second);
    }
    o += "}, \"cells\": {";
    for (size_t i = 0; i < f.cells.size(); ++i) {
      if (i) o += ", ";
      json_string(o, f.cells[i].first);
      o += ": " + std::to_string(reference(f.cells[i].second));
    }
    o += "}}";
  }

  void items(std::string& o, const std::vector<RVal>& c, size_t from, bool skip_absent) {
    o += '[';
    bool first = true;
    for (size_t i = from; i < c.size(); ++i) {
      if (skip_absent && c[i].is_absent()) continue;
      if (!first) o += ", ";
      first = false;
      val_(o, c[i]);
    }
    o += ']';
  }

  void attrs(std::string& o, const StepView& v, RVal ns, bool hide_class_entries) {
    o += '{';
    if (ns.is_ref()) {
      bool first = true;
      for_each_pair(v.content(ns.index()), [&](RVal k, RVal value) {
        std::string_view name = str_of(rec_, k);
        if (hide_class_entries) {
          if (std::find(std::begin(kClassAttrsHidden), std::end(kClassAttrsHidden), name) != std::end(kClassAttrsHidden))
            return;
          if (name == "__doc__" && value.kind() == RVal::Kind::None) return;
        }
        if (!first) o += ", ";
        first = false;
        json_string(o, name);
        o += ": ";
        val_(o, value);
      });
    }
    o += '}';
  }

  bool has_attrs(const StepView& v, RVal ns) {
    if (!ns.is_ref()) return false;
    bool any = false;
    for_each_pair(v.content(ns.index()), [&](RVal, RVal) { any = true; });
    return any;
  }

  void subclass_keys(std::string& o, const StepView& v, const std::vector<RVal>& c) {
    if (!c[0].is_absent()) {
      o += ", \"class\": ";
      json_string(o, str_of(rec_, c[0]));
      if (has_attrs(v, c[1])) {
        o += ", \"attrs\": ";
        attrs(o, v, c[1], false);
      }
    }
  }

  void object(std::string& o, const StepView& v, uint32_t id) {
    const ObjType type = rec_.object_type(id);
    const std::vector<RVal>& c = v.content(id);
    const uint32_t h = obj_header_size(type);
    o += "{\"t\": \"";
    switch (type) {
      case ObjType::List: case ObjType::Tuple: case ObjType::Set: case ObjType::FrozenSet: case ObjType::Deque:
        o += obj_type_name(type);
        o += "\", \"items\": ";
        items(o, c, h, type == ObjType::Set || type == ObjType::FrozenSet);
        subclass_keys(o, v, c);
        break;
      case ObjType::Dict: {
        o += "dict\", \"items\": [";
        bool first = true;
        for_each_pair(c, [&](RVal k, RVal value) {
          if (!first) o += ", ";
          first = false;
          o += '[';
          val_(o, k);
          o += ", ";
          val_(o, value);
          o += ']';
        });
        o += ']';
        subclass_keys(o, v, c);
        break;
      }
      case ObjType::Cell:
        o += "cell\", \"owner\": ";
        val_(o, c[0]);
        if (!c[1].is_absent()) {
          o += ", \"v\": ";
          val_(o, c[1]);
        }
        break;
      case ObjType::Function: {
        o += "function\", \"name\": ";
        val_(o, c[0]);
        o += ", \"qual\": ";
        val_(o, c[1]);
        o += ", \"line\": ";
        val_(o, c[2]);
        o += ", \"parent\": ";
        val_(o, c[3]);
        o += ", \"closure\": [";
        for (size_t i = h; i + 1 < c.size(); i += 2) {
          if (i > h) o += ", ";
          o += '[';
          val_(o, c[i]);
          o += ", " + std::to_string(reference(c[i + 1].index())) + ", ";
          const std::vector<RVal>& cell = v.content(c[i + 1].index());
          val_(o, cell.size() > 1 ? cell[1] : RVal());
          o += ']';
        }
        o += ']';
        if (c[4].is_ref()) {
          o += ", \"defaults\": ";
          items(o, v.content(c[4].index()), 2, false);
        }
        break;
      }
      case ObjType::Instance: {
        o += "instance\", \"class\": ";
        std::string_view name = "?";
        if (c[0].is_ref()) {
          const std::vector<RVal>& cls = v.content(c[0].index());
          if (!cls.empty()) name = str_of(rec_, cls[0]);
        }
        json_string(o, name);
        o += ", \"attrs\": ";
        attrs(o, v, c[1], false);
        break;
      }
      case ObjType::Class:
        o += "class\", \"name\": ";
        val_(o, c[0]);
        o += ", \"bases\": ";
        items(o, c, h, false);
        o += ", \"attrs\": ";
        attrs(o, v, c[1], true);
        break;
      case ObjType::Method:
        o += "method\", \"func\": ";
        val_(o, c[0]);
        o += ", \"self\": ";
        val_(o, c[1]);
        break;
      case ObjType::Generator:
        o += "generator\", \"name\": ";
        val_(o, c[0]);
        o += ", \"fid\": ";
        val_(o, c[1].is_absent() ? RVal::none() : c[1]);
        break;
      case ObjType::Builtin:
        o += "builtin\", \"name\": ";
        val_(o, c[0]);
        if (!c[1].is_absent()) {
          o += ", \"self\": ";
          val_(o, c[1]);
        }
        break;
      case ObjType::Module:
        o += "module\", \"name\": ";
        val_(o, c[0]);
        break;
      case ObjType::Exception:
        o += "exception\", \"class\": ";
        val_(o, c[0]);
        o += ", \"args\": ";
        items(o, c, h, false);
        if (has_attrs(v, c[1])) {
          o += ", \"attrs\": ";
          attrs(o, v, c[1], false);
        }
        break;
      case ObjType::StaticMethod: case ObjType::ClassMethod:
        o += obj_type_name(type);
        o += "\", \"func\": ";
        val_(o, c[0]);
        break;
      case ObjType::Other: case ObjType::Frame:
        o += str_of(rec_, c.size() > 0 ? c[0] : RVal());
        o += "\", \"repr\": ";
        json_string(o, str_of(rec_, c.size() > 1 ? c[1] : RVal()));
        break;
    }
    o += '}';
  }

  const Recording& rec_;
  const ExportNumbering& numbering_;
  ValueWriter val_;
};

const char* status_name(RunEnd::Status s) {
  switch (s) {
    case RunEnd::Status::Ok: return "ok";
    case RunEnd::Status::Error: return "error";
    case RunEnd::Status::Limit: return "limit";
  }
  return "?";
}

}  // namespace

std::string trace_size_limit_message(uint64_t max_bytes, uint32_t steps_written, uint32_t step_count) {
  return "trace size limit reached: the trace of steps 1 to " + std::to_string(steps_written) + " of " +
         std::to_string(step_count) + " fills " + std::to_string(max_bytes >> 20) +
         " MB (--max-trace-mb); the later steps were not written";
}

ExportResult write_trace_jsonl(const Recording& rec, std::string_view program, std::ostream& out,
                               uint64_t max_bytes) {
  std::string head = "{\"kind\": \"meta\", \"format\": 1, \"tool\": \"closureviz\", \"program\": ";
  json_string(head, program);
  head += "}\n";
  out << head;
  uint64_t written = head.size();
  // Room kept for the end record, which repeats the program's output.
  const uint64_t end_reserve = 4096 + 2 * uint64_t(rec.stdout_text.size());
  ExportResult result;
  ExportNumbering numbering(rec);
  JsonlWriter writer(rec, numbering);
  Cursor cursor(rec);
  std::vector<uint32_t> heap;
  std::string line;
  while (cursor.advance()) {
    StepView view(rec, cursor.step(), &cursor);
    numbering.walk(view, heap);
    line.clear();
    writer.step(line, view, heap);
    line += '\n';
    if (max_bytes && written + line.size() + end_reserve > max_bytes) {
      result.truncated = true;
      break;
    }
    out << line;
    written += line.size();
    result.steps_written = cursor.step();
  }
  const bool limited = result.truncated || rec.end.status == RunEnd::Status::Limit;
  std::string end = "{\"kind\": \"end\", \"status\": \"" +
                    std::string(result.truncated ? "limit" : status_name(rec.end.status)) +
                    "\", \"steps\": " + std::to_string(result.steps_written) + ", \"stdout\": ";
  json_string(end, result.truncated ? rec.stdout_at(result.steps_written) : std::string_view(rec.stdout_text));
  end += ", \"exc\": ";
  if (!limited && rec.end.status == RunEnd::Status::Error) {
    end += '[';
    json_string(end, rec.end.exc_type);
    end += ", ";
    json_string(end, rec.end.exc_message);
    end += ']';
  } else {
    end += "null";
  }
  const std::string message = result.truncated
                                  ? trace_size_limit_message(max_bytes, result.steps_written, rec.step_count())
                                  : rec.end.message;
  if (!message.empty()) {
    end += ", \"message\": ";
    json_string(end, message);
  }
  out << end << "}\n";
  return result;
}

// What step_record_json() keeps between calls: the export ids of the steps numbered so far and
// a cursor standing at the last of them (steps are numbered in order, like the export does).
struct ExportCache {
  explicit ExportCache(const Recording& rec) : recording(&rec), numbering(rec), cursor(rec) {}
  const Recording* recording;
  ExportNumbering numbering;
  Cursor cursor;
  std::vector<uint32_t> heap;
};

std::string step_record_json(const Recording& rec, uint32_t step) {
  if (step < 1 || step > rec.step_count()) return "null";
  // A copied or moved Recording must not use a cache (and cursor) made for another address.
  if (!rec.export_cache || rec.export_cache->recording != &rec) rec.export_cache = std::make_shared<ExportCache>(rec);
  ExportCache& cache = *rec.export_cache;
  // An object reachable at `step` was numbered at its first appearance, at `step` or before,
  // so once the steps up to `step` are numbered, any view of it gets its final ids.
  while (cache.cursor.step() < step) {
    cache.cursor.advance();
    cache.numbering.walk(StepView(rec, cache.cursor.step(), &cache.cursor), cache.heap);
  }
  const StepView view(rec, step, &cache.cursor);  // uses the cursor only when it stands at `step`
  cache.numbering.walk(view, cache.heap);
  std::string out;
  JsonlWriter(rec, cache.numbering).step(out, view, cache.heap);
  return out;
}

// ---------------------------------------------------------------- Online Python Tutor

namespace {

class PytutorWriter {
 public:
  // The heap lists exactly the objects a written value refers to (breadth first, in order of
  // reference), as Python Tutor's encoder does: nothing the page cannot reach by a REF.
  PytutorWriter(const Recording& rec, std::string& out) : rec_(rec), o(out), val_{rec, true, {}} {
    val_.renumber = [this](uint32_t id) {
      if (queued_.insert(id).second) queue_.push_back(id);
      return id;
    };
  }

  void step(const StepView& v, bool uncaught) {
    queue_.clear();
    queued_.clear();
    const FrameView& top = v.stack().back();
    o += "{\"event\": \"";
    if (uncaught) o += "uncaught_exception";
    else if (v.event() == StepEvent::Line) o += "step_line";
    else o += step_event_name(v.event());
    o += "\", \"line\": " + std::to_string(v.line()) + ", \"func_name\": ";
    json_string(o, top.func);
    if (auto e = v.exception()) {
      o += ", \"exception_msg\": ";
      json_string(o, std::string(e->first) + (e->second.empty() ? "" : ": " + std::string(e->second)));
    }
    // Globals: the module frame's variables.
    const FrameView& module = v.stack().front();
    o += ", \"globals\": {";
    for (size_t i = 0; i < module.locals.size(); ++i) {
      if (i) o += ", ";
      json_string(o, module.locals[i].first);
      o += ": ";
      val_(o, module.locals[i].second);
    }
    o += "}, \"ordered_globals\": [";
    for (size_t i = 0; i < module.locals.size(); ++i) {
      if (i) o += ", ";
      json_string(o, module.locals[i].first);
    }
    o += "], \"stack_to_render\": [";
    // Frames below <module> and the retained ones, in order of creation.
    std::vector<FrameView> frames(v.stack().begin() + 1, v.stack().end());
    for (FrameView& f : v.retained_frames())
      if (f.fid != module.fid) frames.push_back(std::move(f));
    std::sort(frames.begin(), frames.end(), [](const FrameView& a, const FrameView& b) { return a.fid < b.fid; });
    std::unordered_set<uint32_t> parents;
    for (uint32_t id : v.reachable()) {
      if (rec_.object_type(id) != ObjType::Function) continue;
      RVal p = v.content(id)[3];
      if (p.kind() == RVal::Kind::Int) parents.insert(uint32_t(p.as_int()));
    }
    for (size_t i = 0; i < frames.size(); ++i) {
      if (i) o += ", ";
      frame(v, frames[i], frames[i].fid == top.fid, parents.count(frames[i].fid) > 0);
    }
    o += "], \"heap\": {";
    for (size_t i = 0; i < queue_.size(); ++i) {
      const uint32_t id = queue_[i];
      if (i) o += ", ";
      o += '"' + std::to_string(id) + "\": ";
      object(v, id);
    }
    o += "}, \"stdout\": ";
    json_string(o, v.stdout_so_far());
    o += '}';
  }

 private:
  // A value. Closure variables are shown as their cells' contents in the frames (frame()); a
  // cell object that a program holds as a value (f.__closure__[0]) is an object like any other.
  void value(const StepView&, RVal x) { val_(o, x); }

  void frame(const StepView& v, const FrameView& f, bool highlighted, bool is_parent) {
    std::string hash = std::string(f.func) + "_f" + std::to_string(f.fid) + (is_parent ? "_p" : "") +
                       (f.on_stack ? "" : "_z");
    o += "{\"func_name\": ";
    json_string(o, f.func);
    o += ", \"frame_id\": " + std::to_string(f.fid) + ", \"parent_frame_id_list\": [";
    // The chain of defining frames, innermost first.
    uint32_t p = f.parent;
    bool first = true;
    while (p != 0) {
      if (!first) o += ", ";
      first = false;
      o += std::to_string(p);
      p = rec_.frame(p).parent;
    }
    o += "], \"is_parent\": " + std::string(is_parent ? "true" : "false") +
         ", \"is_zombie\": " + (f.on_stack ? "false" : "true") +
         ", \"is_highlighted\": " + (highlighted ? "true" : "false") + ", \"unique_hash\": ";
    json_string(o, hash);
    // Variables: plain locals, then the cell variables this frame created (free variables
    // are shown in the frame that created them), then __return__ at a return.
    std::vector<std::pair<std::string_view, RVal>> vars(f.locals.begin(), f.locals.end());
    const CodeRecord& code = rec_.code_of(f.fid);
    for (size_t i = 0; i < f.cells.size() && i < code.ncellvars; ++i) {
      const std::vector<RVal>& c = v.content(f.cells[i].second);
      if (c.size() > 1 && !c[1].is_absent()) vars.emplace_back(f.cells[i].first, c[1]);
    }
    std::optional<RVal> ret;
    if (highlighted && v.event() == StepEvent::Return) ret = v.return_value();
    o += ", \"encoded_locals\": {";
    for (size_t i = 0; i < vars.size(); ++i) {
      if (i) o += ", ";
      json_string(o, vars[i].first);
      o += ": ";
      value(v, vars[i].second);
    }
    if (ret) {
      o += vars.empty() ? "\"__return__\": " : ", \"__return__\": ";
      value(v, ret->is_absent() ? RVal::none() : *ret);
    }
    o += "}, \"ordered_varnames\": [";
    for (size_t i = 0; i < vars.size(); ++i) {
      if (i) o += ", ";
      json_string(o, vars[i].first);
    }
    if (ret) o += vars.empty() ? "\"__return__\"" : ", \"__return__\"";
    o += "]}";
  }

  void sequence(const StepView& v, const char* tag, const std::vector<RVal>& c, size_t from, bool skip_absent) {
    o += "[\"";
    o += tag;
    o += '"';
    for (size_t i = from; i < c.size(); ++i) {
      if (skip_absent && c[i].is_absent()) continue;
      o += ", ";
      value(v, c[i]);
    }
    o += ']';
  }

  void pairs(const StepView& v, RVal ns, bool hide_class_entries) {
    if (!ns.is_ref()) return;
    for_each_pair(v.content(ns.index()), [&](RVal k, RVal x) {
      std::string_view name = str_of(rec_, k);
      if (hide_class_entries &&
          (std::find(std::begin(kClassAttrsHidden), std::end(kClassAttrsHidden), name) != std::end(kClassAttrsHidden) ||
           (name == "__doc__" && x.kind() == RVal::Kind::None)))
        return;
      o += ", [";
      json_string(o, name);
      o += ", ";
      value(v, x);
      o += ']';
    });
  }

  void object(const StepView& v, uint32_t id) {
    const ObjType type = rec_.object_type(id);
    const std::vector<RVal>& c = v.content(id);
    const uint32_t h = obj_header_size(type);
    switch (type) {
      case ObjType::List: case ObjType::Deque: sequence(v, "LIST", c, h, false); break;
      case ObjType::Tuple: sequence(v, "TUPLE", c, h, false); break;
      case ObjType::Set: case ObjType::FrozenSet: sequence(v, "SET", c, h, true); break;
      case ObjType::Dict:
        o += "[\"DICT\"";
        for_each_pair(c, [&](RVal k, RVal x) {
          o += ", [";
          value(v, k);
          o += ", ";
          value(v, x);
          o += ']';
        });
        o += ']';
        break;
      case ObjType::Function: {
        o += "[\"FUNCTION\", ";
        json_string(o, std::string(str_of(rec_, c[0])) + "(" + std::string(str_of(rec_, c[5])) + ")");
        o += ", ";
        val_(o, c[3].kind() == RVal::Kind::Int ? c[3] : RVal::none());
        o += ']';
        break;
      }
      case ObjType::Instance: {
        o += "[\"INSTANCE\", ";
        std::string_view name = "?";
        if (c[0].is_ref()) name = str_of(rec_, v.content(c[0].index())[0]);
        json_string(o, name);
        pairs(v, c[1], false);
        o += ']';
        break;
      }
      case ObjType::Class: {
        o += "[\"CLASS\", ";
        json_string(o, str_of(rec_, c[0]));
        o += ", [";
        for (size_t i = h; i < c.size(); ++i) {
          if (i > h) o += ", ";
          json_string(o, str_of(rec_, c[i]));
        }
        o += ']';
        pairs(v, c[1], true);
        o += ']';
        break;
      }
      case ObjType::Cell:
        // Python's own name for the content: cell.cell_contents (absent while empty).
        o += "[\"INSTANCE\", \"cell\"";
        if (c.size() > 1 && !c[1].is_absent()) {
          o += ", [\"cell_contents\", ";
          value(v, c[1]);
          o += ']';
        }
        o += ']';
        break;
      case ObjType::Exception: {
        o += "[\"INSTANCE\", ";
        json_string(o, str_of(rec_, c[0]));
        o += ", [\"args\", ";
        std::string args = "(";
        for (size_t i = h; i < c.size(); ++i) {
          std::string one;
          ValueWriter{rec_, true, {}}(one, c[i]);
          args += (i > h ? ", " : "") + one;
        }
        args += ")";
        json_string(o, args);
        o += "]]";
        break;
      }
      default: {
        // Methods, generators, builtins, modules and the rest: a named primitive.
        std::string kind = obj_type_name(type), text;
        if (type == ObjType::Other) {
          kind = std::string(str_of(rec_, c[0]));
          text = std::string(str_of(rec_, c[1]));
        } else if (type == ObjType::Builtin || type == ObjType::Module || type == ObjType::Generator) {
          text = "<" + kind + " " + std::string(str_of(rec_, c[0])) + ">";
        } else {
          text = "<" + kind + ">";
        }
        o += "[\"HEAP_PRIMITIVE\", ";
        json_string(o, kind);
        o += ", ";
        json_string(o, text);
        o += ']';
        break;
      }
    }
  }

  const Recording& rec_;
  std::string& o;
  ValueWriter val_;
  std::vector<uint32_t> queue_;  // this step's heap, in order of first reference
  std::unordered_set<uint32_t> queued_;
};

}  // namespace

ExportResult write_trace_pytutor(const Recording& rec, std::string_view source, std::ostream& out,
                                 uint64_t max_bytes) {
  std::string o = "{\"code\": ";
  json_string(o, source);
  o += ", \"trace\": [";
  ExportResult result;
  uint64_t flushed = 0;
  size_t step_start = 0;
  PytutorWriter writer(rec, o);
  Cursor cursor(rec);
  const uint32_t n = rec.step_count();
  while (cursor.advance()) {
    step_start = o.size();
    if (cursor.step() > 1) o += ",\n";
    bool uncaught = cursor.step() == n && rec.end.status == RunEnd::Status::Error &&
                    rec.step(n).event() == StepEvent::Return && rec.step(n).depth() == 1;
    writer.step(StepView(rec, cursor.step(), &cursor), uncaught);
    if (max_bytes && flushed + o.size() + 4096 > max_bytes) {
      o.resize(step_start);  // this step does not fit: drop it, keep the ones before
      result.truncated = true;
      break;
    }
    result.steps_written = cursor.step();
    if (o.size() > (1u << 20)) {
      out << o;
      flushed += o.size();
      o.clear();
    }
  }
  if (result.truncated) {
    if (result.steps_written > 0) o += ",\n";
    o += "{\"event\": \"instruction_limit_reached\", \"exception_msg\": ";
    json_string(o, trace_size_limit_message(max_bytes, result.steps_written, n));
    o += "}";
  }
  o += "]}\n";
  out << o;
  return result;
}

}  // namespace cv
