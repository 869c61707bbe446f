// Python str semantics on UTF-8 text: code-point indexing, the str methods, repr(), chr() and ord().
//
// A Python str is a sequence of code points; here it is a std::string holding UTF-8.
// Every index, length, width and count below is in code points, exactly as Python
// reports it, and every error is a cv::PyError with CPython 3.11's wording. ASCII text
// (most program text) takes byte-wise fast paths throughout.
//
// Lone surrogates (chr(0xD800)) are legal in Python strs but not in UTF-8; they are
// stored as their 3-byte "generalized UTF-8" form (ED A0 80), which every function here
// accepts. valid_utf8 is the strict check for text arriving from outside.
//
// Comparing two strs byte-wise (std::string's operator<) gives Python's code-point
// order, because UTF-8 preserves it; and byte-wise substring search finds exactly the
// code-point matches. The VM can use both directly.
//
// Character properties (case, digits, whitespace, printability, identifiers) come
// from tables generated from CPython 3.11's own str methods (Unicode 14.0.0), so the
// results do not depend on the C library or on the process locale.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv {

// ------------------------------------------------------------- UTF-8 and code points

bool is_ascii(std::string_view s);  // also str.isascii()
// Strict UTF-8 (no surrogates, no overlong forms). On failure *error_offset is the
// byte offset of the first bad sequence.
bool valid_utf8(std::string_view s, size_t* error_offset = nullptr);
std::u32string utf8_decode(std::string_view s);
// Decodes the code point starting at byte *offset and moves *offset past it.
char32_t utf8_decode_at(std::string_view s, size_t* offset);
std::string utf8_encode(std::u32string_view code_points);
void utf8_append(std::string& out, char32_t code_point);
int64_t utf8_length(std::string_view s);  // len(s)
// Byte offset of code point `index` (0 <= index <= len(s)).
size_t utf8_index(std::string_view s, int64_t index);

// -------------------------------------------------------------- indexing and slices

// Python's slice.indices(length) plus the resulting length: negative bounds count from
// the end, out-of-range bounds are clamped. ValueError "slice step cannot be zero".
struct SliceIndices {
  int64_t start = 0;
  int64_t stop = 0;
  int64_t step = 1;
  int64_t length = 0;  // number of items selected
};
SliceIndices normalize_slice(int64_t length, std::optional<int64_t> start, std::optional<int64_t> stop,
                             std::optional<int64_t> step);
// s[start:stop:step] with bounds already normalized by normalize_slice.
std::string utf8_slice(std::string_view s, const SliceIndices& slice);
// s[index], negative counting from the end; IndexError "string index out of range".
std::string str_getitem(std::string_view s, int64_t index);

// chr(): ValueError "chr() arg not in range(0x110000)".
std::string chr_text(int64_t code_point);
// ord(): TypeError "ord() expected a character, but string of length 3 found".
int64_t ord_text(std::string_view s);

// ----------------------------------------------------------- character properties

bool is_space_char(char32_t c);         // str.isspace() of one character
int decimal_digit_value(char32_t c);    // 0..9 for Unicode decimal digits (category Nd), else -1
bool is_printable_char(char32_t c);     // str.isprintable() of one character
bool is_identifier_start(char32_t c);   // XID_Start or '_'
bool is_identifier_continue(char32_t c);  // XID_Continue

// ------------------------------------------------------------------ str methods
// Optional start/end are Python's None; they are adjusted as in slices.

std::string str_upper(std::string_view s);
std::string str_lower(std::string_view s);  // with the final-sigma rule: "ΑΣ".lower() == "ας"
std::string str_casefold(std::string_view s);
std::string str_capitalize(std::string_view s);
std::string str_title(std::string_view s);
std::string str_swapcase(std::string_view s);

// chars == nullopt strips whitespace; otherwise any of the code points in chars.
std::string str_strip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string str_lstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string str_rstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);

// sep == nullopt splits on runs of whitespace and drops empty pieces; maxsplit < 0 is
// unlimited. ValueError "empty separator".
std::vector<std::string> str_split(std::string_view s, std::optional<std::string_view> sep = std::nullopt,
                                   int64_t maxsplit = -1);
std::vector<std::string> str_rsplit(std::string_view s, std::optional<std::string_view> sep = std::nullopt,
                                    int64_t maxsplit = -1);
// Splits at \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
std::vector<std::string> str_splitlines(std::string_view s, bool keepends = false);
std::string str_join(std::string_view sep, const std::vector<std::string>& pieces);
std::string str_join(std::string_view sep, const std::vector<std::string_view>& pieces);

// count < 0 replaces all; an empty `old` inserts `replacement` around every character.
std::string str_replace(std::string_view s, std::string_view old, std::string_view replacement,
                        int64_t count = -1);
std::string str_removeprefix(std::string_view s, std::string_view prefix);
std::string str_removesuffix(std::string_view s, std::string_view suffix);

// Code-point index of the first/last match, or -1.
int64_t str_find(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                 std::optional<int64_t> end = std::nullopt);
int64_t str_rfind(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                  std::optional<int64_t> end = std::nullopt);
// As find/rfind, but ValueError "substring not found" instead of -1.
int64_t str_index(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                  std::optional<int64_t> end = std::nullopt);
int64_t str_rindex(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                   std::optional<int64_t> end = std::nullopt);
int64_t str_count(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                  std::optional<int64_t> end = std::nullopt);
// One prefix/suffix; the VM loops over a tuple argument.
bool str_startswith(std::string_view s, std::string_view prefix, std::optional<int64_t> start = std::nullopt,
                    std::optional<int64_t> end = std::nullopt);
bool str_endswith(std::string_view s, std::string_view suffix, std::optional<int64_t> start = std::nullopt,
                  std::optional<int64_t> end = std::nullopt);
// (head, sep, tail); ValueError "empty separator".
std::array<std::string, 3> str_partition(std::string_view s, std::string_view sep);
std::array<std::string, 3> str_rpartition(std::string_view s, std::string_view sep);

// `fill` must be one code point: TypeError "The fill character must be exactly one
// character long".
std::string str_center(std::string_view s, int64_t width, std::string_view fill = " ");
std::string str_ljust(std::string_view s, int64_t width, std::string_view fill = " ");
std::string str_rjust(std::string_view s, int64_t width, std::string_view fill = " ");
std::string str_zfill(std::string_view s, int64_t width);
std::string str_expandtabs(std::string_view s, int64_t tabsize = 8);

bool str_isdigit(std::string_view s);
bool str_isdecimal(std::string_view s);
bool str_isnumeric(std::string_view s);
bool str_isalpha(std::string_view s);
bool str_isalnum(std::string_view s);
bool str_isspace(std::string_view s);
bool str_isupper(std::string_view s);
bool str_islower(std::string_view s);
bool str_istitle(std::string_view s);
bool str_isidentifier(std::string_view s);
bool str_isprintable(std::string_view s);
bool str_isascii(std::string_view s);

// repr(s): single quotes unless s contains ' and no "; \\ \n \r \t and the quote are
// escaped, other non-printable characters become \xNN, \uNNNN or \UNNNNNNNN.
std::string str_repr(std::string_view s);
// ascii(s) and !a: repr(s) with every non-ASCII character escaped as well.
std::string ascii_repr(std::string_view s);

}  // namespace cv
