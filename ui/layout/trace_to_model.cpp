// Adapter from the JSON-lines trace to DiagramModel: frame history, value formatting, change marking.
#include "ui/layout/trace_to_model.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "ui/layout/model_common.h"

namespace cv::layout {

using namespace detail;

namespace {

using Json = nlohmann::ordered_json;   // keeps the trace's key order: globals in definition order

// ---- Reading JSON lines -----------------------------------------------------------------------------

// Integers too long for 64 bits would be read as doubles and lose digits. The trace writes every
// digit, so such literals (outside strings) are rewritten to ["int", "DIGITS"] before parsing.
std::string protect_big_ints(std::string_view line) {
  std::string out;
  bool rewritten = false, in_string = false;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      continue;
    }
    if (c != '-' && (c < '0' || c > '9')) continue;
    std::size_t j = i + (c == '-');
    std::size_t digits_start = j;
    while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
    bool integer = j == line.size() || (line[j] != '.' && line[j] != 'e' && line[j] != 'E');
    if (integer && j - digits_start > 18) {
      out.append(line.substr(copied, i - copied));
      out += "[\"int\",\"";
      out.append(line.substr(i, j - i));
      out += "\"]";
      copied = j;
      rewritten = true;
    }
    i = j - 1;
  }
  if (!rewritten) return std::string(line);
  out.append(line.substr(copied));
  return out;
}

// Python's json writes lone surrogates (str values can hold them) as \udXXX escapes, which the
// JSON parser rejects: they become U+FFFD.
std::string replace_lone_surrogates(std::string_view line) {
  auto hex4 = [&](std::size_t at) -> long {
    if (at + 4 > line.size()) return -1;
    char buf[5] = {line[at], line[at + 1], line[at + 2], line[at + 3], 0};
    char* end = nullptr;
    long v = std::strtol(buf, &end, 16);
    return end == buf + 4 ? v : -1;
  };
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (!in_string) {
      if (c == '"') in_string = true;
      out += c;
      continue;
    }
    if (c == '"') {
      in_string = false;
      out += c;
      continue;
    }
    if (c != '\\' || i + 1 >= line.size()) {
      out += c;
      continue;
    }
    if (line[i + 1] != 'u') {
      out.append(line.substr(i, 2));
      ++i;
      continue;
    }
    long v = hex4(i + 2);
    if (v >= 0xD800 && v <= 0xDBFF && i + 7 < line.size() && line[i + 6] == '\\' && line[i + 7] == 'u') {
      long low = hex4(i + 8);
      if (low >= 0xDC00 && low <= 0xDFFF) {   // a proper pair
        out.append(line.substr(i, 12));
        i += 11;
        continue;
      }
    }
    if (v >= 0xD800 && v <= 0xDFFF) out += "\\ufffd";
    else out.append(line.substr(i, 6));
    i += 5;
  }
  return out;
}

Json parse_line(std::string_view line, std::size_t line_no) {
  std::string text = protect_big_ints(line);
  try {
    return Json::parse(text);
  } catch (const Json::parse_error&) {
  }
  try {
    return Json::parse(replace_lone_surrogates(text));
  } catch (const Json::parse_error& e) {
    throw TraceError("line " + std::to_string(line_no) + ": " + e.what());
  }
}

// ---- Values -------------------------------------------------------------------------------------------

// Heap index of one step: id -> object record.
using Heap = std::unordered_map<ObjectId, const Json*>;

Heap index_heap(const Json& step) {
  Heap heap;
  auto it = step.find("heap");
  if (it == step.end() || !it->is_object()) return heap;
  heap.reserve(it->size());
  for (auto& [key, obj] : it->items()) heap.emplace(std::strtoll(key.c_str(), nullptr, 10), &obj);
  return heap;
}

std::string str_or(const Json& obj, const char* key, std::string fallback = {}) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::int64_t id_or(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_number_integer() ? it->get<std::int64_t>() : kNoId;
}

const Json& member(const Json& obj, const char* key) {
  static const Json kNull;
  auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
}

// "<list>", "<Counter instance>": the text shown for a reference whose target is not drawn.
std::string type_text(const Json* obj) {
  if (!obj) return "<object>";
  std::string t = str_or(*obj, "t", "object");
  if (t == "instance") return "<" + str_or(*obj, "class", "object") + " instance>";
  if (t == "function") return "<function " + str_or(*obj, "name") + ">";
  return "<" + t + ">";
}

Value to_value(const Json& v, const Heap& heap) {
  if (v.is_null()) return Value::inline_text("None");
  if (v.is_boolean()) return Value::inline_text(v.get<bool>() ? "True" : "False");
  if (v.is_number_integer()) return Value::inline_text(v.dump());
  if (v.is_number_float()) return Value::inline_text(python_float_repr(v.get<double>()));
  if (v.is_string()) return Value::inline_text(python_str_repr(v.get_ref<const std::string&>()));
  if (v.is_array() && !v.empty() && v[0].is_string()) {
    const std::string& tag = v[0].get_ref<const std::string&>();
    if (tag == "ref" && v.size() > 1 && v[1].is_number_integer()) {
      ObjectId id = v[1].get<ObjectId>();
      auto it = heap.find(id);
      return Value::object(id, type_text(it == heap.end() ? nullptr : it->second));
    }
    if (tag == "unbound") return Value::unbound();
    if ((tag == "float" || tag == "int") && v.size() > 1 && v[1].is_string()) return Value::inline_text(v[1].get<std::string>());
  }
  return Value::inline_text(v.dump());
}

// A dict key as text: its repr, or for a tuple/frozenset of primitives "(1, 2)".
std::string key_text(const Json& k, const Heap& heap) {
  Value v = to_value(k, heap);
  if (v.kind != Value::Kind::Object) return v.text;
  auto it = heap.find(v.id);
  if (it == heap.end()) return v.text;
  const Json& obj = *it->second;
  std::string t = str_or(obj, "t");
  if (t != "tuple" && t != "frozenset") return v.text;
  std::string out = t == "tuple" ? "(" : "frozenset({";
  const Json& items = member(obj, "items");
  for (std::size_t i = 0; i < items.size(); ++i) {
    Value item = to_value(items[i], heap);
    if (item.kind != Value::Kind::Inline) return v.text;
    if (i) out += ", ";
    out += item.text;
  }
  if (t == "tuple") out += items.size() == 1 ? ",)" : ")";
  else out += "})";
  return out;
}


}  // namespace

// ---- Python repr of str -----------------------------------------------------------------------------

std::string python_str_repr(std::string_view s) {
  const bool has_single = s.find('\'') != std::string_view::npos;
  const bool has_double = s.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  auto hex = [&](const char* prefix, unsigned v, int width) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%0*x", prefix, width, v);
    out += buf;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\\') out += "\\\\";
      else if (c == static_cast<unsigned char>(quote)) (out += '\\') += quote;
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c < 0x20 || c == 0x7F) hex("\\x", c, 2);
      else out += static_cast<char>(c);
      continue;
    }
    // Decode one UTF-8 sequence (the trace is valid UTF-8; be lenient anyway).
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + static_cast<std::size_t>(len) > s.size()) len = 1;
    std::uint32_t cp = len == 1 ? c : (c & (0x7F >> len));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    // The code points Python's repr escapes although they are not ASCII: C1 controls, the odd
    // spaces and format characters most often met in programs' strings.
    const bool escape = (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
                        (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
                        cp == 0xFEFF;
    if (len == 1) hex("\\x", cp, 2);
    else if (escape) cp <= 0xFF ? hex("\\x", cp, 2) : hex("\\u", cp, 4);
    else out.append(s.substr(i, static_cast<std::size_t>(len)));
    i += static_cast<std::size_t>(len) - 1;
  }
  out += quote;
  return out;
}

// ---- The trace ------------------------------------------------------------------------------------------

struct TraceModels::Impl {
  // What the whole trace says about one frame.
  struct FrameInfo {
    FrameId fid = kNoId;
    std::string func;                  // code name: <module>, outer, <listcomp>, a class name
    FrameId raw_parent = kNoId;        // the trace's "parent" (kNoId for null)
    ObjectId fn = kNoId;
    bool is_module = false;
    bool is_class_body = false;        // neither <module> nor running a function object
    FrameId stack_below = kNoId;       // the frame under it at its first step (a class body's creator)
    std::string label;                 // "Global", "f1"
    std::vector<std::size_t> steps;    // indices of the steps where it is on the stack
    std::vector<std::size_t> positions;  // its index in each of those steps' stack
  };

  std::vector<Json> steps;
  std::vector<std::string> source_lines;
  std::map<FrameId, FrameInfo> frames;
  FrameId module_fid = kNoId;
  std::unordered_map<ObjectId, Signature> call_signatures;   // fn -> parameters seen at its first call

  const FrameInfo* info(FrameId fid) const {
    auto it = frames.find(fid);
    return it == frames.end() ? nullptr : &it->second;
  }

  // The defining environment in the teaching model: null -> Global; a class body is skipped (its
  // functions see the scope the class statement ran in, as methods do).
  FrameId env_parent_of(FrameId raw) const {
    for (int guard = 0; guard < 64; ++guard) {
      if (raw == kNoId) return module_fid;
      const FrameInfo* f = info(raw);
      if (!f || !f->is_class_body) return raw;
      raw = f->stack_below;   // the frame the class statement ran in
    }
    return module_fid;
  }

  FrameId frame_env_parent(const FrameInfo& f) const {
    if (f.is_module) return kNoId;
    return env_parent_of(f.is_class_body ? f.stack_below : f.raw_parent);
  }

  std::string label_of(FrameId fid) const {
    const FrameInfo* f = info(fid);
    return f ? f->label : "?";
  }

  std::string title_of(const FrameInfo& f) const {
    if (f.is_module) return "Global frame";
    if (f.is_class_body) return f.label + ": class " + f.func;
    if (f.func == "<lambda>") return f.label + ": \xCE\xBB";   // λ
    return f.label + ": " + f.func;
  }

  // The frame's record at the last step <= `step` where it was on the stack, or null.
  const Json* last_record(FrameId fid, std::size_t step, std::size_t* at_step = nullptr) const {
    const FrameInfo* f = info(fid);
    if (!f || f->steps.empty()) return nullptr;
    auto it = std::upper_bound(f->steps.begin(), f->steps.end(), step);
    if (it == f->steps.begin()) return nullptr;
    std::size_t k = static_cast<std::size_t>(it - f->steps.begin()) - 1;
    if (at_step) *at_step = f->steps[k];
    return &steps[f->steps[k]]["stack"][f->positions[k]];
  }

  std::optional<Signature> signature(const Json& fn_obj, ObjectId id) const {
    int line = member(fn_obj, "line").is_number_integer() ? member(fn_obj, "line").get<int>() : 0;
    if (auto s = signature_from_source(source_lines, line, str_or(fn_obj, "name"))) return s;
    auto it = call_signatures.find(id);
    if (it != call_signatures.end()) return it->second;
    return std::nullopt;
  }

  void index();
  DiagramModel facts(std::size_t step) const;   // step's model without change marks
  DiagramObject object(ObjectId id, const Json& obj, const Heap& heap) const;
  std::vector<FrameRow> frame_rows(const Json& record, FrameId fid, const Heap& live, const Heap& recorded) const;
};

void TraceModels::Impl::index() {
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const Json& stack = member(steps[s], "stack");
    if (!stack.is_array()) continue;
    for (std::size_t p = 0; p < stack.size(); ++p) {
      const Json& fr = stack[p];
      FrameId fid = id_or(fr, "fid");
      if (fid == kNoId) continue;
      auto [it, inserted] = frames.try_emplace(fid);
      FrameInfo& f = it->second;
      if (inserted) {
        f.fid = fid;
        f.func = str_or(fr, "func");
        f.raw_parent = id_or(fr, "parent");
        f.fn = id_or(fr, "fn");
        f.is_module = f.func == "<module>" && f.fn == kNoId;
        f.is_class_body = !f.is_module && f.fn == kNoId;
        f.stack_below = p > 0 ? id_or(stack[p - 1], "fid") : kNoId;
        if (f.is_module && module_fid == kNoId) module_fid = fid;
        // Parameters: at the `call` step of a function's first frame, exactly the arguments are bound
        // (plain locals, and cells that already hold a value and are not free variables).
        if (f.fn != kNoId && p + 1 == stack.size() && str_or(steps[s], "event") == "call" && !call_signatures.count(f.fn)) {
          Heap heap = index_heap(steps[s]);
          std::unordered_set<std::string> free;
          if (auto fo = heap.find(f.fn); fo != heap.end())
            for (const Json& c : member(*fo->second, "closure"))
              if (c.is_array() && !c.empty() && c[0].is_string()) free.insert(c[0].get<std::string>());
          Signature sig;
          for (auto& [name, v] : member(fr, "locals").items()) sig.names.push_back(name);
          for (auto& [name, cell] : member(fr, "cells").items()) {
            auto c = cell.is_number_integer() ? heap.find(cell.get<ObjectId>()) : heap.end();
            if (!free.count(name) && c != heap.end() && c->second->contains("v")) sig.names.push_back(name);
          }
          sig.text = "(";
          for (std::size_t i = 0; i < sig.names.size(); ++i) sig.text += (i ? ", " : "") + sig.names[i];
          sig.text += ")";
          call_signatures.emplace(f.fn, std::move(sig));
        }
      }
      f.steps.push_back(s);
      f.positions.push_back(p);
    }
  }
  // Labels: Global, then f1, f2, ... by first call (fids are handed out in that order).
  int n = 0;
  for (auto& [fid, f] : frames) f.label = f.is_module ? "Global" : "f" + std::to_string(++n);
}

std::vector<FrameRow> TraceModels::Impl::frame_rows(const Json& record, FrameId fid, const Heap& live, const Heap& recorded) const {
  std::vector<FrameRow> rows;
  for (auto& [name, v] : member(record, "locals").items()) {
    FrameRow r;
    r.name = name;
    r.value = to_value(v, recorded);
    rows.push_back(std::move(r));
  }
  std::unordered_set<std::string> free;
  if (const FrameInfo* f = info(fid); f && f->fn != kNoId) {
    const Heap* heaps[] = {&live, &recorded};
    for (const Heap* h : heaps) {
      auto it = h->find(f->fn);
      if (it == h->end()) continue;
      for (const Json& c : member(*it->second, "closure"))
        if (c.is_array() && !c.empty() && c[0].is_string()) free.insert(c[0].get<std::string>());
      break;
    }
  }
  for (auto& [name, cell_id] : member(record, "cells").items()) {
    if (!cell_id.is_number_integer()) continue;
    FrameRow r;
    r.name = name;
    r.cell = cell_id.get<ObjectId>();
    // The cell's content now: live when the cell is in this step's heap, else as recorded.
    const Json* cell = nullptr;
    if (auto it = live.find(r.cell); it != live.end()) cell = it->second;
    else if (auto rec = recorded.find(r.cell); rec != recorded.end()) cell = rec->second;
    const Heap& values = cell && live.count(r.cell) ? live : recorded;
    r.value = cell && cell->contains("v") ? to_value((*cell)["v"], values) : Value::unbound();
    FrameId owner = cell ? id_or(*cell, "owner") : kNoId;
    const bool is_free = owner != kNoId ? owner != fid : free.count(name) > 0;
    r.role = is_free ? VariableRole::FreeVar : VariableRole::CellVar;
    rows.push_back(std::move(r));
  }
  return rows;
}

DiagramObject TraceModels::Impl::object(ObjectId id, const Json& obj, const Heap& heap) const {
  DiagramObject o;
  o.id = id;
  const std::string t = str_or(obj, "t", "object");
  auto items_of = [&](const Json& items, bool keyed) {
    if (!items.is_array()) return;
    for (std::size_t i = 0; i < items.size(); ++i)
      o.items.push_back({keyed ? std::to_string(i) : std::string(), to_value(items[i], heap), false});
  };
  auto attrs_of = [&](const Json& attrs) {
    if (!attrs.is_object()) return;
    for (auto& [name, v] : attrs.items()) o.items.push_back({name, to_value(v, heap), false});
  };
  auto empty_prefix = [&](const std::string& header) { return o.items.empty() ? "empty " + header : header; };

  if (t == "function") {
    const std::string name = str_or(obj, "name");
    o.parent_frame = env_parent_of(id_or(obj, "parent"));
    const std::string parent = " [parent=" + label_of(o.parent_frame) + "]";
    const int line = member(obj, "line").is_number_integer() ? member(obj, "line").get<int>() : 0;
    if (name == "<lambda>") {
      o.kind = ObjectKind::Lambda;
      o.header = "\xCE\xBB <line " + std::to_string(line) + ">" + parent;   // λ
    } else {
      o.kind = ObjectKind::Function;
      auto sig = signature(obj, id);
      o.header = "func " + name + (sig ? sig->text : std::string("(\xE2\x80\xA6)")) + parent;
    }
    for (const Json& c : member(obj, "closure"))
      if (c.is_array() && c.size() >= 2 && c[0].is_string() && c[1].is_number_integer())
        o.closure.push_back({c[0].get<std::string>(), c[1].get<ObjectId>()});
  } else if (t == "cell") {
    o.kind = ObjectKind::Cell;
    o.header = "cell";
    o.items.push_back({"", obj.contains("v") ? to_value(obj["v"], heap) : Value::unbound(), false});
  } else if (t == "list" || t == "tuple" || t == "deque") {
    o.kind = t == "tuple" ? ObjectKind::Tuple : ObjectKind::List;
    items_of(member(obj, "items"), true);
    attrs_of(member(obj, "attrs"));
    o.header = empty_prefix(str_or(obj, "class", t));
  } else if (t == "set" || t == "frozenset") {
    o.kind = ObjectKind::Set;
    items_of(member(obj, "items"), false);
    attrs_of(member(obj, "attrs"));
    o.header = empty_prefix(str_or(obj, "class", t));
  } else if (t == "dict") {
    o.kind = ObjectKind::Dict;
    for (const Json& kv : member(obj, "items"))
      if (kv.is_array() && kv.size() == 2) o.items.push_back({key_text(kv[0], heap), to_value(kv[1], heap), false});
    attrs_of(member(obj, "attrs"));
    o.header = empty_prefix(str_or(obj, "class", "dict"));
  } else if (t == "instance") {
    o.kind = ObjectKind::Instance;
    o.header = str_or(obj, "class", "object") + " instance";
    attrs_of(member(obj, "attrs"));
  } else if (t == "class") {
    o.kind = ObjectKind::Class;
    o.header = "class " + str_or(obj, "name");
    std::string bases;
    for (const Json& b : member(obj, "bases"))
      if (b.is_string() && b.get<std::string>() != "object") bases += (bases.empty() ? "" : ", ") + b.get<std::string>();
    if (!bases.empty()) o.header += "(" + bases + ")";
    attrs_of(member(obj, "attrs"));
  } else if (t == "method") {
    o.kind = ObjectKind::Method;
    Value func = to_value(member(obj, "func"), heap);
    std::string name;
    if (func.kind == Value::Kind::Object)
      if (auto f = heap.find(func.id); f != heap.end()) name = " " + str_or(*f->second, "name");
    o.header = "method" + name;
    o.items.push_back({"__func__", func, false});
    o.items.push_back({"__self__", to_value(member(obj, "self"), heap), false});
  } else if (t == "generator" || t == "coroutine" || t == "async_generator") {
    o.kind = ObjectKind::Generator;
    o.header = t + " " + str_or(obj, "name");
    FrameId fid = id_or(obj, "fid");
    o.items.push_back({"frame", fid == kNoId ? Value::inline_text("(none)") : Value::frame(fid), false});
  } else {
    o.kind = ObjectKind::Other;
    o.header = t;
    if (t == "builtin" || t == "module") o.header += " " + str_or(obj, "name");
    if (t == "exception") {
      o.header = str_or(obj, "class", "exception");
      items_of(member(obj, "args"), true);
      attrs_of(member(obj, "attrs"));
    } else if (obj.contains("func")) {   // staticmethod, classmethod
      o.items.push_back({"__func__", to_value(obj["func"], heap), false});
    } else if (obj.contains("items")) {
      items_of(member(obj, "items"), true);
    } else if (obj.contains("repr")) {
      o.items.push_back({"", Value::inline_text(str_or(obj, "repr")), false});
    }
  }
  return o;
}

DiagramModel TraceModels::Impl::facts(std::size_t s) const {
  DiagramModel m;
  const Json& step = steps[s];
  const Heap heap = index_heap(step);
  const Json& stack = member(step, "stack");
  const std::string event = str_or(step, "event");

  // Frames on the stack.
  std::unordered_set<FrameId> on_stack;
  std::vector<DiagramFrame> stack_frames;
  for (std::size_t p = 0; p < stack.size(); ++p) {
    const Json& fr = stack[p];
    const FrameId fid = id_or(fr, "fid");
    const FrameInfo* info_p = info(fid);
    if (!info_p) continue;
    on_stack.insert(fid);
    DiagramFrame f;
    f.id = fid;
    f.label = info_p->label;
    f.title = title_of(*info_p);
    f.parent = frame_env_parent(*info_p);
    f.rows = frame_rows(fr, fid, heap, heap);
    const bool top = p + 1 == stack.size();
    f.state = top ? FrameState::Current : FrameState::Active;
    if (top) {
      m.current_frame = fid;
      if (event == "return") {
        f.state = FrameState::Returned;
        if (member(step, "yield").is_boolean() && step["yield"].get<bool>()) {
          f.has_return_value = true;
          f.return_label = "Yield value";
          f.return_value = to_value(member(step, "ret"), heap);
          f.note = "suspends at this yield";
        } else if (member(step, "unwind").is_boolean() && step["unwind"].get<bool>()) {
          f.note = "exits with an exception";
        } else {
          f.has_return_value = true;
          f.return_value = to_value(member(step, "ret"), heap);
        }
      } else if (event == "exception") {
        const Json& exc = member(step, "exc");
        if (exc.is_array() && exc.size() == 2 && exc[0].is_string() && exc[1].is_string())
          f.note = "raises " + exc[0].get<std::string>() + (exc[1].get<std::string>().empty() ? "" : ": " + exc[1].get<std::string>());
      }
    }
    stack_frames.push_back(std::move(f));
  }

  // Frames off the stack: suspended generators' frames, and returned frames kept by live functions.
  std::map<FrameId, DiagramFrame> off_stack;
  for (const auto& [id, obj] : heap) {
    std::string t = str_or(*obj, "t");
    if (t != "generator" && t != "coroutine" && t != "async_generator") continue;
    FrameId fid = id_or(*obj, "fid");
    if (fid == kNoId || on_stack.count(fid) || off_stack.count(fid)) continue;
    std::size_t at = 0;
    const Json* record = last_record(fid, s, &at);
    const FrameInfo* fi = info(fid);
    if (!record || !fi) continue;
    DiagramFrame f;
    f.id = fid;
    f.label = fi->label;
    f.title = title_of(*fi);
    f.parent = frame_env_parent(*fi);
    f.state = FrameState::Suspended;
    f.note = "suspended at line " + std::to_string(id_or(*record, "line"));
    f.rows = frame_rows(*record, fid, heap, index_heap(steps[at]));
    off_stack.emplace(fid, std::move(f));
  }
  // Functions in the heap's order (breadth first from the stack), which RecordingModels reproduces.
  std::vector<std::pair<ObjectId, const Json*>> functions;
  if (auto h = step.find("heap"); h != step.end() && h->is_object())
    for (auto& [key, obj] : h->items())
      if (str_or(obj, "t") == "function") functions.emplace_back(std::strtoll(key.c_str(), nullptr, 10), &obj);
  for (const auto& [id, obj] : functions) {
    // Every frame of the function's environment chain that is off the stack is kept by it.
    FrameId fid = env_parent_of(id_or(*obj, "parent"));
    for (int guard = 0; guard < 256 && fid != kNoId && fid != module_fid && !on_stack.count(fid); ++guard) {
      auto it = off_stack.find(fid);
      if (it == off_stack.end()) {
        const FrameInfo* fi = info(fid);
        std::size_t at = 0;
        const Json* record = last_record(fid, s, &at);
        if (!fi || !record) break;
        DiagramFrame f;
        f.id = fid;
        f.label = fi->label;
        f.title = title_of(*fi);
        f.parent = frame_env_parent(*fi);
        f.state = FrameState::Retained;
        // What survives of a returned frame is its cells: keep the cell variables still alive.
        for (FrameRow& r : frame_rows(*record, fid, heap, index_heap(steps[at])))
          if (r.role == VariableRole::CellVar && heap.count(r.cell)) f.rows.push_back(std::move(r));
        it = off_stack.emplace(fid, std::move(f)).first;
      }
      DiagramFrame& f = it->second;
      if (f.state == FrameState::Retained && std::find(f.retained_by.begin(), f.retained_by.end(), id) == f.retained_by.end())
        f.retained_by.push_back(id);
      fid = f.parent;
    }
  }
  note_retained_frames(off_stack, [&](ObjectId fn) {
    auto it = heap.find(fn);
    return it == heap.end() ? std::string("?") : str_or(*it->second, "name");
  });

  order_frames(stack_frames, off_stack, m.frames);

  // Rows: parameters first, in signature order (the trace lists plain locals and cells apart).
  for (DiagramFrame& f : m.frames) {
    const FrameInfo* fi = info(f.id);
    if (!fi || fi->fn == kNoId) continue;
    auto fn = heap.find(fi->fn);
    std::optional<Signature> sig;
    if (fn != heap.end()) sig = signature(*fn->second, fi->fn);
    else if (auto c = call_signatures.find(fi->fn); c != call_signatures.end()) sig = c->second;
    if (!sig) continue;
    auto rank = [&](const FrameRow& r) {
      auto p = std::find(sig->names.begin(), sig->names.end(), r.name);
      return p == sig->names.end() ? sig->names.size() : static_cast<std::size_t>(p - sig->names.begin());
    };
    std::stable_sort(f.rows.begin(), f.rows.end(), [&](const FrameRow& a, const FrameRow& b) { return rank(a) < rank(b); });
  }

  // Objects, in the trace's order. (The layout draws those the frames reach: a tuple shown as a
  // dict key's text, or a comprehension's function object, is in the model but not drawn.)
  if (auto h = step.find("heap"); h != step.end() && h->is_object())
    for (auto& [key, obj] : h->items()) m.objects.push_back(object(std::strtoll(key.c_str(), nullptr, 10), obj, heap));
  return m;
}


// ---- TraceModels --------------------------------------------------------------------------------------

TraceModels::TraceModels(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TraceModels::TraceModels(TraceModels&&) noexcept = default;
TraceModels& TraceModels::operator=(TraceModels&&) noexcept = default;
TraceModels::~TraceModels() = default;

TraceModels TraceModels::parse(std::string_view jsonl, std::string_view source) {
  auto impl = std::make_unique<Impl>();
  if (!source.empty()) impl->source_lines = split_lines(source);
  std::size_t line_no = 0, start = 0;
  while (start < jsonl.size()) {
    std::size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string_view line = jsonl.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Json record = parse_line(line, line_no);
    if (!record.is_object()) throw TraceError("line " + std::to_string(line_no) + ": not a JSON object");
    const std::string kind = str_or(record, "kind");
    if (kind == "meta") {
      if (member(record, "format").is_number_integer() && record["format"].get<int>() != 1)
        throw TraceError("line " + std::to_string(line_no) + ": trace format " + record["format"].dump() + " (this reader knows format 1)");
    } else if (kind == "step") {
      if (!member(record, "stack").is_array()) throw TraceError("line " + std::to_string(line_no) + ": step without a stack");
      impl->steps.push_back(std::move(record));
    }
  }
  impl->index();
  return TraceModels(std::move(impl));
}

std::size_t TraceModels::step_count() const { return impl_->steps.size(); }

DiagramModel TraceModels::model(std::size_t step, ViewMode view) const {
  if (step < 1 || step > impl_->steps.size())
    throw std::out_of_range("step " + std::to_string(step) + " is not in the trace (1.." + std::to_string(impl_->steps.size()) + ")");
  DiagramModel now = impl_->facts(step - 1);
  if (step >= 2) {
    DiagramModel before = impl_->facts(step - 2);
    mark_changes(now, &before);
  } else {
    mark_changes(now, nullptr);
  }
  now.view = view;
  return now;
}

}  // namespace cv::layout
