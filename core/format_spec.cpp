// The format-spec mini-language (format(), f-strings, str.format) and printf-style '%' formatting.
//
// A port of CPython 3.11's Python/formatter_unicode.c (format()) and of the '%'
// parts of Objects/unicodeobject.c. Numbers are first rendered by numeric.h
// (int_to_string, double_to_string) and then laid out here as
//   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
// exactly as calc_number_widths/fill_number do, zero padding included.
//
// [SECTION] Spec parsing
// [SECTION] Number layout
// [SECTION] format() for int, float, str
// [SECTION] printf-style formatting
#include "core/format_spec.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdio>
#include <limits>

#include "core/text.h"

namespace cv {

namespace {

// CPython shows printable ASCII literally and anything else as \x.. in its messages.
std::string describe_type_char(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(c));
  return buf;
}

PyError unknown_presentation_type(char32_t type, std::string_view type_name) {
  return PyError{"ValueError", "Unknown format code '" + describe_type_char(type) + "' for object of type '" +
                                   std::string(type_name.substr(0, 200)) + "'"};
}

std::string fill_string(char32_t fill, int64_t count) {
  std::string one;
  utf8_append(one, fill);
  std::string out;
  out.reserve(one.size() * static_cast<size_t>(std::max<int64_t>(count, 0)));
  for (int64_t i = 0; i < count; ++i) out += one;
  return out;
}

}  // namespace

// ============================================================ [SECTION] Spec parsing

FormatSpec parse_format_spec(std::string_view spec_text, std::string_view type_name, char32_t default_type,
                             char default_align) {
  const std::u32string spec = utf8_decode(spec_text);
  const auto end = static_cast<int64_t>(spec.size());
  int64_t pos = 0;
  FormatSpec format;
  format.align = default_align;
  format.type = default_type;
  bool align_specified = false;
  bool fill_char_specified = false;
  auto is_alignment = [](char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  auto at = [&](int64_t i) { return spec[static_cast<size_t>(i)]; };

  // Reads decimal digits (any Unicode decimal digit, as CPython) into *result.
  auto get_integer = [&](int64_t* result) -> int64_t {
    int64_t accumulator = 0;
    int64_t consumed = 0;
    for (; pos < end; ++pos, ++consumed) {
      int digit = decimal_digit_value(at(pos));
      if (digit < 0) break;
      if (accumulator > (std::numeric_limits<int64_t>::max() - digit) / 10)
        throw PyError{"ValueError", "Too many decimal digits in format string"};
      accumulator = accumulator * 10 + digit;
    }
    *result = accumulator;
    return consumed;
  };

  if (end - pos >= 2 && is_alignment(at(pos + 1))) {
    format.align = static_cast<char>(at(pos + 1));
    format.fill = at(pos);
    fill_char_specified = true;
    align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment(at(pos))) {
    format.align = static_cast<char>(at(pos));
    align_specified = true;
    ++pos;
  }
  if (end - pos >= 1 && (at(pos) == ' ' || at(pos) == '+' || at(pos) == '-')) {
    format.sign = static_cast<char>(at(pos));
    ++pos;
  }
  if (end - pos >= 1 && at(pos) == 'z') {
    format.no_neg_zero = true;
    ++pos;
  }
  if (end - pos >= 1 && at(pos) == '#') {
    format.alternate = true;
    ++pos;
  }
  // A '0' before the width means zero padding; for numbers it also implies '='.
  if (!fill_char_specified && end - pos >= 1 && at(pos) == '0') {
    format.fill = '0';
    if (!align_specified && default_align == '>') format.align = '=';
    ++pos;
  }
  int64_t width;
  if (get_integer(&width) > 0) format.width = width;
  if (end - pos >= 1 && at(pos) == ',') {
    format.grouping = ',';
    ++pos;
  }
  if (end - pos >= 1 && at(pos) == '_') {
    if (format.grouping != '\0') throw PyError{"ValueError", "Cannot specify both ',' and '_'."};
    format.grouping = '_';
    ++pos;
  }
  if (end - pos >= 1 && at(pos) == ',' && format.grouping == '_')
    throw PyError{"ValueError", "Cannot specify both ',' and '_'."};
  if (end - pos >= 1 && at(pos) == '.') {
    ++pos;
    int64_t precision;
    if (get_integer(&precision) == 0) throw PyError{"ValueError", "Format specifier missing precision"};
    format.precision = precision;
  }
  if (end - pos > 1)
    throw PyError{"ValueError", "Invalid format specifier '" + std::string(spec_text) + "' for object of type '" +
                                    std::string(type_name.substr(0, 200)) + "'"};
  if (end - pos == 1) format.type = at(pos);

  if (format.grouping != '\0') {
    switch (format.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (format.grouping == '_') break;  // every four digits, see group_size()
        [[fallthrough]];
      default:
        throw PyError{"ValueError", std::string("Cannot specify '") + format.grouping + "' with '" +
                                        describe_type_char(format.type) + "'."};
    }
  }
  return format;
}

// ============================================================ [SECTION] Number layout

namespace {

// CPython's _PyUnicode_InsertThousandsGrouping for one repeated group size (0 = no
// grouping): separators every `group` digits from the right, and leading zeros (with
// separators among them) until the result is at least min_width long.
std::string group_digits(std::string_view digits, int64_t min_width, int group, char separator) {
  min_width = std::max<int64_t>(0, min_width);
  std::string reversed;  // built right to left
  auto remaining = static_cast<int64_t>(digits.size());
  int64_t digits_pos = remaining;
  bool use_separator = false;
  auto emit = [&](int64_t n_chars, int64_t n_zeros) {
    if (use_separator) reversed.push_back(separator);
    for (int64_t k = 0; k < n_chars; ++k) reversed.push_back(digits[static_cast<size_t>(--digits_pos)]);
    reversed.append(static_cast<size_t>(n_zeros), '0');
  };
  bool loop_broken = false;
  if (group > 0) {
    for (;;) {
      int64_t len = std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
      int64_t n_zeros = std::max<int64_t>(0, len - remaining);
      int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
      emit(n_chars, n_zeros);
      use_separator = true;
      remaining -= n_chars;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        loop_broken = true;
        break;
      }
      min_width -= 1;  // the separator's width
    }
  }
  if (!loop_broken) {
    int64_t len = std::max<int64_t>(std::max(remaining, min_width), 1);
    int64_t n_zeros = std::max<int64_t>(0, len - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
    emit(n_chars, n_zeros);
  }
  return std::string(reversed.rbegin(), reversed.rend());
}

int group_size(const FormatSpec& format) {
  if (format.grouping == '\0' || format.type == 'n') return 0;
  bool four = format.grouping == '_' &&
              (format.type == 'b' || format.type == 'o' || format.type == 'x' || format.type == 'X');
  return four ? 4 : 3;
}

// CPython's calc_number_widths + fill_number. `number` is the rendered value without
// its sign: n_digits leading digits to group, then (when has_decimal) a '.', then the
// remainder (fraction, exponent, '%', or 'inf'/'nan' or the character of 'c').
std::string lay_out_number(const FormatSpec& format, char sign_char, std::string_view prefix,
                           std::string_view number, int64_t n_digits, bool has_decimal) {
  const int64_t n_remainder = utf8_length(number) - n_digits - (has_decimal ? 1 : 0);  // 'c' may be non-ASCII
  char sign = '\0';
  switch (format.sign) {
    case '+': sign = sign_char == '-' ? '-' : '+'; break;
    case ' ': sign = sign_char == '-' ? '-' : ' '; break;
    default: if (sign_char == '-') sign = '-';
  }
  const int64_t n_sign = sign ? 1 : 0;
  const auto n_prefix = static_cast<int64_t>(prefix.size());
  const int64_t n_decimal = has_decimal ? 1 : 0;
  const int64_t n_non_digit_non_padding = n_sign + n_prefix + n_decimal + n_remainder;
  const int64_t min_width =
      (format.fill == '0' && format.align == '=') ? format.width - n_non_digit_non_padding : 0;
  const int group = group_size(format);
  // 'c' has no digits, and the grouping code always wants at least one.
  std::string grouped = n_digits == 0 ? std::string()
                                      : group_digits(number.substr(0, static_cast<size_t>(n_digits)), min_width, group,
                                                     format.grouping);
  int64_t n_padding = format.width - (n_non_digit_non_padding + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (format.align) {
      case '<': rpad = n_padding; break;
      case '^': lpad = n_padding / 2; rpad = n_padding - lpad; break;
      case '=': spad = n_padding; break;
      default: lpad = n_padding; break;
    }
  }
  std::string out = fill_string(format.fill, lpad);
  if (sign) out.push_back(sign);
  out += prefix;
  out += fill_string(format.fill, spad);
  out += grouped;
  out += number.substr(static_cast<size_t>(n_digits));  // decimal point and remainder
  out += fill_string(format.fill, rpad);
  return out;
}

// format_float_internal on an already parsed spec.
std::string format_float_with(double x, const FormatSpec& format) {
  if (format.precision > std::numeric_limits<int>::max()) throw PyError{"ValueError", "precision too big"};
  unsigned flags = 0;
  if (format.alternate) flags |= kDtsfAlt;
  if (format.no_neg_zero) flags |= kDtsfNoNegZero;
  char type = static_cast<char>(format.type);
  int64_t default_precision = 6;
  if (type == '\0') {
    // Like repr() without a precision, else like 'g' with at least one digit after the point.
    flags |= kDtsfAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';  // in the C locale 'n' is 'g'
  bool add_pct = false;
  if (type == '%') {
    type = 'f';
    x *= 100;
    add_pct = true;
  }
  int64_t precision = format.precision;
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string buf = double_to_string(x, type, precision, flags);
  if (add_pct) buf.push_back('%');
  char sign_char = '\0';
  std::string_view number = buf;
  if (!number.empty() && number[0] == '-') {
    sign_char = '-';
    number.remove_prefix(1);
  }
  int64_t n_digits = 0;
  while (n_digits < static_cast<int64_t>(number.size()) && number[static_cast<size_t>(n_digits)] >= '0' &&
         number[static_cast<size_t>(n_digits)] <= '9')
    ++n_digits;
  bool has_decimal = n_digits < static_cast<int64_t>(number.size()) && number[static_cast<size_t>(n_digits)] == '.';
  return lay_out_number(format, sign_char, "", number, n_digits, has_decimal);
}

}  // namespace

// ============================================================ [SECTION] format() for int, float, str

namespace {

int int_format_base(const FormatSpec& format) {
  switch (format.type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x': case 'X': return 16;
    default: return 10;
  }
}

// The end of CPython's format_long_internal: `digits` is |v| in the format's base (lower case).
std::string lay_out_int_digits(const FormatSpec& format, char sign_char, std::string_view digits) {
  const char* prefix = "";
  switch (format.type) {
    case 'b': prefix = "0b"; break;
    case 'o': prefix = "0o"; break;
    case 'x': prefix = "0x"; break;
    case 'X': prefix = "0X"; break;
    default: break;
  }
  std::string upper;
  if (format.type == 'X') {
    upper.assign(digits);
    for (char& c : upper)
      if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    digits = upper;
  }
  return lay_out_number(format, sign_char, format.alternate ? prefix : "", digits,
                        static_cast<int64_t>(digits.size()), false);
}

}  // namespace

std::string format_int(const BigInt& v, std::string_view spec_text, std::string_view type_name) {
  if (spec_text.empty()) return int_to_decimal_string(v);
  FormatSpec format = parse_format_spec(spec_text, type_name, 'd', '>');
  switch (format.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return format_float_with(bigint_to_double(v), format);
    default:
      throw unknown_presentation_type(format.type, type_name);
  }
  if (format.precision != -1) throw PyError{"ValueError", "Precision not allowed in integer format specifier"};
  if (format.no_neg_zero)
    throw PyError{"ValueError", "Negative zero coercion (z) not allowed in integer format specifier"};
  if (format.type == 'c') {
    if (format.sign != '\0') throw PyError{"ValueError", "Sign not allowed with integer format specifier 'c'"};
    if (format.alternate)
      throw PyError{"ValueError", "Alternate form (#) not allowed with integer format specifier 'c'"};
    // CPython converts to a C long first, hence two different overflow messages.
    if (!bigint_to_int64(v)) throw PyError{"OverflowError", "Python int too large to convert to C long"};
    if (v < 0 || v > 0x10FFFF) throw PyError{"OverflowError", "%c arg not in range(0x110000)"};
    std::string ch;
    utf8_append(ch, v.convert_to<char32_t>());
    return lay_out_number(format, '\0', "", ch, 0, false);
  }
  std::string digits = int_to_string(v, int_format_base(format));
  char sign_char = '\0';
  if (digits[0] == '-') {
    sign_char = '-';
    digits.erase(0, 1);
  }
  return lay_out_int_digits(format, sign_char, digits);
}

std::string format_int64(int64_t v, std::string_view spec_text, std::string_view type_name) {
  if (spec_text.empty()) return std::to_string(v);
  FormatSpec format = parse_format_spec(spec_text, type_name, 'd', '>');
  switch (format.type) {
    case 'b': case 'd': case 'o': case 'x': case 'X': case 'n':
      if (format.precision == -1 && !format.no_neg_zero) break;
      [[fallthrough]];
    default:  // 'c', the float types and every error: the general path
      return format_int(BigInt(v), spec_text, type_name);
  }
  // The digits of |v| straight from the machine word (no big-int conversion): the common
  // f"{i:06d}" / f"{n:,}" case.
  const uint64_t magnitude = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  char buffer[72];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, magnitude, int_format_base(format));
  (void)error;  // 64 binary digits always fit
  return lay_out_int_digits(format, v < 0 ? '-' : '\0', std::string_view(buffer, size_t(end - buffer)));
}

std::string format_float(double x, std::string_view spec_text, std::string_view type_name) {
  if (spec_text.empty()) return float_repr(x);
  FormatSpec format = parse_format_spec(spec_text, type_name, '\0', '>');
  switch (format.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_float_with(x, format);
    default:
      throw unknown_presentation_type(format.type, type_name);
  }
}

std::string format_str(std::string_view text, std::string_view spec_text, std::string_view type_name) {
  if (spec_text.empty()) return std::string(text);
  FormatSpec format = parse_format_spec(spec_text, type_name, 's', '<');
  if (format.type != 's') throw unknown_presentation_type(format.type, type_name);
  if (format.sign == ' ') throw PyError{"ValueError", "Space not allowed in string format specifier"};
  if (format.sign != '\0') throw PyError{"ValueError", "Sign not allowed in string format specifier"};
  if (format.no_neg_zero)
    throw PyError{"ValueError", "Negative zero coercion (z) not allowed in string format specifier"};
  if (format.alternate) throw PyError{"ValueError", "Alternate form (#) not allowed in string format specifier"};
  if (format.align == '=') throw PyError{"ValueError", "'=' alignment not allowed in string format specifier"};
  int64_t len = utf8_length(text);
  std::string_view shown = text;
  if (format.precision >= 0 && len > format.precision) {
    len = format.precision;
    shown = text.substr(0, utf8_index(text, len));
  }
  int64_t total = std::max(len, format.width);
  int64_t lpad = 0;
  if (format.align == '>') lpad = total - len;
  else if (format.align == '^') lpad = (total - len) / 2;
  int64_t rpad = total - len - lpad;
  return fill_string(format.fill, lpad) + std::string(shown) + fill_string(format.fill, rpad);
}

// ============================================================ [SECTION] printf-style formatting

PercentSpec parse_percent_spec(std::string_view format, size_t percent_offset,
                               const StarArgumentFetcher& fetch_star_argument) {
  // Follows unicode_format_arg_parse; `pos` is the byte offset of the next character.
  assert(percent_offset < format.size() && format[percent_offset] == '%');
  PercentSpec spec;
  size_t pos = percent_offset + 1;
  const size_t n = format.size();
  auto incomplete = []() { return PyError{"ValueError", "incomplete format"}; };
  if (pos < n && format[pos] == '%') {
    spec.conversion = '%';
    spec.literal_percent = true;
    spec.conversion_offset = pos;
    spec.end = pos + 1;
    return spec;
  }
  if (pos < n && format[pos] == '(') {
    // The key runs to the matching ')', nested parentheses included.
    size_t key_start = ++pos;
    int depth = 1;
    while (pos < n && depth > 0) {
      if (format[pos] == ')') --depth;
      else if (format[pos] == '(') ++depth;
      ++pos;
    }
    if (depth > 0) throw PyError{"ValueError", "incomplete format key"};
    spec.mapping_key = std::string(format.substr(key_start, pos - 1 - key_start));
  }
  // Reads the next character (as a code point) or reports the end of the format.
  char32_t ch = 0;
  size_t ch_offset = pos;
  auto next = [&]() -> bool {
    if (pos >= n) return false;
    ch_offset = pos;
    ch = utf8_decode_at(format, &pos);
    return true;
  };
  bool have = false;
  while ((have = next())) {
    if (ch == '-') spec.left_adjust = true;
    else if (ch == '+') spec.plus_sign = true;
    else if (ch == ' ') spec.space_sign = true;
    else if (ch == '#') spec.alternate = true;
    else if (ch == '0') spec.zero_pad = true;
    else break;
  }
  if (!have) throw incomplete();
  if (ch == '*') {
    int64_t width = fetch_star_argument(false);
    if (width < 0) {
      spec.left_adjust = true;
      width = width == std::numeric_limits<int64_t>::min() ? std::numeric_limits<int64_t>::max() : -width;
    }
    spec.width = width;
    if (!next()) throw incomplete();
  } else if (ch >= '0' && ch <= '9') {
    int64_t width = ch - '0';
    bool more;
    while ((more = next()) && ch >= '0' && ch <= '9') {
      if (width > (std::numeric_limits<int64_t>::max() - (ch - '0')) / 10)
        throw PyError{"ValueError", "width too big"};
      width = width * 10 + (ch - '0');
    }
    spec.width = width;
    if (!more) throw incomplete();
  }
  if (ch == '.') {
    spec.precision = 0;
    if (!next()) throw incomplete();
    if (ch == '*') {
      int64_t precision = fetch_star_argument(true);
      spec.precision = precision < 0 ? 0 : precision;
      if (!next()) throw incomplete();
    } else if (ch >= '0' && ch <= '9') {
      int64_t precision = ch - '0';
      bool more;
      while ((more = next()) && ch >= '0' && ch <= '9') {
        if (precision > (std::numeric_limits<int>::max() - (ch - '0')) / 10)
          throw PyError{"ValueError", "precision too big"};
        precision = precision * 10 + (ch - '0');
      }
      spec.precision = precision;
      if (!more) throw incomplete();
    }
  }
  if (ch == 'h' || ch == 'l' || ch == 'L') {  // C length modifiers are accepted and ignored
    if (!next()) throw incomplete();
  }
  spec.conversion = ch;
  spec.conversion_offset = ch_offset;
  spec.end = pos;
  return spec;
}

bool percent_conversion_supported(char32_t c) {
  switch (c) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'c': case 's': case 'r': case 'a':
      return true;
    default:
      return false;
  }
}

namespace {

// unicode_format_arg_output: width, sign and zero padding around a rendered value.
// `numeric` is CPython's arg->sign: set for the number conversions, which get a sign
// and may be zero-padded.
std::string percent_output(const PercentSpec& spec, std::string_view rendered, bool numeric) {
  const char32_t conversion = spec.conversion;
  const bool alt_prefix = spec.alternate && (conversion == 'x' || conversion == 'X' || conversion == 'o');
  const char fill = (numeric && spec.zero_pad) ? '0' : ' ';
  int64_t width = spec.width;
  std::string_view body = rendered;
  int64_t len = utf8_length(body);
  if (conversion == 's' || conversion == 'r' || conversion == 'a') {
    if (spec.precision >= 0 && len > spec.precision) {
      len = spec.precision;
      body = body.substr(0, utf8_index(body, len));
    }
  }
  char sign_char = '\0';
  bool has_sign = numeric;
  if (has_sign) {
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
      sign_char = body[0];
      body.remove_prefix(1);
      --len;
    } else if (spec.plus_sign) {
      sign_char = '+';
    } else if (spec.space_sign) {
      sign_char = ' ';
    } else {
      has_sign = false;
    }
  }
  if (width < len) width = len;
  std::string out;
  if (has_sign) {
    if (fill != ' ') out.push_back(sign_char);
    if (width > len) --width;
  }
  std::string_view prefix;
  if (alt_prefix) {
    prefix = body.substr(0, 2);  // "0x", "0X" or "0o"
    body.remove_prefix(2);
    if (fill != ' ') out += prefix;
    width = std::max<int64_t>(width - 2, 0);
    len -= 2;
  }
  if (width > len && !spec.left_adjust) {
    out.append(static_cast<size_t>(width - len), fill);
    width = len;
  }
  if (fill == ' ') {
    if (has_sign) out.push_back(sign_char);
    if (alt_prefix) out += prefix;
  }
  out += body;
  if (width > len) out.append(static_cast<size_t>(width - len), ' ');
  return out;
}

}  // namespace

std::string percent_format_int(const PercentSpec& spec, const BigInt& v) {
  // _PyUnicode_FormatLong: digits (with "0x"/"0o" only for '#'), zero-extended to
  // the precision, then laid out by percent_output.
  const char32_t conversion = spec.conversion;
  int base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
  std::string digits = int_to_string(v, base);
  bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (spec.precision > static_cast<int64_t>(digits.size()))
    digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
  std::string out = negative ? "-" : "";
  if (spec.alternate && base != 10) out += base == 8 ? "0o" : "0x";
  out += digits;
  if (conversion == 'X')
    for (char& c : out)
      if (c >= 'a' && c <= 'x') c = static_cast<char>(c - 'a' + 'A');
  return percent_output(spec, out, true);
}

std::string percent_format_float(const PercentSpec& spec, double x) {
  int64_t precision = spec.precision < 0 ? 6 : spec.precision;
  std::string rendered =
      double_to_string(x, static_cast<char>(spec.conversion), precision, spec.alternate ? unsigned{kDtsfAlt} : 0u);
  return percent_output(spec, rendered, true);
}

std::string percent_format_char(const PercentSpec& spec, char32_t c) {
  std::string rendered;
  utf8_append(rendered, c);
  return percent_output(spec, rendered, false);
}

std::string percent_format_text(const PercentSpec& spec, std::string_view text) {
  return percent_output(spec, text, false);
}

char32_t percent_char_from_int(const BigInt& v) {
  if (v < 0 || v > 0x10FFFF) throw PyError{"OverflowError", "%c arg not in range(0x110000)"};
  return v.convert_to<char32_t>();
}

char32_t percent_char_from_str(std::string_view text) {
  std::u32string cps = utf8_decode(text);
  if (cps.size() != 1) throw PyError{"TypeError", "%c requires int or char"};
  return cps[0];
}

PyError percent_not_enough_arguments_error() {
  return PyError{"TypeError", "not enough arguments for format string"};
}

PyError percent_not_all_converted_error() {
  return PyError{"TypeError", "not all arguments converted during string formatting"};
}

PyError percent_requires_mapping_error() { return PyError{"TypeError", "format requires a mapping"}; }

PyError percent_star_wants_int_error() { return PyError{"TypeError", "* wants int"}; }

PyError percent_unsupported_error(std::string_view format, const PercentSpec& spec) {
  const char32_t c = spec.conversion;
  const char shown = (c >= 31 && c <= 126) ? static_cast<char>(c) : '?';
  char hex[16];
  std::snprintf(hex, sizeof hex, "%x", static_cast<unsigned>(c));
  const int64_t index = utf8_length(format.substr(0, spec.conversion_offset));
  return PyError{"ValueError", std::string("unsupported format character '") + shown + "' (0x" + hex +
                                   ") at index " + std::to_string(index)};
}

PyError percent_type_error(char32_t conversion, std::string_view type_name) {
  std::string name(type_name.substr(0, 200));
  switch (conversion) {
    case 'o': case 'x': case 'X':
      return PyError{"TypeError", std::string("%") + static_cast<char>(conversion) +
                                      " format: an integer is required, not " + name};
    case 'd': case 'i': case 'u':
      return PyError{"TypeError", std::string("%") + static_cast<char>(conversion) +
                                      " format: a real number is required, not " + name};
    case 'c':
      return PyError{"TypeError", "%c requires int or char"};
    default:
      return PyError{"TypeError", "must be real number, not " + name};
  }
}

}  // namespace cv
