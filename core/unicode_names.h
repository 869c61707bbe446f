// Unicode character names for the \N{...} string escape: name -> code point, as unicodedata.lookup().
#pragma once

#include <optional>
#include <string_view>

namespace cv {

// The code point called `name` (case-insensitive), or nullopt. Covers the algorithmic names
// (CJK UNIFIED IDEOGRAPH-XXXX, HANGUL SYLLABLE ...) and a table of the scripts and symbols
// beginners type: Latin, IPA, Greek, Cyrillic, punctuation, currency, letterlike symbols,
// arrows, mathematical operators, box drawing, shapes, dingbats, CJK punctuation,
// fullwidth forms and emoji. Other names are not known (aliases neither).
std::optional<char32_t> unicode_char_by_name(std::string_view name);

}  // namespace cv
