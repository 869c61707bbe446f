// The format-spec mini-language (format(), f-strings, str.format) and printf-style '%' formatting.
//
// format_int / format_float / format_str implement int.__format__, float.__format__
// and str.__format__ for a spec string, following CPython 3.11's
// Python/formatter_unicode.c; an empty spec is the VM's business (it means str(x),
// so format(True, "") == "True" while format_int(1, "d") == "1").
//
// The '%' operator is split between the VM and this file: the VM walks the format
// string, calls parse_percent_spec at each '%', fetches the argument, converts it
// (str()/repr()/ascii() for %s %r %a, int or float for the numeric conversions) and
// calls the matching percent_format_* function; the percent_*_error helpers build
// the exceptions whose wording needs only facts the VM has.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/numeric.h"

namespace cv {

// ------------------------------------------------------------ format() specs

// A parsed [[fill]align][sign][z][#][0][width][grouping][.precision][type].
struct FormatSpec {
  char32_t fill = ' ';       // padding character
  char align = '>';          // '<', '>', '^' or '='; the type's default when not given
  char sign = '\0';          // '+', '-', ' ', or '\0' when not given
  bool no_neg_zero = false;  // 'z': -0.0 (and what rounds to it) prints as 0.0
  bool alternate = false;    // '#'
  int64_t width = -1;        // minimum width in code points, -1 when not given
  char grouping = '\0';      // ',' or '_' thousands separator, or '\0'
  int64_t precision = -1;    // -1 when not given
  char32_t type = '\0';      // presentation type, or the default the caller passed
};

// Parses `spec` as CPython's parse_internal_render_format_spec: `default_type` is 'd'
// for ints, 's' for strs and '\0' for floats; `default_align` is '<' for strs and '>'
// for numbers (it decides what a leading '0' means). `type_name` is the formatted
// object's type, for the message "Invalid format specifier 'xx' for object of type
// 'int'". Also raises "Format specifier missing precision", "Cannot specify ',' with
// 's'.", "Cannot specify both ',' and '_'.", "Too many decimal digits in format string".
FormatSpec parse_format_spec(std::string_view spec, std::string_view type_name, char32_t default_type,
                             char default_align);

// format(v, spec) for an int (`type_name` is "int", "bool" or a subclass's name, used in
// error messages). Types b c d o x X n, and e E f F g G % through float(v); none is 'd'.
std::string format_int(const BigInt& v, std::string_view spec, std::string_view type_name = "int");
// The same for an int that fits a machine word (the VM's small ints), without big-int arithmetic.
std::string format_int64(int64_t v, std::string_view spec, std::string_view type_name = "int");
// format(x, spec) for a float: types e E f F g G n % and none (repr-like without a
// precision, 'g'-like with at least one digit after the point with one).
std::string format_float(double x, std::string_view spec, std::string_view type_name = "float");
// format(text, spec) for a str: type s or none; precision truncates and width pads,
// both counted in code points.
std::string format_str(std::string_view text, std::string_view spec, std::string_view type_name = "str");

// ------------------------------------------------------ printf-style formatting

// One conversion of printf-style formatting: %[(key)][flags][width][.precision][hlL]type
struct PercentSpec {
  std::optional<std::string> mapping_key;  // the key of %(key)s
  bool left_adjust = false;                // '-'
  bool plus_sign = false;                  // '+'
  bool space_sign = false;                 // ' '
  bool alternate = false;                  // '#'
  bool zero_pad = false;                   // '0'
  int64_t width = -1;                      // -1 when not given
  int64_t precision = -1;                  // -1 when not given
  char32_t conversion = 0;                 // the conversion character, possibly unsupported
  bool literal_percent = false;            // "%%": output one '%', consume no argument
  size_t conversion_offset = 0;            // byte offset of the conversion character
  size_t end = 0;                          // byte offset just past the specifier
};

// Fetches the argument for a '*' width (for_precision false) or precision (true) and
// returns it as an integer. The VM raises TypeError "* wants int" for a non-int, and
// OverflowError "Python int too large to convert to C ssize_t" (width) or "... C int"
// (precision) when it does not fit. Called in argument order, as CPython does.
using StarArgumentFetcher = std::function<int64_t(bool for_precision)>;

// Parses the specifier starting at format[percent_offset] == '%'. ValueError
// "incomplete format", "incomplete format key", "width too big", "precision too big".
// The conversion character is not checked here: CPython fetches the argument first
// and only then reports percent_unsupported_error.
PercentSpec parse_percent_spec(std::string_view format, size_t percent_offset,
                               const StarArgumentFetcher& fetch_star_argument);

// Whether the conversion is one of d i u o x X e E f F g G c s r a.
bool percent_conversion_supported(char32_t conversion);

// %d %i %u %o %x %X of an int (the VM truncates a float argument to int for d/i/u).
std::string percent_format_int(const PercentSpec& spec, const BigInt& v);
// %e %E %f %F %g %G.
std::string percent_format_float(const PercentSpec& spec, double x);
// %c of a code point (see percent_char_from_int / percent_char_from_str).
std::string percent_format_char(const PercentSpec& spec, char32_t c);
// %s %r %a of the argument's str()/repr()/ascii(): precision truncates, width pads.
std::string percent_format_text(const PercentSpec& spec, std::string_view text);
// %c's argument: OverflowError "%c arg not in range(0x110000)"; a str must have length 1,
// else TypeError "%c requires int or char".
char32_t percent_char_from_int(const BigInt& v);
char32_t percent_char_from_str(std::string_view text);

// Exceptions whose wording needs the VM's facts.
PyError percent_not_enough_arguments_error();   // TypeError "not enough arguments for format string"
PyError percent_not_all_converted_error();      // TypeError "not all arguments converted during string formatting"
PyError percent_requires_mapping_error();       // TypeError "format requires a mapping"
PyError percent_star_wants_int_error();         // TypeError "* wants int"
// ValueError "unsupported format character 'q' (0x71) at index 3" (index in code points).
PyError percent_unsupported_error(std::string_view format, const PercentSpec& spec);
// A numeric conversion got an unsuitable object: "%d format: a real number is required,
// not str" (d i u), "%x format: an integer is required, not float" (o x X), or
// "must be real number, not str" (e E f F g G), or "%c requires int or char" (c).
PyError percent_type_error(char32_t conversion, std::string_view type_name);

}  // namespace cv
