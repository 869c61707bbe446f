// Shared by the two model adapters (trace_to_model.cpp, recording_to_model.cpp): value text, signatures, change marks.
#include "ui/layout/model_common.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace cv::layout::detail {

// repr() of a float: the shortest digits that round-trip, fixed notation for 1e-4 <= |x| < 1e16.
std::string python_float_repr(double x) {
  if (x != x) return "nan";
  if (x == 0) return std::signbit(x) ? "-0.0" : "0.0";
  if (x > 1.7976931348623157e308) return "inf";
  if (x < -1.7976931348623157e308) return "-inf";
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  std::string s = buf, sign;
  if (s[0] == '-') {
    sign = "-";
    s.erase(0, 1);
  }
  std::size_t e = s.find('e');
  int exponent = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (std::size_t i = 0; i < e; ++i)
    if (s[i] != '.') digits += s[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int decpt = exponent + 1;   // digits = 0.DIGITS * 10^decpt
  const int n = static_cast<int>(digits.size());
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
    else if (decpt >= n) out = digits + std::string(static_cast<std::size_t>(decpt - n), '0') + ".0";
    else out = digits.substr(0, static_cast<std::size_t>(decpt)) + "." + digits.substr(static_cast<std::size_t>(decpt));
  } else {
    out = digits.substr(0, 1);
    if (n > 1) out += "." + digits.substr(1);
    int ex = decpt - 1;
    out += ex < 0 ? "e-" : "e+";
    if (std::abs(ex) < 10) out += '0';
    out += std::to_string(std::abs(ex));
  }
  return sign + out;
}


// ---- Signatures -------------------------------------------------------------------------------------

std::vector<std::string> parameter_names(std::string_view params) {   // params without the parens
  std::vector<std::string> names;
  int depth = 0;
  std::size_t start = 0;
  auto take = [&](std::string_view piece) {
    std::size_t i = 0;
    while (i < piece.size() && (piece[i] == ' ' || piece[i] == '*')) ++i;
    std::size_t j = i;
    while (j < piece.size() && (std::isalnum(static_cast<unsigned char>(piece[j])) || piece[j] == '_' ||
                                static_cast<unsigned char>(piece[j]) >= 0x80))
      ++j;
    if (j > i) names.emplace_back(piece.substr(i, j - i));
  };
  for (std::size_t i = 0; i <= params.size(); ++i) {
    char c = i < params.size() ? params[i] : ',';
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') --depth;
    else if (c == ',' && depth == 0) {
      take(params.substr(start, i - start));
      start = i + 1;
    }
  }
  return names;
}

// The parameter list of `def name(` at or after line `first_line` (decorators come first).
std::optional<Signature> signature_from_source(const std::vector<std::string>& lines, int first_line, std::string_view name) {
  if (first_line < 1 || name.empty()) return std::nullopt;
  for (std::size_t ln = static_cast<std::size_t>(first_line) - 1; ln < lines.size() && ln < static_cast<std::size_t>(first_line) + 30; ++ln) {
    const std::string& line = lines[ln];
    std::size_t def = line.find("def ");
    if (def == std::string::npos) continue;
    std::size_t p = def + 4;
    while (p < line.size() && line[p] == ' ') ++p;
    if (line.compare(p, name.size(), name) != 0) continue;
    p += name.size();
    while (p < line.size() && line[p] == ' ') ++p;
    if (p >= line.size() || line[p] != '(') continue;
    // Collect up to the matching ')', across lines, skipping strings and comments.
    std::string text;
    int depth = 0;
    char quote = 0;
    for (std::size_t l = ln; l < lines.size() && l < ln + 40; ++l, p = 0) {
      const std::string& s = lines[l];
      for (; p < s.size(); ++p) {
        char c = s[p];
        if (quote) {
          text += c;
          if (c == '\\' && p + 1 < s.size()) text += s[++p];
          else if (c == quote) quote = 0;
          continue;
        }
        if (c == '#') break;
        if (c == '\'' || c == '"') quote = c;
        if (c == '(' || c == '[' || c == '{') ++depth;
        if (c == ')' || c == ']' || c == '}') --depth;
        if (c == ' ' || c == '\t') {
          if (!text.empty() && text.back() != ' ' && text.back() != '(') text += ' ';
          continue;
        }
        text += c;
        if (depth == 0) {
          if (text.size() >= 2 && text[text.size() - 2] == ' ') text.erase(text.size() - 2, 1);
          // "(a, b,)" -> "(a, b)"
          if (text.size() >= 3 && text[text.size() - 2] == ',') text.erase(text.size() - 2, 1);
          return Signature{text, parameter_names(std::string_view(text).substr(1, text.size() - 2))};
        }
      }
      if (!text.empty() && text.back() != ' ' && text.back() != '(') text += ' ';
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::vector<std::string> split_lines(std::string_view source) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= source.size()) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string line(source.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

// Marks what is new or changed in `now` relative to `before` (null at the first step), and appends
// the objects of `before` that are gone as unreachable.
void mark_changes(DiagramModel& now, const DiagramModel* before) {
  std::unordered_map<FrameId, const DiagramFrame*> old_frames;
  std::unordered_map<ObjectId, const DiagramObject*> old_objects;
  if (before) {
    for (const DiagramFrame& f : before->frames) old_frames.emplace(f.id, &f);
    for (const DiagramObject& o : before->objects) old_objects.emplace(o.id, &o);
  }
  auto find = [](const auto& index, std::int64_t id) {
    auto it = index.find(id);
    return it == index.end() ? nullptr : it->second;
  };
  // Rows and items are matched by name/key: at the same position (the usual case), else through
  // an index built on demand, so a 10000-item list costs 10000 comparisons, not 10000².
  auto value_key = [](const Value& v) { return std::to_string(static_cast<int>(v.kind)) + '\x1f' + v.text + '\x1f' + std::to_string(v.id); };
  for (DiagramFrame& f : now.frames) {
    const DiagramFrame* old = find(old_frames, f.id);
    f.is_new = !old;
    std::unordered_map<std::string, const FrameRow*> by_name;
    for (std::size_t i = 0; i < f.rows.size(); ++i) {
      FrameRow& r = f.rows[i];
      const FrameRow* was = nullptr;
      if (old && i < old->rows.size() && old->rows[i].name == r.name) {
        was = &old->rows[i];
      } else if (old) {
        if (by_name.empty())
          for (const FrameRow& o : old->rows) by_name.emplace(o.name, &o);
        auto it = by_name.find(r.name);
        if (it != by_name.end()) was = it->second;
      }
      r.changed = !was || !(was->value == r.value) || was->cell != r.cell;
    }
  }
  for (DiagramObject& o : now.objects) {
    const DiagramObject* old = find(old_objects, o.id);
    o.is_new = !old;
    if (!old) continue;
    bool any = o.header != old->header || o.closure.size() != old->closure.size() || o.items.size() != old->items.size();
    std::unordered_map<std::string, const ObjectItem*> by_key;
    std::unordered_set<std::string> old_values;   // sets: items have no keys
    for (std::size_t i = 0; i < o.items.size(); ++i) {
      ObjectItem& item = o.items[i];
      const bool positional = i < old->items.size() && old->items[i].key == item.key;
      bool same = false;
      if (positional && old->items[i].value == item.value) {
        same = true;
      } else if (o.kind == ObjectKind::Set) {
        if (old_values.empty())
          for (const ObjectItem& x : old->items) old_values.insert(value_key(x.value));
        same = old_values.count(value_key(item.value)) > 0;
      } else if (!item.key.empty() && !positional) {
        if (by_key.empty())
          for (const ObjectItem& x : old->items) by_key.emplace(x.key, &x);
        auto it = by_key.find(item.key);
        same = it != by_key.end() && it->second->value == item.value;
      }
      item.changed = !same;
      any = any || !same;
    }
    o.changed = any;
  }
  if (!before) return;
  std::unordered_set<ObjectId> present;
  for (const DiagramObject& o : now.objects) present.insert(o.id);
  for (const DiagramObject& o : before->objects) {
    if (!o.reachable || present.count(o.id)) continue;
    DiagramObject gone = o;
    gone.reachable = false;
    gone.is_new = gone.changed = false;
    for (ObjectItem& item : gone.items) item.changed = false;
    now.objects.push_back(std::move(gone));
  }
}


void note_retained_frames(std::map<FrameId, DiagramFrame>& off_stack,
                          const std::function<std::string(ObjectId)>& function_name) {
  for (auto& [fid, f] : off_stack) {
    if (f.state != FrameState::Retained) continue;
    std::string names;
    for (ObjectId fn : f.retained_by) {
      std::string name = function_name(fn);
      if (name == "<lambda>") name = "\xCE\xBB";
      names += (names.empty() ? "" : ", ") + name;
    }
    f.note = "returned; retained by " + names;
  }
}

void order_frames(std::vector<DiagramFrame>& stack_frames, std::map<FrameId, DiagramFrame>& off_stack,
                  std::vector<DiagramFrame>& frames) {
  for (DiagramFrame& f : stack_frames) {
    for (auto it = off_stack.begin(); it != off_stack.end() && it->first < f.id;) {
      frames.push_back(std::move(it->second));
      it = off_stack.erase(it);
    }
    frames.push_back(std::move(f));
  }
  for (auto& [fid, f] : off_stack) frames.push_back(std::move(f));
  stack_frames.clear();
  off_stack.clear();
}

}  // namespace cv::layout::detail
