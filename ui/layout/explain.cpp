// Step explanations: the call/line/return/exception sentence of each step, from StepView's stack and changes.
#include "ui/layout/explain.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "ui/layout/model_common.h"
#include "ui/layout/trace_to_model.h"

namespace cv::layout {

namespace {

constexpr std::size_t kMaxValueChars = 40;   // longer values end with "…"
constexpr std::size_t kMaxChanges = 3;       // then "and N more changes"

RVal slot(const std::vector<RVal>& content, std::size_t i) { return i < content.size() ? content[i] : RVal(); }

std::string shorten(std::string text) {
  if (text.size() <= kMaxValueChars) return text;
  std::size_t cut = kMaxValueChars - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;   // not inside a UTF-8 sequence
  return text.substr(0, cut) + "\xE2\x80\xA6";
}

std::string join_list(const std::vector<std::string>& items) {   // "a", "a and b", "a, b and c"
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

// The identifiers of one source line outside string literals and comments.
std::unordered_set<std::string> identifiers_on(std::string_view line) {
  std::unordered_set<std::string> names;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '#') break;
    if (c == '\'' || c == '"') {
      quote = c;
      continue;
    }
    const auto ident = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || static_cast<unsigned char>(ch) >= 0x80; };
    if (!ident(c) || std::isdigit(static_cast<unsigned char>(c))) {
      // Skip the rest of a number (1e5, 0x1F) so its letters are not read as names.
      if (std::isdigit(static_cast<unsigned char>(c)))
        while (i + 1 < line.size() && ident(line[i + 1])) ++i;
      continue;
    }
    std::size_t j = i;
    while (j < line.size() && ident(line[j])) ++j;
    // An attribute (obj.x) is not the variable x.
    std::size_t k = i;
    while (k > 0 && line[k - 1] == ' ') --k;
    if (k == 0 || line[k - 1] != '.') names.emplace(line.substr(i, j - i));
    i = j - 1;
  }
  return names;
}

// Whether `name` is assigned on the line (`name =`, `name += 1`), as opposed to only read.
bool assigned_on(std::string_view line, std::string_view name) {
  for (std::size_t at = line.find(name); at != std::string_view::npos; at = line.find(name, at + 1)) {
    const auto ident = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; };
    if (at > 0 && (ident(line[at - 1]) || line[at - 1] == '.')) continue;
    std::size_t p = at + name.size();
    if (p < line.size() && ident(line[p])) continue;
    while (p < line.size() && line[p] == ' ') ++p;
    std::size_t q = p;
    while (q < line.size() && std::string_view("+-*/%&|^@<>").find(line[q]) != std::string_view::npos) ++q;
    if (q < line.size() && line[q] == '=' && (q + 1 >= line.size() || line[q + 1] != '=') &&
        (q == p || (line[p] != '<' && line[p] != '>') || q - p == 2))
      return true;
  }
  return false;
}

// "a list", "an UnboundLocalError exception": the article for a noun phrase.
std::string a_or_an(const std::string& phrase) {
  const char c = phrase.empty() ? 'x' : static_cast<char>(std::tolower(static_cast<unsigned char>(phrase[0])));
  return (std::string_view("aeiou").find(c) != std::string_view::npos ? "an " : "a ") + phrase;
}

class Explainer {
 public:
  Explainer(const ExplainContext& context, std::uint32_t step)
      : cx_(context), rec_(context.recording), s_(step), now_(rec_, step) {
    if (step > 1) before_.emplace(rec_, step - 1);
  }

  std::string sentence() {
    if (now_.stack().empty()) return "Step " + std::to_string(s_) + ".";
    std::string out;
    switch (now_.event()) {
      case StepEvent::Call: out = call(); break;
      case StepEvent::Line: out = line(); break;
      case StepEvent::Return: out = returned(); break;
      case StepEvent::Exception: out = exception(); break;
    }
    if (out.rfind("the ", 0) == 0) out[0] = 'T';   // a sentence opening with a Python name stays as it is
    return out;
  }

 private:
  std::string label(std::uint32_t fid) const { return fid ? cx_.frame_label(fid) : "Global"; }
  std::string_view text(RVal v) const { return v.kind() == RVal::Kind::Str ? rec_.text(v.index()) : std::string_view(); }
  const CodeRecord& code(std::uint32_t fid) const { return rec_.code_of(fid); }
  bool is_module(std::uint32_t fid) const { return code(fid).kind == CodeRecord::Kind::Module; }

  // How a running frame is named in a sentence: "outer_function", "the λ of line 4", "the list comprehension".
  std::string frame_name(std::uint32_t fid) const {
    const std::string_view name = rec_.frame_name(fid);
    if (code(fid).kind == CodeRecord::Kind::ClassBody) return "the body of class " + std::string(name);
    if (name == "<lambda>") return "the \xCE\xBB of line " + std::to_string(code(fid).first_line);
    if (name == "<listcomp>") return "the list comprehension";
    if (name == "<dictcomp>") return "the dict comprehension";
    if (name == "<setcomp>") return "the set comprehension";
    if (name == "<genexpr>") return "the generator expression";
    if (name == "<module>") return "the program";
    return std::string(name);
  }

  // A value in a sentence: its repr for primitives, a description for objects.
  std::string describe(const StepView& v, RVal x) const {
    switch (x.kind()) {
      case RVal::Kind::Absent: return "nothing";
      case RVal::Kind::None: return "None";
      case RVal::Kind::Bool: return x.as_bool() ? "True" : "False";
      case RVal::Kind::Int: return std::to_string(x.as_int());
      case RVal::Kind::BigInt: return shorten(std::string(rec_.text(x.index())));
      case RVal::Kind::Float: return detail::python_float_repr(rec_.float_value(x.index()));
      case RVal::Kind::Str: return shorten(python_str_repr(rec_.text(x.index())));
      case RVal::Kind::Ref: break;
    }
    const std::uint32_t id = x.index();
    const std::vector<RVal>& c = v.content(id);
    switch (rec_.object_type(id)) {
      case ObjType::Function: {
        const std::string_view name = text(slot(c, 0));
        if (name == "<lambda>") return "a \xCE\xBB (line " + std::to_string(slot(c, 2).kind() == RVal::Kind::Int ? slot(c, 2).as_int() : 0) + ")";
        return std::string(name);
      }
      case ObjType::Instance: {
        std::string_view cls = "object";
        if (slot(c, 0).is_ref()) cls = text(slot(v.content(c[0].index()), 0));
        return a_or_an(std::string(cls) + " instance");
      }
      case ObjType::Class: return "class " + std::string(text(slot(c, 0)));
      case ObjType::Builtin: return "the builtin " + std::string(text(slot(c, 0)));
      case ObjType::Module: return "module " + std::string(text(slot(c, 0)));
      case ObjType::Generator: return "a generator";
      case ObjType::Method: return "a bound method";
      case ObjType::Exception: return a_or_an(std::string(text(slot(c, 0))) + " exception");
      case ObjType::Other: return a_or_an(std::string(text(slot(c, 0))) + " object");
      case ObjType::Dict: return "a dict";
      case ObjType::Tuple: return "a tuple";
      default: return a_or_an(obj_type_name(rec_.object_type(id)));
    }
  }

  // A variable of a frame on the stack of `v`: its value (a cell variable: the cell's content).
  std::optional<RVal> variable(const StepView& v, std::uint32_t fid, std::string_view name) const {
    for (const FrameView& f : v.stack()) {
      if (f.fid != fid) continue;
      for (const auto& [n, value] : f.locals)
        if (n == name) return value;
      for (const auto& [n, cell] : f.cells)
        if (n == name) {
          RVal value = slot(v.content(cell), 1);
          if (value.is_absent()) return std::nullopt;
          return value;
        }
      return std::nullopt;
    }
    return std::nullopt;
  }

  // "5, 'a'": the arguments of a frame at its call step (plain locals, then cell variables that hold
  // a value and are not free variables: what is bound at a call is exactly the parameters).
  std::string arguments(const FrameView& f) const {
    std::vector<std::string> args;
    for (const auto& [name, value] : f.locals) args.push_back(describe(now_, value));
    const CodeRecord& c = code(f.fid);
    for (const auto& [name, cell] : f.cells) {
      const auto& cell_name = name;  // clang 14 (em++) cannot capture a structured binding in a lambda
      const bool own = std::any_of(c.cell_names.begin(), c.cell_names.begin() + std::min<std::size_t>(c.ncellvars, c.cell_names.size()),
                                   [&](std::uint32_t n) { return rec_.text(n) == cell_name; });
      RVal value = slot(now_.content(cell), 1);
      if (own && !value.is_absent()) args.push_back(describe(now_, value));
    }
    if (args.size() > 4) {
      args.resize(4);
      args.push_back("\xE2\x80\xA6");
    }
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i];
    return out;
  }

  bool on_stack(const StepView& v, std::uint32_t fid) const {
    return std::any_of(v.stack().begin(), v.stack().end(), [&](const FrameView& f) { return f.fid == fid; });
  }

  std::string call() {
    const FrameView& f = now_.stack().back();
    const std::string me = label(f.fid);
    const CodeRecord& c = code(f.fid);
    if (c.kind == CodeRecord::Kind::Module) return "The program starts: the Global frame will hold its global variables.";
    if (rec_.frame_created_step(f.fid) < s_)
      return "The generator " + frame_name(f.fid) + " resumes in " + me + " at line " + std::to_string(now_.line()) + ", where it last yielded.";
    if (c.kind == CodeRecord::Kind::ClassBody)
      return "Running " + frame_name(f.fid) + " in new frame " + me + "; its names become the class attributes.";
    const std::string name = frame_name(f.fid);
    const std::string parent = label(f.parent);
    std::string parent_note;
    if (f.parent && !on_stack(now_, f.parent)) parent_note = " (" + parent + " has returned but is kept alive)";
    if (!std::string_view(rec_.frame_name(f.fid)).empty() && rec_.frame_name(f.fid)[0] == '<' && rec_.frame_name(f.fid) != "<lambda>")
      return "Running " + name + " in new frame " + me + ", its parent is " + parent + ".";
    const std::string call_text = rec_.frame_name(f.fid) == "<lambda>" ? name + " with (" + arguments(f) + ")" : name + "(" + arguments(f) + ")";
    return "Called " + call_text + ": new frame " + me + ", its parent is " + parent + " because " + name +
           " was defined there" + parent_note + ".";
  }

  // The frame that ran between the previous step and this one, and the line it ran.
  std::pair<std::uint32_t, int> previous_line() const {
    const StepView& b = *before_;
    if (b.event() == StepEvent::Return && now_.stack().size() >= 1) {
      const FrameView& caller = now_.stack().back();
      for (const FrameView& f : b.stack())
        if (f.fid == caller.fid) return {f.fid, f.line};
      return {caller.fid, caller.line};
    }
    return {b.stack().empty() ? 0u : b.stack().back().fid, b.line()};
  }

  // What happened since the previous step: variables bound or changed, functions and classes made,
  // objects changed, output printed.
  std::vector<std::string> effects(std::uint32_t writer) const {
    std::vector<std::string> parts;
    const StepView& b = *before_;
    const std::vector<StepChange> changes = now_.changes();
    std::unordered_set<std::uint32_t> reported_cells, created;
    std::uint32_t module_fid = now_.stack().empty() ? 0 : now_.stack().front().fid;
    for (const StepChange& ch : changes)
      if (ch.kind == StepChange::Kind::Created) created.insert(ch.id);
    for (const StepChange& ch : changes) {
      if (ch.kind != StepChange::Kind::Variable) continue;
      // A cell variable is reported once, in the frame that owns the cell.
      std::uint32_t owner = ch.fid;
      std::uint32_t cell = 0;
      for (const FrameView& f : now_.stack())
        if (f.fid == ch.fid)
          for (const auto& [n, id] : f.cells)
            if (n == ch.name) cell = id;
      if (cell) {
        if (!reported_cells.insert(cell).second) continue;
        RVal o = slot(now_.content(cell), 0);
        if (o.kind() == RVal::Kind::Int && o.as_int() > 0) owner = std::uint32_t(o.as_int());
      }
      const std::optional<RVal> was = variable(b, ch.fid, ch.name);
      const std::optional<RVal> is = variable(now_, ch.fid, ch.name);
      std::string where = " in " + label(owner);
      std::string how;
      if (cell && writer && writer != owner) how = " via nonlocal";
      else if (!cell && owner == module_fid && writer && writer != module_fid && !is_module(writer) &&
               code(writer).kind == CodeRecord::Kind::Function)
        how = " via global";
      if (is && was && *is == *was) continue;   // rebound to the same value
      // A def statement: a new function bound to its own name.
      if (is && is->is_ref() && created.count(is->index()) && rec_.object_type(is->index()) == ObjType::Function &&
          text(slot(now_.content(is->index()), 0)) == ch.name) {
        parts.push_back("defined " + std::string(ch.name) + where + how);
        created.erase(is->index());
        continue;
      }
      if (is && is->is_ref()) created.erase(is->index());   // described here: not counted again as new
      const std::string old_text = was ? describe(b, *was) : "", new_text = is ? describe(now_, *is) : "";
      if (!is) parts.push_back(std::string(ch.name) + where + " was deleted" + how);
      else if (!was) parts.push_back(std::string(ch.name) + " = " + new_text + where + how);
      else if (old_text == new_text && is->is_ref())   // two objects that read the same: "a cell" and "a cell"
        parts.push_back(std::string(ch.name) + where + " now refers to another " + new_text.substr(new_text.find(' ') + 1) + how);
      else parts.push_back(std::string(ch.name) + where + " changed from " + old_text + " to " + new_text + how);
    }
    // Functions and classes created (a def, a lambda, a class statement); other new objects counted.
    std::size_t others = 0;
    std::unordered_set<std::uint32_t> reachable(now_.reachable().begin(), now_.reachable().end());
    for (const StepChange& ch : changes) {
      if (ch.kind != StepChange::Kind::Created || !created.count(ch.id) || !reachable.count(ch.id)) continue;
      const std::vector<RVal>& c = now_.content(ch.id);
      if (rec_.object_type(ch.id) == ObjType::Function) {
        const RVal parent = slot(c, 3);
        const std::uint32_t pfid = parent.kind() == RVal::Kind::Int ? std::uint32_t(parent.as_int()) : 0;
        parts.push_back("made " + describe(now_, RVal::ref(ch.id)) + " with parent " + label(pfid));
      } else if (rec_.object_type(ch.id) == ObjType::Class) {
        parts.push_back("created class " + std::string(text(slot(c, 0))));
      } else if (rec_.object_type(ch.id) != ObjType::Cell) {
        ++others;
      }
    }
    // Objects changed in place (a list appended to, an attribute set), named by a variable when one refers to them.
    std::vector<std::string> changed;
    for (const StepChange& ch : changes) {
      if (ch.kind != StepChange::Kind::Object || !reachable.count(ch.id)) continue;
      const ObjType t = rec_.object_type(ch.id);
      if (t == ObjType::Cell || t == ObjType::Frame || t == ObjType::Function) continue;
      if (t == ObjType::Dict && named(ch.id).empty()) continue;   // attribute dicts: reported through their owner
      std::string name = named(ch.id);
      changed.push_back(name.empty() ? describe(now_, RVal::ref(ch.id)) + " changed" : name + " (" + describe(now_, RVal::ref(ch.id)) + ") changed");
    }
    for (std::string& p : changed) parts.push_back(std::move(p));
    if (others) parts.push_back(std::to_string(others) + (others == 1 ? " new object" : " new objects"));
    std::string_view printed = now_.stdout_new();
    if (!printed.empty()) {
      std::string out(printed);
      if (!out.empty() && out.back() == '\n') out.pop_back();
      parts.push_back("printed " + shorten(python_str_repr(out)));
    }
    return parts;
  }

  // A variable of the current frame or of Global that refers to object `id`, or "".
  std::string named(std::uint32_t id) const {
    if (now_.stack().empty()) return {};
    const FrameView* frames[] = {&now_.stack().back(), &now_.stack().front()};
    for (const FrameView* f : frames)
      for (const auto& [n, value] : f->locals)
        if (value.is_ref() && value.index() == id) return std::string(n);
    return {};
  }

  // The free variables the current line names, read (or written) through the closure's cells.
  std::string closure_reads() const {
    const FrameView& f = now_.stack().back();
    const CodeRecord& c = code(f.fid);
    const int ln = now_.line();
    if (c.ncellvars >= c.cell_names.size() || ln < 1 || static_cast<std::size_t>(ln) > cx_.source_lines.size()) return {};
    const std::string& line = cx_.source_lines[static_cast<std::size_t>(ln) - 1];
    const std::unordered_set<std::string> names = identifiers_on(line);
    std::vector<std::string> reads, writes;
    std::vector<std::string> owners;
    for (std::size_t i = c.ncellvars; i < c.cell_names.size(); ++i) {
      const std::string name(rec_.text(c.cell_names[i]));
      if (!names.count(name)) continue;
      std::string owner = "an enclosing frame";
      for (const auto& [n, cell] : f.cells)
        if (n == name) {
          RVal o = slot(now_.content(cell), 0);
          if (o.kind() == RVal::Kind::Int && o.as_int() > 0) owner = label(std::uint32_t(o.as_int()));
        }
      (assigned_on(line, name) ? writes : reads).push_back(name + " from " + owner);
    }
    if (reads.empty() && writes.empty()) return {};
    const std::string who = frame_name(f.fid);
    std::string out;
    if (!reads.empty()) out = who + " reads " + join_list(reads);
    if (!writes.empty()) out += (out.empty() ? who + " updates " : " and updates ") + join_list(writes);
    out += std::string(" through its closure cell") + (reads.size() + writes.size() > 1 ? "s" : "") + " (line " + std::to_string(ln) + ")";
    return out;
  }

  std::string where(std::uint32_t fid) const { return is_module(fid) ? "Global" : label(fid) + " (" + frame_name(fid) + ")"; }

  std::string line() {
    const FrameView& top = now_.stack().back();
    std::vector<std::string> parts;
    std::string head;
    if (before_ && !before_->stack().empty()) {
      const auto [writer, ln] = previous_line();
      parts = effects(writer);
      head = "Line " + std::to_string(ln) + (is_module(writer) ? "" : " of " + frame_name(writer));
    }
    if (parts.size() > kMaxChanges) {
      const std::size_t more = parts.size() - kMaxChanges;
      parts.resize(kMaxChanges);
      parts.push_back(std::to_string(more) + (more == 1 ? " more change" : " more changes"));
    }
    const std::string reads = closure_reads();
    std::string out;
    if (!parts.empty()) {
      out = head + ": " + join_list(parts);
      if (!reads.empty()) out += "; next, " + reads;
    } else if (!reads.empty()) {
      out = reads;
    } else {
      out = "Next: line " + std::to_string(now_.line()) + " in " + where(top.fid);
    }
    return out + ".";
  }

  // "Line 7 of add_to_total: total in Global changed from 0 to 5 via global; " for what the frame's
  // last line did before it returned (or "" when it changed nothing shown).
  std::string last_line_effects() const {
    if (!before_ || before_->stack().empty()) return {};
    const auto [writer, ln] = previous_line();
    std::vector<std::string> parts = effects(writer);
    if (parts.empty()) return {};
    if (parts.size() > kMaxChanges) {
      const std::size_t more = parts.size() - kMaxChanges;
      parts.resize(kMaxChanges);
      parts.push_back(std::to_string(more) + (more == 1 ? " more change" : " more changes"));
    }
    return "Line " + std::to_string(ln) + (is_module(writer) ? "" : " of " + frame_name(writer)) + ": " + join_list(parts) + "; ";
  }

  std::string returned() {
    const FrameView& f = now_.stack().back();
    const std::string me = label(f.fid), name = frame_name(f.fid);
    const RVal raw = now_.return_value().value_or(RVal::none());
    const RVal value = raw.is_absent() ? RVal::none() : raw;
    const std::string before = last_line_effects();
    if (is_module(f.fid)) return before + (now_.is_unwind() ? "the program ends with an uncaught exception." : "the program ends.");
    return before + returned_sentence(f, me, name, value);
  }

  std::string returned_sentence(const FrameView& f, const std::string& me, const std::string& name, RVal value) {
    if (now_.is_yield())
      return "the generator " + name + " yields " + describe(now_, value) + "; " + me + " is suspended until the generator is resumed.";
    if (now_.is_unwind()) return name + " in " + me + " exits because of the exception; " + me + " is gone.";
    if (code(f.fid).kind == CodeRecord::Kind::ClassBody)
      return "the body of class " + std::string(rec_.frame_name(f.fid)) + " is done: its names become the class attributes.";
    // Which live functions were defined in this frame: they keep it alive after the return.
    std::vector<std::string> keepers;
    auto collect = [&](const StepView& v, const std::vector<std::uint32_t>& ids) {
      for (std::uint32_t id : ids) {
        if (rec_.object_type(id) != ObjType::Function) continue;
        const RVal parent = slot(v.content(id), 3);
        if (parent.kind() == RVal::Kind::Int && std::uint32_t(parent.as_int()) == f.fid) {
          std::string who = describe(v, RVal::ref(id));
          if (std::find(keepers.begin(), keepers.end(), who) == keepers.end()) keepers.push_back(who);
        }
      }
    };
    // Kept: functions alive at the next step, and those the returned value carries (a function
    // returned and called at once is gone by the next step, but its cells live on in what it made).
    if (s_ < rec_.step_count()) {
      StepView next(rec_, s_ + 1);
      collect(next, next.reachable());
    }
    if (value.is_ref()) {
      std::vector<std::uint32_t> carried{value.index()}, values, namespaces;
      std::unordered_set<std::uint32_t> seen{value.index()};
      for (std::size_t i = 0; i < carried.size() && carried.size() < 10000; ++i) {
        values.clear();
        namespaces.clear();
        visit_references(rec_.object_type(carried[i]), now_.content(carried[i]), values, namespaces);
        for (std::uint32_t ns : namespaces) {
          std::vector<std::uint32_t> inner;
          visit_references(ObjType::Dict, now_.content(ns), values, inner);
        }
        for (std::uint32_t id : values)
          if (seen.insert(id).second) carried.push_back(id);
      }
      collect(now_, carried);
    }
    std::string out = name + " returned " + describe(now_, value);
    if (!keepers.empty())
      out += "; " + me + " is kept alive (retained) because " + join_list(keepers) + (keepers.size() == 1 ? " was" : " were") + " defined in it";
    else
      out += "; " + me + " is gone";
    return out + ".";
  }

  std::string exception() {
    const FrameView& f = now_.stack().back();
    const auto exc = now_.exception();
    const std::string type = exc ? std::string(exc->first) : "An exception";
    const std::string message = exc && !exc->second.empty() ? ": " + std::string(exc->second) : "";
    if (before_ && before_->event() == StepEvent::Return && before_->is_unwind() && before_->stack().size() > now_.stack().size())
      return type + " propagates into " + where(f.fid) + " at line " + std::to_string(now_.line()) + message + ".";
    return type + " raised in " + where(f.fid) + " at line " + std::to_string(now_.line()) + message + ".";
  }

  const ExplainContext& cx_;
  const Recording& rec_;
  std::uint32_t s_;
  StepView now_;
  std::optional<StepView> before_;
};

}  // namespace

std::string explain_step(const ExplainContext& context, std::uint32_t step) {
  if (step < 1 || step > context.recording.step_count()) return "No such step.";
  return Explainer(context, step).sentence();
}

}  // namespace cv::layout
