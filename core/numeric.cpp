// Python int and float semantics on plain C++ numbers: arithmetic, conversions, repr, rounding, hashing.
//
// Float <-> decimal conversion is the subtle part. CPython uses David Gay's dtoa.c,
// which rounds correctly (half-even on the exact binary value) in both directions;
// we get the same results from exact big-integer arithmetic:
//   - double -> digits (double_to_decimal_digits): a double is m * 2**e exactly, so
//     "round at n digits" is one big division with a half-even remainder test, and
//     "shortest round-trip digits" is Burger & Dybvig's free-format algorithm.
//   - digits -> double (decimal_to_double): the value is D * 10**E exactly, i.e. a
//     ratio of two big integers, rounded once by ratio_to_double.
// Exact arithmetic costs a few big-int operations per conversion, which is nothing
// next to an interpreter step, and it is identical on every platform.
//
// [SECTION] int64 fast paths
// [SECTION] BigInt arithmetic
// [SECTION] Correct rounding of binary fractions to double
// [SECTION] int <-> str
// [SECTION] int <-> float
// [SECTION] float arithmetic
// [SECTION] double -> decimal digits
// [SECTION] decimal -> double
// [SECTION] Hashing
#include "core/numeric.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/diagnostics.h"
#include "core/text.h"

namespace cv {

namespace {

using boost::multiprecision::msb;

[[noreturn]] void throw_negative_shift() { throw PyError{"ValueError", "negative shift count"}; }
[[noreturn]] void throw_memory_error() { throw PyError{"MemoryError", ""}; }

BigInt abs_big(const BigInt& v) { return v < 0 ? BigInt(-v) : v; }

// Number of bits of |v| (0 for 0).
int64_t bit_length_of(const BigInt& v) {
  if (v == 0) return 0;
  return static_cast<int64_t>(msb(abs_big(v))) + 1;
}

BigInt pow10_big(int64_t n) {
  assert(n >= 0);
  return boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(n));
}

}  // namespace

// ============================================================ [SECTION] int64 fast paths

bool checked_floor_div(int64_t a, int64_t b, int64_t* out) {
  if (b == 0) throw PyError{"ZeroDivisionError", "integer division or modulo by zero"};
  if (a == std::numeric_limits<int64_t>::min() && b == -1) return false;
  int64_t q = a / b;
  // C++ truncates toward zero; Python floors, which differs when the signs differ
  // and the division is inexact.
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  *out = q;
  return true;
}

bool checked_floor_mod(int64_t a, int64_t b, int64_t* out) {
  if (b == 0) throw PyError{"ZeroDivisionError", "integer modulo by zero"};
  if (b == -1) {  // avoids INT64_MIN % -1, which traps
    *out = 0;
    return true;
  }
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  *out = r;
  return true;
}

bool checked_pow(int64_t base, int64_t exponent, int64_t* out) {
  assert(exponent >= 0);
  int64_t result = 1;
  int64_t b = base;
  int64_t e = exponent;
  // Trivial bases first: they never overflow however large the exponent.
  if (base == 0) { *out = exponent == 0 ? 1 : 0; return true; }
  if (base == 1) { *out = 1; return true; }
  if (base == -1) { *out = (exponent & 1) ? -1 : 1; return true; }
  while (e > 0) {
    if (e & 1) {
      if (__builtin_mul_overflow(result, b, &result)) return false;
    }
    e >>= 1;
    if (e > 0 && __builtin_mul_overflow(b, b, &b)) return false;
  }
  *out = result;
  return true;
}

bool checked_lshift(int64_t a, int64_t n, int64_t* out) {
  if (n < 0) throw_negative_shift();
  if (a == 0) { *out = 0; return true; }
  if (n > 63) return false;
  int64_t r = static_cast<int64_t>(static_cast<uint64_t>(a) << n);
  if ((r >> n) != a) return false;
  *out = r;
  return true;
}

int64_t int64_rshift(int64_t a, int64_t n) {
  if (n < 0) throw_negative_shift();
  if (n >= 63) return a < 0 ? -1 : 0;
  return a >> n;  // arithmetic shift on every compiler we target (C++20 guarantees it)
}

double int64_true_divide(int64_t a, int64_t b) {
  if (b == 0) throw PyError{"ZeroDivisionError", "division by zero"};
  constexpr int64_t kExact = int64_t(1) << 53;  // every int of this size is a double
  if (a >= -kExact && a <= kExact && b >= -kExact && b <= kExact)
    return static_cast<double>(a) / static_cast<double>(b);
  return int_true_divide(BigInt(a), BigInt(b));
}

// ============================================================ [SECTION] BigInt arithmetic

std::optional<int64_t> bigint_to_int64(const BigInt& v) {
  static const BigInt kMin = std::numeric_limits<int64_t>::min();
  static const BigInt kMax = std::numeric_limits<int64_t>::max();
  if (v < kMin || v > kMax) return std::nullopt;
  return v.convert_to<int64_t>();
}

bool bigint_is_negative(const BigInt& v) { return v < 0; }

int64_t int_bit_length(const BigInt& v) { return bit_length_of(v); }

int64_t int_bit_count(const BigInt& v) {
  BigInt m = abs_big(v);
  int64_t count = 0;
  for (auto limb = m.backend().limbs(), end = limb + m.backend().size(); limb != end; ++limb)
    count += __builtin_popcountll(static_cast<unsigned long long>(*limb));
  return count;
}

namespace {

// Floor division and remainder (remainder has the sign of b); b != 0.
void floor_divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
  BigInt quotient, remainder;
  boost::multiprecision::divide_qr(a, b, quotient, remainder);  // truncating
  if (remainder != 0 && ((remainder < 0) != (b < 0))) {
    remainder += b;
    quotient -= 1;
  }
  if (q) *q = std::move(quotient);
  if (r) *r = std::move(remainder);
}

}  // namespace

BigInt int_floor_div(const BigInt& a, const BigInt& b) {
  if (b == 0) throw PyError{"ZeroDivisionError", "integer division or modulo by zero"};
  BigInt q;
  floor_divmod(a, b, &q, nullptr);
  return q;
}

BigInt int_mod(const BigInt& a, const BigInt& b) {
  if (b == 0) throw PyError{"ZeroDivisionError", "integer modulo by zero"};
  BigInt r;
  floor_divmod(a, b, nullptr, &r);
  return r;
}

std::pair<BigInt, BigInt> int_divmod(const BigInt& a, const BigInt& b) {
  if (b == 0) throw PyError{"ZeroDivisionError", "integer division or modulo by zero"};
  std::pair<BigInt, BigInt> out;
  floor_divmod(a, b, &out.first, &out.second);
  return out;
}

BigInt int_pow(const BigInt& base, const BigInt& exponent) {
  assert(exponent >= 0);
  if (exponent == 0) return 1;
  if (base == 0 || base == 1) return base;
  if (base == -1) return (exponent & 1) != 0 ? BigInt(-1) : BigInt(1);
  // |base| >= 2, so the result needs at least `exponent` bits.
  if (exponent > kMaxIntBits) throw_memory_error();
  auto e = exponent.convert_to<int64_t>();
  const int64_t log2_floor = bit_length_of(base) - 1;
  if (log2_floor * e > kMaxIntBits) throw_memory_error();
  BigInt magnitude = abs_big(base);
  if ((magnitude & (magnitude - 1)) == 0) {  // a power of two: 2**k ** e is one shift
    BigInt r = BigInt(1) << static_cast<unsigned>(log2_floor * e);
    return (base < 0 && (e & 1)) ? BigInt(-r) : r;
  }
  return boost::multiprecision::pow(base, static_cast<unsigned>(e));
}

double int_pow_to_float(const BigInt& base, const BigInt& exponent) {
  return float_pow(bigint_to_double(base), bigint_to_double(exponent));
}

namespace {

// Inverse of a modulo m (m > 1, 0 <= a < m), or nullopt when gcd(a, m) != 1.
std::optional<BigInt> mod_inverse(const BigInt& a, const BigInt& m) {
  BigInt old_r = a, r = m;
  BigInt old_s = 1, s = 0;
  while (r != 0) {
    BigInt q = old_r / r;
    BigInt t = old_r - q * r;
    old_r = std::move(r);
    r = std::move(t);
    t = old_s - q * s;
    old_s = std::move(s);
    s = std::move(t);
  }
  if (old_r != 1) return std::nullopt;
  BigInt inv = old_s % m;
  if (inv < 0) inv += m;
  return inv;
}

}  // namespace

BigInt int_pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& modulus) {
  // Mirrors CPython's long_pow: work modulo |m|, then shift into (m, 0] for m < 0.
  if (modulus == 0) throw PyError{"ValueError", "pow() 3rd argument cannot be 0"};
  bool negative_output = modulus < 0;
  BigInt m = abs_big(modulus);
  if (m == 1) return 0;
  BigInt a;
  floor_divmod(base, m, nullptr, &a);
  BigInt e = exponent;
  if (e < 0) {
    auto inv = mod_inverse(a, m);
    if (!inv) throw PyError{"ValueError", "base is not invertible for the given modulus"};
    a = std::move(*inv);
    e = -e;
  }
  BigInt z = boost::multiprecision::powm(a, e, m);
  if (negative_output && z != 0) z -= m;
  return z;
}

BigInt int_lshift(const BigInt& a, const BigInt& count) {
  if (count < 0) throw_negative_shift();
  if (a == 0) return 0;
  if (count > kMaxIntBits || bit_length_of(a) + count.convert_to<int64_t>() > kMaxIntBits)
    throw_memory_error();
  return a << count.convert_to<unsigned>();
}

BigInt int_rshift(const BigInt& a, const BigInt& count) {
  if (count < 0) throw_negative_shift();
  if (count >= bit_length_of(a)) return a < 0 ? BigInt(-1) : BigInt(0);
  auto n = count.convert_to<unsigned>();
  if (a >= 0) return a >> n;
  // Python floors: a >> n == -((-a - 1) >> n) - 1 for negative a.
  BigInt magnitude_minus_one = -a - 1;
  return -(magnitude_minus_one >> n) - 1;
}

// cpp_int implements &, |, ^ on negative values with two's-complement semantics,
// as Python does; tests/unit/test_numeric.cpp checks this against CPython's results.
BigInt int_and(const BigInt& a, const BigInt& b) { return a & b; }
BigInt int_or(const BigInt& a, const BigInt& b) { return a | b; }
BigInt int_xor(const BigInt& a, const BigInt& b) { return a ^ b; }
BigInt int_invert(const BigInt& a) { return -(a + 1); }

BigInt int_round(const BigInt& v, int64_t ndigits) {
  if (ndigits >= 0) return v;
  // |v| < 10**(-ndigits) / 2 rounds to 0; a cheap bound avoids building huge powers.
  int64_t decimal_digits_bound = bit_length_of(v) * 30103 / 100000 + 2;
  if (-ndigits > decimal_digits_bound) return 0;
  BigInt p = pow10_big(-ndigits);
  BigInt q, r;
  floor_divmod(v, p, &q, &r);
  // Round half to even, as CPython's _PyLong_DivmodNear.
  BigInt twice = r * 2;
  if (twice > p || (twice == p && (q & 1) != 0)) q += 1;
  return q * p;
}

// ============================================ [SECTION] Correct rounding of binary fractions to double

namespace {

// Rounds (q + f) * 2**e2 to the nearest double, ties to even, where q > 0 and 0 <= f < 1
// is nonzero exactly when `sticky`. Handles subnormals; sets *overflow (and returns
// inf) when the rounded value is beyond DBL_MAX.
double round_to_double(const BigInt& q, bool sticky, int64_t e2, bool* overflow) {
  assert(q > 0);
  *overflow = false;
  int64_t nbits = static_cast<int64_t>(msb(q)) + 1;
  int64_t top = nbits - 1 + e2;  // exponent of the leading bit
  if (top > 1023) {
    *overflow = true;
    return HUGE_VAL;
  }
  int64_t lsb = std::max<int64_t>(top - 52, -1074);  // exponent of the result's last bit
  int64_t drop = lsb - e2;
  if (drop <= 0) return std::ldexp(q.convert_to<double>(), static_cast<int>(e2));  // exact
  if (drop > nbits + 1) return 0.0;  // below half of the smallest subnormal
  BigInt kept = q >> static_cast<unsigned>(drop);
  BigInt rest = q - (kept << static_cast<unsigned>(drop));
  BigInt half = BigInt(1) << static_cast<unsigned>(drop - 1);
  auto mantissa = kept.convert_to<uint64_t>();
  int cmp = rest.compare(half);
  if (cmp > 0 || (cmp == 0 && (sticky || (mantissa & 1)))) ++mantissa;
  double result = std::ldexp(static_cast<double>(mantissa), static_cast<int>(lsb));
  if (std::isinf(result)) *overflow = true;
  return result;
}

// num / den rounded to the nearest double (both positive).
double ratio_to_double(BigInt num, BigInt den, bool* overflow) {
  int64_t nb = static_cast<int64_t>(msb(num)) + 1;
  int64_t db = static_cast<int64_t>(msb(den)) + 1;
  // Scale so the integer quotient has 55 or 56 bits: enough for the 53-bit result
  // plus a rounding bit, with the remainder as the sticky bit.
  int64_t shift = 55 - (nb - db);
  if (shift > 0) num <<= static_cast<unsigned>(shift);
  else if (shift < 0) den <<= static_cast<unsigned>(-shift);
  BigInt q, r;
  boost::multiprecision::divide_qr(num, den, q, r);
  return round_to_double(q, r != 0, -shift, overflow);
}

// Splits a finite nonzero double into its IEEE significand and exponent: |x| == m * 2**e,
// with m < 2**53 and e >= -1074 (subnormals have fewer significant bits, not a lower
// exponent, which is what the shortest-digits algorithm needs to see).
void decompose(double x, uint64_t* m, int64_t* e) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const auto biased_exponent = static_cast<int64_t>((bits >> 52) & 0x7FF);
  const uint64_t fraction = bits & ((uint64_t(1) << 52) - 1);
  if (biased_exponent == 0) {
    *m = fraction;
    *e = -1074;
  } else {
    *m = fraction | (uint64_t(1) << 52);
    *e = biased_exponent - 1075;
  }
}

}  // namespace

// ============================================================ [SECTION] int <-> str

namespace {

std::string max_str_digits_error_to_str(int64_t limit) {
  return "Exceeds the limit (" + std::to_string(limit) +
         " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
}

// Digits of a nonnegative value in a power-of-two base (2, 8 or 16), lowercase.
std::string power_of_two_digits(const BigInt& magnitude, int base) {
  if (magnitude == 0) return "0";
  int bits_per_digit = base == 2 ? 1 : base == 8 ? 3 : 4;
  int64_t nbits = bit_length_of(magnitude);
  int64_t ndigits = (nbits + bits_per_digit - 1) / bits_per_digit;
  std::string out(static_cast<size_t>(ndigits), '0');
  const auto& backend = magnitude.backend();
  auto limbs = backend.limbs();
  size_t nlimbs = backend.size();
  constexpr int kLimbBits = sizeof(*limbs) * 8;
  auto bit_at = [&](int64_t i) -> unsigned {
    size_t limb = static_cast<size_t>(i / kLimbBits);
    if (limb >= nlimbs) return 0;
    return static_cast<unsigned>((limbs[limb] >> (i % kLimbBits)) & 1u);
  };
  for (int64_t d = 0; d < ndigits; ++d) {
    unsigned value = 0;
    for (int b = bits_per_digit - 1; b >= 0; --b) value = (value << 1) | bit_at(d * bits_per_digit + b);
    out[static_cast<size_t>(ndigits - 1 - d)] = "0123456789abcdef"[value];
  }
  return out;
}

}  // namespace

std::string int_to_decimal_string(const BigInt& v, int64_t max_str_digits) {
  if (auto small = bigint_to_int64(v)) return std::to_string(*small);
  if (max_str_digits > 0) {
    // Cheap early refusal for values clearly past the limit: log10(2) > 0.30102.
    int64_t min_digits = static_cast<int64_t>(static_cast<double>(bit_length_of(v) - 1) * 0.30102);
    if (min_digits > max_str_digits) throw PyError{"ValueError", max_str_digits_error_to_str(max_str_digits)};
  }
  std::string s = v.str();
  int64_t ndigits = static_cast<int64_t>(s.size()) - (v < 0 ? 1 : 0);
  if (max_str_digits > 0 && ndigits > max_str_digits)
    throw PyError{"ValueError", max_str_digits_error_to_str(max_str_digits)};
  return s;
}

std::string int_to_string(const BigInt& v, int base, bool with_prefix, int64_t max_str_digits) {
  std::string out = v < 0 ? "-" : "";
  if (base == 10) {
    std::string digits = int_to_decimal_string(abs_big(v), max_str_digits);
    return out + digits;
  }
  assert(base == 2 || base == 8 || base == 16);
  if (with_prefix) out += base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  out += power_of_two_digits(abs_big(v), base);
  return out;
}

std::string int_bin(const BigInt& v) { return int_to_string(v, 2, true); }
std::string int_oct(const BigInt& v) { return int_to_string(v, 8, true); }
std::string int_hex(const BigInt& v) { return int_to_string(v, 16, true); }

namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII whitespace becomes
// ' ', non-ASCII decimal digits their ASCII digit, any other non-ASCII character '?'.
std::string ascii_numeric_form(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (char32_t c : utf8_decode(text)) {
    if (c < 128) out.push_back(static_cast<char>(c));
    else if (is_space_char(c)) out.push_back(' ');
    else if (int d = decimal_digit_value(c); d >= 0) out.push_back(static_cast<char>('0' + d));
    else out.push_back('?');
  }
  return out;
}

// repr() of the text cut to 200 code points, as CPython's "%.200R".
std::string repr_cut_200(std::string_view text) {
  std::string r = str_repr(text);
  if (utf8_length(r) > 200) r.resize(utf8_index(r, 200));
  return r;
}

}  // namespace

BigInt int_from_string(std::string_view text, int64_t base, int64_t max_str_digits) {
  if ((base != 0 && base < 2) || base > 36)
    throw PyError{"ValueError", "int() base must be >= 2 and <= 36, or 0"};
  const int64_t original_base = base;
  auto invalid = [&]() {
    return PyError{"ValueError", "invalid literal for int() with base " + std::to_string(original_base) + ": " +
                                     repr_cut_200(text)};
  };
  const std::string ascii = ascii_numeric_form(text);
  // Follows CPython's PyLong_FromString step by step; `s` is NUL-free so a '\0' in the
  // text ends the scan early and is reported as invalid, as in CPython.
  const char* s = ascii.c_str();
  const char* const end = s + ascii.size();
  while (s < end && is_ascii_space(*s)) ++s;
  bool negative = false;
  if (s < end && *s == '+') ++s;
  else if (s < end && *s == '-') { ++s; negative = true; }
  bool error_if_nonzero = false;
  auto next_is = [&](char lower) { return s + 1 < end && (s[1] == lower || s[1] == lower - 32); };
  if (base == 0) {
    if (s >= end || s[0] != '0') base = 10;
    else if (next_is('x')) base = 16;
    else if (next_is('o')) base = 8;
    else if (next_is('b')) base = 2;
    else {
      error_if_nonzero = true;  // an old C-style octal literal like "010"; "000" is fine
      base = 10;
    }
  }
  if (s < end && s[0] == '0' &&
      ((base == 16 && next_is('x')) || (base == 8 && next_is('o')) || (base == 2 && next_is('b')))) {
    s += 2;
    if (s < end && *s == '_') ++s;  // one underscore may follow the prefix
  }
  if (s < end && *s == '_') throw invalid();
  const char* digits_start = s;
  int64_t ndigits = 0;
  char prev = '\0';
  const char* scan = s;
  while (scan < end && (digit_value(*scan) < base || *scan == '_')) {
    if (*scan == '_') {
      if (prev == '_') throw invalid();
    } else {
      ++ndigits;
    }
    prev = *scan;
    ++scan;
  }
  if (prev == '_') throw invalid();
  const bool power_of_two = (base & (base - 1)) == 0;
  if (!power_of_two && max_str_digits > 0 && ndigits > max_str_digits)
    throw PyError{"ValueError", "Exceeds the limit (" + std::to_string(max_str_digits) +
                                    " digits) for integer string conversion: value has " + std::to_string(ndigits) +
                                    " digits; use sys.set_int_max_str_digits() to increase the limit"};
  if (scan == digits_start) throw invalid();
  // Accumulate in chunks that fit a uint64 to keep the big-int work small.
  BigInt value = 0;
  uint64_t chunk = 0;
  uint64_t chunk_scale = 1;
  const uint64_t scale_limit = std::numeric_limits<uint64_t>::max() / 36;
  for (const char* p = digits_start; p < scan; ++p) {
    if (*p == '_') continue;
    chunk = chunk * static_cast<uint64_t>(base) + static_cast<uint64_t>(digit_value(*p));
    chunk_scale *= static_cast<uint64_t>(base);
    if (chunk_scale > scale_limit) {
      value = value * chunk_scale + chunk;
      chunk = 0;
      chunk_scale = 1;
    }
  }
  if (chunk_scale > 1) value = value * chunk_scale + chunk;
  if (error_if_nonzero && value != 0) throw invalid();
  s = scan;
  while (s < end && is_ascii_space(*s)) ++s;
  if (s != end) throw invalid();
  return negative ? BigInt(-value) : value;
}

// ============================================================ [SECTION] int <-> float

double bigint_to_double(const BigInt& v) {
  if (auto small = bigint_to_int64(v)) return static_cast<double>(*small);  // rounds half-even
  bool overflow = false;
  double magnitude = round_to_double(abs_big(v), false, 0, &overflow);
  if (overflow) throw PyError{"OverflowError", "int too large to convert to float"};
  return v < 0 ? -magnitude : magnitude;
}

double int_true_divide(const BigInt& a, const BigInt& b) {
  if (b == 0) throw PyError{"ZeroDivisionError", "division by zero"};
  const bool negative = (a < 0) != (b < 0);
  if (a == 0) return b < 0 ? -0.0 : 0.0;
  // CPython's fast path: both exactly representable, one IEEE division.
  static const BigInt kExact = BigInt(1) << 53;
  BigInt ma = abs_big(a), mb = abs_big(b);
  if (ma <= kExact && mb <= kExact) return a.convert_to<double>() / b.convert_to<double>();
  // Quick exits keep the scaling shifts bounded for absurd operands.
  int64_t exponent_estimate = bit_length_of(ma) - bit_length_of(mb);
  if (exponent_estimate > 1025)
    throw PyError{"OverflowError", "integer division result too large for a float"};
  if (exponent_estimate < -1080) return negative ? -0.0 : 0.0;
  bool overflow = false;
  double magnitude = ratio_to_double(std::move(ma), std::move(mb), &overflow);
  if (overflow) throw PyError{"OverflowError", "integer division result too large for a float"};
  return negative ? -magnitude : magnitude;
}

BigInt double_to_bigint(double x) {
  if (std::isnan(x)) throw PyError{"ValueError", "cannot convert float NaN to integer"};
  if (std::isinf(x)) throw PyError{"OverflowError", "cannot convert float infinity to integer"};
  double t = std::trunc(x);
  if (std::fabs(t) < 9.2e18) return BigInt(static_cast<int64_t>(t));
  uint64_t m;
  int64_t e;
  decompose(t, &m, &e);  // |t| >= 2**63, so e > 0 and the value is m << e
  BigInt r = BigInt(m) << static_cast<unsigned>(e);
  return x < 0 ? BigInt(-r) : r;
}

std::optional<int> compare_int_double(const BigInt& a, double x) {
  if (std::isnan(x)) return std::nullopt;
  if (std::isinf(x)) return x > 0 ? -1 : 1;
  static const BigInt kExact = BigInt(1) << 53;
  if (a >= -kExact && a <= kExact) {
    double da = a.convert_to<double>();
    return da < x ? -1 : da > x ? 1 : 0;
  }
  double floor_x = std::floor(x);
  BigInt fx = double_to_bigint(floor_x);
  if (a < fx) return -1;
  if (a > fx) return 1;  // a >= floor(x) + 1 > x
  return floor_x == x ? 0 : -1;
}

bool double_is_integer(double x) { return std::isfinite(x) && std::floor(x) == x; }

// ============================================================ [SECTION] float arithmetic

double float_div(double a, double b) {
  if (b == 0.0) throw PyError{"ZeroDivisionError", "float division by zero"};
  return a / b;
}

namespace {

// CPython's _float_div_mod: fmod is exact; the quotient is snapped to an integer.
void float_div_mod(double vx, double wx, double* floordiv, double* mod) {
  *mod = std::fmod(vx, wx);
  double div = (vx - *mod) / wx;
  if (*mod != 0.0) {
    if ((wx < 0) != (*mod < 0)) {
      *mod += wx;
      div -= 1.0;
    }
  } else {
    *mod = std::copysign(0.0, wx);
  }
  if (div != 0.0) {
    *floordiv = std::floor(div);
    if (div - *floordiv > 0.5) *floordiv += 1.0;
  } else {
    *floordiv = std::copysign(0.0, vx / wx);
  }
}

}  // namespace

double float_floor_div(double a, double b) {
  if (b == 0.0) throw PyError{"ZeroDivisionError", "float floor division by zero"};
  double q, r;
  float_div_mod(a, b, &q, &r);
  return q;
}

double float_mod(double a, double b) {
  if (b == 0.0) throw PyError{"ZeroDivisionError", "float modulo"};
  double mod = std::fmod(a, b);
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(0.0, b);
  }
  return mod;
}

std::pair<double, double> float_divmod(double a, double b) {
  if (b == 0.0) throw PyError{"ZeroDivisionError", "float divmod()"};
  std::pair<double, double> out;
  float_div_mod(a, b, &out.first, &out.second);
  return out;
}

namespace {

bool is_odd_integer(double x) {
  // Every double >= 2**53 is even; below that fmod is exact.
  return std::fabs(std::fmod(x, 2.0)) == 1.0;
}

}  // namespace

double float_pow(double iv, double iw) {
  // CPython's float_pow, special case by special case.
  if (iw == 0.0) return 1.0;
  if (std::isnan(iv)) return iv;
  if (std::isnan(iw)) return iv == 1.0 ? 1.0 : iw;
  if (std::isinf(iw)) {
    double av = std::fabs(iv);
    if (av == 1.0) return 1.0;
    if ((iw > 0.0) == (av > 1.0)) return std::fabs(iw);
    return 0.0;
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return odd ? iv : std::fabs(iv);
    return odd ? std::copysign(0.0, iv) : 0.0;
  }
  if (iv == 0.0) {
    bool odd = is_odd_integer(iw);
    if (iw < 0.0) throw PyError{"ZeroDivisionError", "0.0 cannot be raised to a negative power"};
    return odd ? iv : 0.0;
  }
  bool negate_result = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw))
      throw PyError{"NotImplementedError", "complex numbers are not supported by closureviz"};
    iv = -iv;
    negate_result = is_odd_integer(iw);
  }
  if (iv == 1.0) return negate_result ? -1.0 : 1.0;
  double ix = std::pow(iv, iw);
  if (std::isinf(ix)) throw PyError{"OverflowError", "(34, 'Numerical result out of range')"};
  return negate_result ? -ix : ix;
}

BigInt float_round_to_int(double x) {
  double rounded = std::round(x);  // halves away from zero...
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);  // ...so redo ties to even
  return double_to_bigint(rounded);
}

namespace {
double decimal_to_double(std::string_view digits, int64_t exp10, bool negative, bool* overflow);
}

double float_round(double x, int64_t ndigits) {
  if (!std::isfinite(x)) return x;
  // Past these, x is its own rounding or rounds to zero (CPython's NDIGITS_MAX/MIN).
  constexpr int64_t kNdigitsMax = 323, kNdigitsMin = -308;
  if (ndigits > kNdigitsMax) return x;
  if (ndigits < kNdigitsMin) return 0.0 * x;
  DecimalDigits d = double_to_decimal_digits(x, 3, ndigits);
  bool overflow = false;
  double r = decimal_to_double(d.digits, d.decimal_point - static_cast<int64_t>(d.digits.size()), d.negative,
                               &overflow);
  if (overflow) throw PyError{"OverflowError", "rounded value too large to represent"};
  return r;
}

// ============================================================ [SECTION] double -> decimal digits

namespace {

// floor(log10(v)) may be off by one from this estimate; callers correct it.
int64_t estimate_decimal_exponent(uint64_t m, int64_t e) {
  int64_t binary_exponent = e + (63 - __builtin_clzll(m));  // 2**be <= v < 2**(be+1)
  return static_cast<int64_t>(std::floor(static_cast<double>(binary_exponent) * 0.30102999566398120));
}

// Exact value m * 2**e as a ratio num/den, times 10**scale.
void exact_ratio(uint64_t m, int64_t e, int64_t scale, BigInt* num, BigInt* den) {
  *num = m;
  *den = 1;
  if (e > 0) *num <<= static_cast<unsigned>(e);
  else if (e < 0) *den <<= static_cast<unsigned>(-e);
  if (scale > 0) *num *= pow10_big(scale);
  else if (scale < 0) *den *= pow10_big(-scale);
}

// round(num / den) with ties to even.
BigInt round_half_even_ratio(const BigInt& num, const BigInt& den) {
  BigInt q, r;
  boost::multiprecision::divide_qr(num, den, q, r);
  BigInt twice = r * 2;
  int cmp = twice.compare(den);
  if (cmp > 0 || (cmp == 0 && (q & 1) != 0)) q += 1;
  return q;
}

void strip_trailing_zeros(std::string* digits) {
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

// Burger & Dybvig's free-format algorithm: the shortest digit string that rounds back
// to m * 2**e under round-half-even reading, choosing the closest when several exist.
void shortest_digits(uint64_t m, int64_t e, DecimalDigits* out) {
  // Normalize to a full 53-bit significand's view of the neighbours: the gap below x is
  // half the gap above when x is an exact power of two (and not the smallest normal).
  const bool even = (m & 1) == 0;
  const bool lower_gap_smaller = (m == (uint64_t(1) << 52)) && e > -1074;
  BigInt r, s, m_plus, m_minus;
  if (e >= 0) {
    BigInt be = BigInt(1) << static_cast<unsigned>(e);
    if (!lower_gap_smaller) {
      r = BigInt(m) * be * 2;
      s = 2;
      m_plus = be;
      m_minus = be;
    } else {
      r = BigInt(m) * be * 4;
      s = 4;
      m_plus = be * 2;
      m_minus = be;
    }
  } else {
    if (!lower_gap_smaller) {
      r = BigInt(m) * 2;
      s = BigInt(1) << static_cast<unsigned>(1 - e);
      m_plus = 1;
      m_minus = 1;
    } else {
      r = BigInt(m) * 4;
      s = BigInt(1) << static_cast<unsigned>(2 - e);
      m_plus = 2;
      m_minus = 1;
    }
  }
  int64_t k = estimate_decimal_exponent(m, e) + 1;  // want 10**(k-1) <= high < 10**k
  if (k >= 0) s *= pow10_big(k);
  else {
    BigInt scale = pow10_big(-k);
    r *= scale;
    m_plus *= scale;
    m_minus *= scale;
  }
  auto high_reaches = [&](const BigInt& rr, const BigInt& mp) {
    int c = BigInt(rr + mp).compare(s);
    return even ? c >= 0 : c > 0;
  };
  while (high_reaches(r, m_plus)) {  // estimate too low
    s *= 10;
    ++k;
  }
  while (!high_reaches(r * 10, m_plus * 10)) {  // estimate too high
    r *= 10;
    m_plus *= 10;
    m_minus *= 10;
    --k;
  }
  std::string digits;
  for (;;) {
    r *= 10;
    m_plus *= 10;
    m_minus *= 10;
    BigInt d, rem;
    boost::multiprecision::divide_qr(r, s, d, rem);
    r = std::move(rem);
    int digit = d.convert_to<int>();
    int low_cmp = r.compare(m_minus);
    bool low = even ? low_cmp <= 0 : low_cmp < 0;
    bool high = high_reaches(r, m_plus);
    if (!low && !high) {
      digits.push_back(static_cast<char>('0' + digit));
      continue;
    }
    if (low && high) {
      int c = BigInt(r * 2).compare(s);  // closest; exact ties go to the even digit, as dtoa
      if (c > 0 || (c == 0 && (digit & 1))) ++digit;
    } else if (high) {
      ++digit;
    }
    digits.push_back(static_cast<char>('0' + digit));
    break;
  }
  // A final digit rounded up to 10 cannot happen: the high test above guarantees
  // digit + 1 <= 9 whenever rounding up is chosen, as in Steele & White's proof.
  strip_trailing_zeros(&digits);
  out->digits = std::move(digits);
  out->decimal_point = k;
}

}  // namespace

DecimalDigits double_to_decimal_digits(double x, int mode, int64_t ndigits) {
  assert(std::isfinite(x));
  DecimalDigits out;
  out.negative = std::signbit(x);
  if (x == 0.0) {
    out.digits = "0";
    out.decimal_point = 1;
    return out;
  }
  uint64_t m;
  int64_t e;
  decompose(x, &m, &e);
  if (mode == 0) {
    // Integers below 2**53 have the obvious shortest form; common, so skip the big ints.
    if (e >= -52 && e <= 0 && (m & ((uint64_t(1) << -e) - 1)) == 0) {
      std::string digits = std::to_string(m >> -e);
      out.decimal_point = static_cast<int64_t>(digits.size());
      while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
      out.digits = std::move(digits);
      return out;
    }
    shortest_digits(m, e, &out);
    return out;
  }
  BigInt num, den;
  if (mode == 3) {
    // A double has at most 1074 digits after the point, so rounding further is exact.
    int64_t places = std::min<int64_t>(ndigits, 1100);
    exact_ratio(m, e, places, &num, &den);
    BigInt n = round_half_even_ratio(num, den);
    if (n == 0) {
      out.digits.clear();
      out.decimal_point = -ndigits;
      return out;
    }
    std::string digits = n.str();
    out.decimal_point = static_cast<int64_t>(digits.size()) - places;
    strip_trailing_zeros(&digits);
    out.digits = std::move(digits);
    return out;
  }
  assert(mode == 2);
  // A double has at most 767 significant digits, so more precision is exact.
  int64_t precision = std::clamp<int64_t>(ndigits, 1, 800);
  int64_t k = estimate_decimal_exponent(m, e);  // guess for floor(log10(|x|))
  for (;;) {
    exact_ratio(m, e, precision - 1 - k, &num, &den);
    BigInt n = round_half_even_ratio(num, den);
    BigInt upper = pow10_big(precision);
    if (n == upper) {
      // Rounding carried into a new digit (9.99 -> 10.0), or the guess was one low and
      // the value is within half a unit of 10**(k+1): both mean exactly 10**(k+1).
      out.digits = "1";
      out.decimal_point = k + 2;
      return out;
    }
    if (n > upper) {
      ++k;
      continue;
    }
    if (n < pow10_big(precision - 1)) {
      --k;
      continue;
    }
    std::string digits = n.str();
    strip_trailing_zeros(&digits);
    out.digits = std::move(digits);
    out.decimal_point = k + 1;
    return out;
  }
}

std::string double_to_string(double x, char format_code, int64_t precision, unsigned flags) {
  // A port of CPython's PyOS_double_to_string / format_float_short.
  bool upper = false;
  int mode = 0;
  switch (format_code) {
    case 'E': upper = true; format_code = 'e'; [[fallthrough]];
    case 'e': mode = 2; ++precision; break;
    case 'F': upper = true; format_code = 'f'; [[fallthrough]];
    case 'f': mode = 3; break;
    case 'G': upper = true; format_code = 'g'; [[fallthrough]];
    case 'g': mode = 2; if (precision == 0) precision = 1; break;
    case 'r': mode = 0; assert(precision == 0); break;
    default: assert(false && "double_to_string: bad format code");
  }
  const bool add_sign = flags & kDtsfSign;
  const bool add_dot_0 = flags & kDtsfAddDot0;
  const bool alt = flags & kDtsfAlt;
  std::string out;
  if (!std::isfinite(x)) {
    if (std::isinf(x) && x < 0) out.push_back('-');
    else if (add_sign) out.push_back('+');
    out += std::isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    return out;
  }
  DecimalDigits d = double_to_decimal_digits(x, mode, precision);
  const std::string& digits = d.digits;
  const int64_t digits_len = static_cast<int64_t>(digits.size());
  int64_t decpt = d.decimal_point;
  bool negative = d.negative;
  if ((flags & kDtsfNoNegZero) && negative && (digits_len == 0 || digits == "0")) negative = false;

  // Output the slice vdigits[vdigits_start:vdigits_end] of the digits padded with
  // zeros on both sides, with the point after position decpt.
  int64_t vdigits_end = digits_len;
  bool use_exp = false;
  int64_t exp = 0;
  switch (format_code) {
    case 'e': use_exp = true; vdigits_end = precision; break;
    case 'f': vdigits_end = decpt + precision; break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) vdigits_end = std::max(vdigits_end, decpt + 1);
  else vdigits_end = std::max(vdigits_end, decpt);

  if (negative) out.push_back('-');
  else if (add_sign) out.push_back('+');
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(digits, 0, static_cast<size_t>(decpt));
    out.push_back('.');
    out.append(digits, static_cast<size_t>(decpt));
  } else {
    out += digits;
  }
  if (digits_len < decpt) {
    out.append(static_cast<size_t>(decpt - digits_len), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<size_t>(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    out.push_back(upper ? 'E' : 'e');
    out.push_back(exp < 0 ? '-' : '+');
    std::string e = std::to_string(exp < 0 ? -exp : exp);
    if (e.size() < 2) out.push_back('0');
    out += e;
  }
  return out;
}

std::string float_repr(double x) { return double_to_string(x, 'r', 0, kDtsfAddDot0); }

// ============================================================ [SECTION] decimal -> double

namespace {

// The double nearest to 0.<digits> scaled: value = int(digits) * 10**exp10, digits
// being ASCII decimal digits (may have leading zeros, may be empty for zero).
double decimal_to_double(std::string_view digits, int64_t exp10, bool negative, bool* overflow) {
  *overflow = false;
  size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return negative ? -0.0 : 0.0;
  digits.remove_prefix(first);
  size_t last = digits.find_last_not_of('0');
  exp10 += static_cast<int64_t>(digits.size() - 1 - last);
  digits = digits.substr(0, last + 1);
  // Digits beyond the 800th cannot change the rounding except through being nonzero
  // (a halfway point between doubles has at most 767 significant digits): keep 800
  // and stand in a trailing 1 for whatever nonzero tail there was.
  std::string shortened;
  if (digits.size() > 800) {
    exp10 += static_cast<int64_t>(digits.size()) - 801;
    shortened.assign(digits.substr(0, 800));
    shortened.push_back('1');
    digits = shortened;
  }
  const auto nd = static_cast<int64_t>(digits.size());
  double magnitude;
  if (nd + exp10 > 310) {
    *overflow = true;
    magnitude = HUGE_VAL;
  } else if (nd + exp10 < -330) {
    magnitude = 0.0;
  } else if (nd <= 15 && exp10 >= -22 && exp10 <= 22) {
    // Clinger's fast path: both operands are exact doubles, so one IEEE operation
    // rounds correctly.
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t n = 0;
    for (char c : digits) n = n * 10 + static_cast<uint64_t>(c - '0');
    auto dn = static_cast<double>(n);
    magnitude = exp10 >= 0 ? dn * kPow10[exp10] : dn / kPow10[-exp10];
  } else {
    BigInt n = 0;
    uint64_t chunk = 0;
    int chunk_len = 0;
    static constexpr uint64_t kChunkScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                               1000000000, 10000000000ULL, 100000000000ULL,
                                               1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
                                               1000000000000000ULL, 10000000000000000ULL,
                                               100000000000000000ULL, 1000000000000000000ULL};
    for (char c : digits) {
      chunk = chunk * 10 + static_cast<uint64_t>(c - '0');
      if (++chunk_len == 18) {
        n = n * kChunkScale[18] + chunk;
        chunk = 0;
        chunk_len = 0;
      }
    }
    if (chunk_len > 0) n = n * kChunkScale[chunk_len] + chunk;
    if (exp10 >= 0) magnitude = ratio_to_double(n * pow10_big(exp10), BigInt(1), overflow);
    else magnitude = ratio_to_double(std::move(n), pow10_big(-exp10), overflow);
  }
  return negative ? -magnitude : magnitude;
}

bool equals_ignore_case(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_word[i]) return false;
  }
  return true;
}

// Parses exactly the whole of `s` (already stripped, underscores removed) the way
// CPython's _PyOS_ascii_strtod does; false when it is not a float literal.
bool parse_float_literal(std::string_view s, double* out) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (equals_ignore_case(s, "inf") || equals_ignore_case(s, "infinity")) {
    *out = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (equals_ignore_case(s, "nan")) {
    *out = negative ? -std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  std::string digits;
  int64_t exp10 = 0;
  size_t i = 0;
  bool any_digit = false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    digits.push_back(s[i++]);
    any_digit = true;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      digits.push_back(s[i++]);
      --exp10;
      any_digit = true;
    }
  }
  if (!any_digit) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
    if (i == s.size() || s[i] < '0' || s[i] > '9') return false;
    int64_t e = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (e < 1000000000) e = e * 10 + (s[i] - '0');  // saturates: far past any double
      ++i;
    }
    exp10 += exp_negative ? -e : e;
  }
  if (i != s.size()) return false;
  bool overflow = false;
  *out = decimal_to_double(digits, exp10, negative, &overflow);
  return true;
}

}  // namespace

double float_from_string(std::string_view text) {
  auto fail = [&]() { return PyError{"ValueError", "could not convert string to float: " + str_repr(text)}; };
  const std::string ascii = ascii_numeric_form(text);
  std::string_view s = ascii;
  // Underscores: only between digits (CPython's _Py_string_to_number_with_underscores,
  // which looks at the whole text, surrounding whitespace included).
  std::string without_underscores;
  if (s.find('_') != std::string_view::npos) {
    char prev = '\0';
    for (char c : s) {
      bool c_digit = c >= '0' && c <= '9';
      if (c == '_') {
        if (!(prev >= '0' && prev <= '9')) throw fail();
      } else {
        if (prev == '_' && !c_digit) throw fail();
        without_underscores.push_back(c);
      }
      prev = c;
    }
    if (prev == '_') throw fail();
    s = without_underscores;
  }
  size_t begin = 0, end = s.size();
  while (begin < end && is_ascii_space(s[begin])) ++begin;
  while (end > begin && is_ascii_space(s[end - 1])) --end;
  double value;
  if (begin == end || !parse_float_literal(s.substr(begin, end - begin), &value)) throw fail();
  return value;
}

// ============================================================ [SECTION] Hashing

int64_t hash_int64(int64_t v) {
  // |v| mod (2**61 - 1) with the sign reapplied; -1 is reserved for errors in CPython.
  uint64_t magnitude = v < 0 ? (~static_cast<uint64_t>(v) + 1) : static_cast<uint64_t>(v);
  auto h = static_cast<int64_t>(magnitude % static_cast<uint64_t>(kHashModulus));
  if (v < 0) h = -h;
  return h == -1 ? -2 : h;
}

int64_t hash_int(const BigInt& v) {
  if (auto small = bigint_to_int64(v)) return hash_int64(*small);
  BigInt r = abs_big(v) % BigInt(kHashModulus);
  auto h = r.convert_to<int64_t>();
  if (v < 0) h = -h;
  return h == -1 ? -2 : h;
}

int64_t hash_double(double x) {
  // CPython's _Py_HashDouble.
  if (std::isnan(x)) return 0;
  if (std::isinf(x)) return x > 0 ? kHashInf : -kHashInf;
  constexpr int kBits = 61;
  const auto modulus = static_cast<uint64_t>(kHashModulus);
  int e;
  double m = std::frexp(x, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t h = 0;
  while (m != 0.0) {  // 28 bits at a time
    h = ((h << 28) & modulus) | h >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    h += y;
    if (h >= modulus) h -= modulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  h = ((h << e) & modulus) | h >> (kBits - e);
  h = h * static_cast<uint64_t>(static_cast<int64_t>(sign));
  if (h == static_cast<uint64_t>(-1)) h = static_cast<uint64_t>(-2);
  return static_cast<int64_t>(h);
}

}  // namespace cv
