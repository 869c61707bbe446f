// Source encoding declarations: find the PEP 263 declaration, normalise its name, decode to UTF-8.
#include "core/source_encoding.h"

#include <cctype>
#include <cstdint>
#include <string_view>

#include "core/text.h"

namespace cv {

namespace {

// Python's ASCII-compatible text codecs (aliases included), normalised as its codec lookup does
// (encodings.normalize_encoding, lower case). Generated from CPython 3.11's `encodings` package:
// every name codecs.lookup accepts whose decoding of bytes 0-127 is ASCII itself.
constexpr std::string_view kAsciiCompatibleCodecs =
    "1125 1250 1251 1252 1253 1254 1255 1256 1257 1258 437 646 775 850 852 855 857 858 860 861 862 863 "
    "865 866 869 8859 932 936 949 950 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 arabic ascii asmo_708 "
    "big5 big5_hkscs big5_tw big5hkscs charmap chinese cp1006 cp1051 cp1125 cp1250 cp1251 cp1252 cp1253 "
    "cp1254 cp1255 cp1256 cp1257 cp1258 cp1361 cp154 cp367 cp437 cp65001 cp720 cp737 cp775 cp819 cp850 "
    "cp852 cp855 cp856 cp857 cp858 cp860 cp861 cp862 cp863 cp865 cp866 cp866u cp869 cp874 cp932 cp936 "
    "cp949 cp950 cp_gr cp_is csascii csbig5 csibm855 csibm857 csibm858 csibm860 csibm861 csibm863 "
    "csibm865 csibm866 csibm869 csiso2022jp csiso58gb231280 csisolatin1 csisolatin2 csisolatin3 "
    "csisolatin4 csisolatin5 csisolatin6 csisolatinarabic csisolatincyrillic csisolatingreek "
    "csisolatinhebrew cskoi8r cspc775baltic cspc850multilingual cspc862latinhebrew cspc8codepage437 "
    "cspcp852 csptcp154 csshiftjis cyrillic cyrillic_asian ecma_114 ecma_118 elot_928 euc_cn euc_jis2004 "
    "euc_jis_2004 euc_jisx0213 euc_jp euc_kr euccn eucgb2312_cn eucjis2004 eucjisx0213 eucjp euckr "
    "gb18030 gb18030_2000 gb2312 gb2312_1980 gb2312_80 gbk greek greek8 hebrew hkscs hp_roman8 ibm1051 "
    "ibm1125 ibm367 ibm437 ibm775 ibm819 ibm850 ibm852 ibm855 ibm857 ibm858 ibm860 ibm861 ibm862 ibm863 "
    "ibm865 ibm866 ibm869 idna iso2022_jp iso2022_jp_1 iso2022_jp_2 iso2022_jp_2004 iso2022_jp_3 "
    "iso2022_jp_ext iso2022jp iso2022jp_1 iso2022jp_2 iso2022jp_2004 iso2022jp_3 iso2022jp_ext iso646_us "
    "iso8859 iso8859_1 iso8859_10 iso8859_11 iso8859_13 iso8859_14 iso8859_15 iso8859_16 iso8859_2 "
    "iso8859_3 iso8859_4 iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_9 iso_2022_jp iso_2022_jp_1 "
    "iso_2022_jp_2 iso_2022_jp_2004 iso_2022_jp_3 iso_2022_jp_ext iso_646.irv_1991 iso_8859_1 "
    "iso_8859_10 iso_8859_10_1992 iso_8859_11 iso_8859_11_2001 iso_8859_13 iso_8859_14 iso_8859_14_1998 "
    "iso_8859_15 iso_8859_16 iso_8859_16_2001 iso_8859_1_1987 iso_8859_2 iso_8859_2_1987 iso_8859_3 "
    "iso_8859_3_1988 iso_8859_4 iso_8859_4_1988 iso_8859_5 iso_8859_5_1988 iso_8859_6 iso_8859_6_1987 "
    "iso_8859_7 iso_8859_7_1987 iso_8859_8 iso_8859_8_1988 iso_8859_9 iso_8859_9_1989 iso_celtic "
    "iso_ir_100 iso_ir_101 iso_ir_109 iso_ir_110 iso_ir_126 iso_ir_127 iso_ir_138 iso_ir_144 iso_ir_148 "
    "iso_ir_157 iso_ir_166 iso_ir_199 iso_ir_226 iso_ir_58 iso_ir_6 jisx0213 johab koi8_r koi8_t koi8_u "
    "korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001 kz1048 kz_1048 l1 l10 l2 l3 l4 l5 l6 l7 "
    "l8 l9 latin latin1 latin10 latin2 latin3 latin4 latin5 latin6 latin7 latin8 latin9 latin_1 "
    "mac_arabic mac_centeuro mac_croatian mac_cyrillic mac_farsi mac_greek mac_iceland mac_latin2 "
    "mac_roman mac_romanian mac_turkish maccentraleurope maccyrillic macgreek maciceland macintosh "
    "maclatin2 macroman macturkish ms1361 ms932 ms936 ms949 ms950 ms_kanji mskanji palmos pt154 ptcp154 "
    "r8 raw_unicode_escape rk1048 roman8 ruscii s_jis shift_jis shiftjis sjis strk1048_2002 thai tis620 "
    "tis_620 tis_620_0 tis_620_2529_0 tis_620_2529_1 u8 u_jis uhc ujis unicode_escape us us_ascii utf "
    "utf8 utf8_ucs2 utf8_ucs4 utf_8 utf_8_sig windows_1250 windows_1251 windows_1252 windows_1253 "
    "windows_1254 windows_1255 windows_1256 windows_1257 windows_1258 x_mac_japanese x_mac_korean "
    "x_mac_simp_chinese x_mac_trad_chinese ";

// The code points of cp1252's bytes 0x80-0x9F (0 where the byte is undefined); the other bytes
// are Latin-1's.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// CPython's get_coding_spec on one line: the name after `coding:` / `coding=` in a line that is
// only a comment, or "" when there is none.
std::string coding_spec(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && is_blank(line[i])) ++i;
  if (i >= line.size() || line[i] != '#') return "";
  for (size_t at = line.find("coding", i); at != std::string_view::npos; at = line.find("coding", at + 1)) {
    size_t p = at + 6;
    if (p >= line.size() || (line[p] != ':' && line[p] != '=')) continue;
    ++p;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    const size_t begin = p;
    while (p < line.size() && (std::isalnum(static_cast<unsigned char>(line[p])) || line[p] == '-' || line[p] == '_' ||
                               line[p] == '.'))
      ++p;
    if (p > begin) return std::string(line.substr(begin, p - begin));
  }
  return "";
}

// CPython's get_normal_name: the spellings of UTF-8 and Latin-1 it recognises itself.
std::string normal_name(const std::string& name) {
  std::string head;
  for (size_t i = 0; i < name.size() && i < 12; ++i)
    head += name[i] == '_' ? '-' : char(std::tolower(static_cast<unsigned char>(name[i])));
  auto starts = [&](std::string_view prefix) { return head.compare(0, prefix.size(), prefix) == 0; };
  if (head == "utf-8" || starts("utf-8-")) return "utf-8";
  if (head == "latin-1" || head == "iso-8859-1" || head == "iso-latin-1" || starts("latin-1-") || starts("iso-8859-1-") ||
      starts("iso-latin-1-"))
    return "iso-8859-1";
  return name;
}

// What Python's codec lookup compares: lower case, runs of other characters than letters,
// digits and '.' made one '_' (encodings.normalize_encoding).
std::string lookup_name(const std::string& name) {
  std::string out;
  bool punct = false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.') {
      if (punct && !out.empty()) out += '_';
      out += char(std::tolower(static_cast<unsigned char>(c)));
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

bool in_word_list(std::string_view list, std::string_view word) {
  for (size_t start = 0; start < list.size();) {
    size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    if (list.substr(start, end - start) == word) return true;
    start = end + 1;
  }
  return false;
}

bool known_ascii_compatible(const std::string& name) {
  std::string key = lookup_name(name);
  if (in_word_list(kAsciiCompatibleCodecs, key)) return true;
  for (char& c : key)
    if (c == '.') c = '_';
  return in_word_list(kAsciiCompatibleCodecs, key);
}

enum class Family { Latin1, Cp1252, Ascii, Other };

Family family_of(const std::string& name) {
  const std::string key = lookup_name(name);
  for (std::string_view alias : {"iso_8859_1", "iso8859_1", "latin_1", "latin1", "latin", "l1", "8859", "cp819",
                                 "iso_ir_100", "csisolatin1", "ibm819", "iso_8859_1_1987", "iso8859_1"})
    if (key == alias) return Family::Latin1;
  for (std::string_view alias : {"cp1252", "windows_1252", "1252"})
    if (key == alias) return Family::Cp1252;
  for (std::string_view alias : {"ascii", "us_ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986",
                                 "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us"})
    if (key == alias) return Family::Ascii;
  return Family::Other;
}

std::string encoding_problem(const std::string& name) { return "SyntaxError: encoding problem: " + name + "\n"; }

// Python's other names of its UTF-8 codec (get_normal_name only knows "utf-8" and "utf_8").
bool is_utf8_alias(const std::string& name) {
  const std::string key = lookup_name(name);
  for (std::string_view alias : {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"})
    if (key == alias) return true;
  return false;
}

// With `coding: utf-8` declared, CPython's tokenizer never decodes comments: invalid UTF-8 in a
// comment is harmless. Such bytes become U+FFFD here (only where a comment is plainly what holds
// them: after a '#' outside quotes on that line), so that the rest of closureviz sees valid text.
void replace_bad_bytes_in_comments(std::string& source) {
  std::string out;
  out.reserve(source.size());
  size_t start = 0;
  while (start < source.size()) {
    size_t end = source.find('\n', start);
    end = end == std::string::npos ? source.size() : end + 1;
    std::string_view line = std::string_view(source).substr(start, end - start);
    size_t bad = 0;
    if (valid_utf8(line, &bad)) {
      out += line;
    } else {
      size_t hash = std::string_view::npos;
      char quote = 0;
      for (size_t i = 0; i < bad; ++i) {
        const char c = line[i];
        if (quote) {
          if (c == '\\') ++i;
          else if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '#') {
          hash = i;
          break;
        }
      }
      if (hash == std::string_view::npos) {
        out += line;  // not in a comment: left for the Non-UTF-8 report
      } else {
        out += line.substr(0, hash);
        // Each byte that does not start a valid sequence becomes one U+FFFD.
        for (size_t i = hash; i < line.size();) {
          std::string_view rest = line.substr(i);
          size_t rest_bad = 0;
          if (valid_utf8(rest, &rest_bad)) {
            out += rest;
            break;
          }
          out += rest.substr(0, rest_bad);
          utf8_append(out, 0xFFFD);
          i += rest_bad + 1;
        }
      }
    }
    start = end;
  }
  source = std::move(out);
}

}  // namespace

std::string apply_source_encoding(std::string& source) {
  // The declaration may sit on line 1, or on line 2 when line 1 is blank or only a comment.
  const bool bom = source.compare(0, 3, "\xEF\xBB\xBF") == 0;
  std::string name;
  size_t start = bom ? 3 : 0;
  for (int line = 1; line <= 2 && start < source.size(); ++line) {
    size_t end = source.find('\n', start);
    std::string_view text = std::string_view(source).substr(start, end == std::string::npos ? std::string::npos : end - start);
    name = coding_spec(text);
    if (!name.empty()) break;
    size_t first = 0;
    while (first < text.size() && (is_blank(text[first]) || text[first] == '\r')) ++first;
    if (first < text.size() && text[first] != '#') break;  // code on line 1: line 2 is not looked at
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (name.empty()) return "";
  name = normal_name(name);
  if (bom) return name == "utf-8" ? "" : "SyntaxError: encoding problem: " + name + " with BOM\n";
  if (name == "utf-8") {
    replace_bad_bytes_in_comments(source);
    return "";
  }
  bool ascii_only = true;
  for (unsigned char c : source) ascii_only &= c < 0x80;
  if (is_utf8_alias(name)) return valid_utf8(source, nullptr) ? "" : encoding_problem(name);

  const Family family = family_of(name);
  if (family == Family::Latin1 || name == "iso-8859-1" || family == Family::Cp1252) {
    std::string decoded;
    decoded.reserve(source.size() + source.size() / 8);
    for (unsigned char c : source) {
      char32_t code_point = c;
      if (family == Family::Cp1252 && c >= 0x80 && c < 0xA0) {
        code_point = kCp1252High[c - 0x80];
        if (code_point == 0) return encoding_problem(name);  // a byte cp1252 leaves undefined
      }
      utf8_append(decoded, code_point);
    }
    source = std::move(decoded);
    return "";
  }
  if (family == Family::Ascii) return ascii_only ? "" : encoding_problem(name);
  if (!known_ascii_compatible(name)) return encoding_problem(name);  // unknown, or UTF-16 and the like
  if (ascii_only) return "";  // an ASCII-compatible codec reads ASCII bytes as ASCII
  return "NotImplementedError: closureviz does not support the source encoding '" + name +
         "' (only UTF-8, Latin-1 and cp1252, or ASCII text); save the file as UTF-8\n";
}

}  // namespace cv
