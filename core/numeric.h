// Python int and float semantics on plain C++ numbers: arithmetic, conversions, repr, rounding, hashing.
//
// These are pure helpers with no knowledge of the object model. Python-level errors
// are thrown as cv::PyError with CPython 3.11's exact type and message; the VM turns
// them into exception objects. The VM keeps small ints inline as int64 and calls the
// `checked_*` helpers on its hot path, falling back to BigInt only when they report
// overflow.
//
// Everything here is exact and locale-independent, and gives the same bits on
// native builds and under Emscripten: float <-> decimal conversions are done with
// big-integer arithmetic (CPython's dtoa.c semantics), not with strtod/printf or
// std::to_chars (libc++ 14, which Emscripten uses, has no floating-point to_chars).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <boost/multiprecision/cpp_int.hpp>

namespace cv {

using BigInt = boost::multiprecision::cpp_int;

// CPython 3.11's default sys.get_int_max_str_digits(): decimal int <-> str conversions
// of more digits raise ValueError. 0 means no limit (as sys.set_int_max_str_digits(0)).
inline constexpr int64_t kIntMaxStrDigits = 4300;

// Ints whose magnitude would need more bits than this raise MemoryError instead of
// exhausting the browser's memory (CPython would try, and fail later or hang).
inline constexpr int64_t kMaxIntBits = int64_t(1) << 26;

// ------------------------------------------------------------ int64 fast paths
// Each returns false when the exact result does not fit int64 (*out is then
// unspecified); the caller redoes the operation on BigInt.

// (Defined here so that they inline into the VM's dispatch loop.)
inline bool checked_add(int64_t a, int64_t b, int64_t* out) { return !__builtin_add_overflow(a, b, out); }
inline bool checked_sub(int64_t a, int64_t b, int64_t* out) { return !__builtin_sub_overflow(a, b, out); }
inline bool checked_mul(int64_t a, int64_t b, int64_t* out) { return !__builtin_mul_overflow(a, b, out); }
inline bool checked_neg(int64_t a, int64_t* out) { return !__builtin_sub_overflow(int64_t{0}, a, out); }
// Python's a // b and a % b (result takes the sign of b). Throw ZeroDivisionError for
// b == 0; return false only for INT64_MIN // -1.
bool checked_floor_div(int64_t a, int64_t b, int64_t* out);
bool checked_floor_mod(int64_t a, int64_t b, int64_t* out);
// a ** b for b >= 0 (the caller routes negative exponents to int_pow_to_float).
bool checked_pow(int64_t base, int64_t exponent, int64_t* out);
// a << n; throws ValueError "negative shift count" for n < 0.
bool checked_lshift(int64_t a, int64_t n, int64_t* out);
// a >> n never overflows; throws ValueError "negative shift count" for n < 0.
int64_t int64_rshift(int64_t a, int64_t n);
// a / b as Python's true division of two ints, correctly rounded.
double int64_true_divide(int64_t a, int64_t b);

// --------------------------------------------------------------- BigInt basics

std::optional<int64_t> bigint_to_int64(const BigInt& v);  // nullopt when out of range
bool bigint_is_negative(const BigInt& v);
int64_t int_bit_length(const BigInt& v);  // int.bit_length(): of |v|, 0 for 0
int64_t int_bit_count(const BigInt& v);   // int.bit_count(): ones in |v|

// Python semantics: floor division, modulo with the divisor's sign, divmod.
// ZeroDivisionError "integer division or modulo by zero" (// and divmod) or
// "integer modulo by zero" (%).
BigInt int_floor_div(const BigInt& a, const BigInt& b);
BigInt int_mod(const BigInt& a, const BigInt& b);
std::pair<BigInt, BigInt> int_divmod(const BigInt& a, const BigInt& b);

// a / b correctly rounded (round-half-even), as CPython's long_true_divide.
// ZeroDivisionError "division by zero"; OverflowError "integer division result too
// large for a float".
double int_true_divide(const BigInt& a, const BigInt& b);

// base ** exponent for exponent >= 0 (MemoryError past kMaxIntBits).
BigInt int_pow(const BigInt& base, const BigInt& exponent);
// base ** exponent for exponent < 0, which Python computes in floats:
// float(base) ** float(exponent), e.g. 2 ** -1 == 0.5; 0 ** -1 raises ZeroDivisionError.
double int_pow_to_float(const BigInt& base, const BigInt& exponent);
// pow(base, exponent, modulus): result has the sign of the modulus; a negative exponent
// uses the modular inverse. ValueError "pow() 3rd argument cannot be 0" and
// "base is not invertible for the given modulus".
BigInt int_pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& modulus);

// Shifts: ValueError "negative shift count"; a left shift past kMaxIntBits raises MemoryError.
BigInt int_lshift(const BigInt& a, const BigInt& count);
BigInt int_rshift(const BigInt& a, const BigInt& count);  // floors: -5 >> 1 == -3
// Bitwise operators on the infinite two's-complement representation, as Python's.
BigInt int_and(const BigInt& a, const BigInt& b);
BigInt int_or(const BigInt& a, const BigInt& b);
BigInt int_xor(const BigInt& a, const BigInt& b);
BigInt int_invert(const BigInt& a);  // ~a == -(a + 1)

// round(v, ndigits) for an int: unchanged for ndigits >= 0, else round half to even
// at 10**-ndigits: round(12350, -2) == 12400, round(12250, -2) == 12200.
BigInt int_round(const BigInt& v, int64_t ndigits);

// -------------------------------------------------------- int <-> str conversions

// str(v) / repr(v). ValueError "Exceeds the limit (4300 digits) for integer string
// conversion; use sys.set_int_max_str_digits() to increase the limit" when v has more
// than `max_str_digits` decimal digits (0 = unlimited).
std::string int_to_decimal_string(const BigInt& v, int64_t max_str_digits = kIntMaxStrDigits);
// Digits in base 2, 8, 10 or 16 (lowercase), with a leading '-' when negative and,
// when `with_prefix`, CPython's "0b"/"0o"/"0x" after the sign: bin(-5) == "-0b101".
// Base 10 applies the digit limit.
std::string int_to_string(const BigInt& v, int base, bool with_prefix = false,
                          int64_t max_str_digits = kIntMaxStrDigits);
std::string int_bin(const BigInt& v);  // bin()
std::string int_oct(const BigInt& v);  // oct()
std::string int_hex(const BigInt& v);  // hex()

// int(text, base) for a str argument: surrounding whitespace, a sign, the base prefix
// (0b/0o/0x when base is 0 or matches), single underscores between digits, Unicode
// decimal digits. Base 0 reads the base from the prefix and rejects leading zeros
// ("010"). ValueError "int() base must be >= 2 and <= 36, or 0", "invalid literal for
// int() with base 10: 'abc'" (repr of the original text, cut to 200 characters), and
// the digit-limit error "Exceeds the limit (4300 digits) for integer string conversion:
// value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
// (only for bases that are not powers of two).
BigInt int_from_string(std::string_view text, int64_t base = 10,
                       int64_t max_str_digits = kIntMaxStrDigits);

// ---------------------------------------------------------- int <-> float

// float(v), correctly rounded; OverflowError "int too large to convert to float".
double bigint_to_double(const BigInt& v);
// int(x), truncating toward zero; ValueError "cannot convert float NaN to integer",
// OverflowError "cannot convert float infinity to integer".
BigInt double_to_bigint(double x);
// Exact comparison of an int with a float, as Python's `<`/`==` between them:
// -1, 0 or 1; nullopt when x is NaN (every comparison is False except !=).
std::optional<int> compare_int_double(const BigInt& a, double x);
bool double_is_integer(double x);  // float.is_integer()

// --------------------------------------------------------------- float arithmetic
// ZeroDivisionError "float division by zero", "float floor division by zero",
// "float modulo", "float divmod()" exactly as CPython 3.11 words them.

double float_div(double a, double b);
double float_floor_div(double a, double b);
double float_mod(double a, double b);  // sign of b; -0.0/+0.0 as CPython
std::pair<double, double> float_divmod(double a, double b);
// a ** b with CPython's special cases: ZeroDivisionError "0.0 cannot be raised to a
// negative power"; OverflowError "(34, 'Numerical result out of range')". A negative
// base with a non-integral exponent is complex in Python, which closureviz does not
// model: NotImplementedError "complex numbers are not supported by closureviz".
double float_pow(double a, double b);

// round(x): nearest int, halves to even; ValueError/OverflowError for nan/inf.
BigInt float_round_to_int(double x);
// round(x, ndigits): correctly rounded, as CPython (round(2.675, 2) == 2.67 because the
// double is below 2.675); nan/inf unchanged; sign kept (round(-0.4, 0) == -0.0);
// OverflowError "rounded value too large to represent".
double float_round(double x, int64_t ndigits);

// ------------------------------------------------------- float <-> str conversions

// repr(x) and str(x): shortest digits that read back as x; scientific notation when
// the decimal exponent is < -4 or >= 16 ("1e-05", "1e+16"), else at least one digit
// after the point ("1.0"); "inf", "-inf", "nan".
std::string float_repr(double x);

// Flags of double_to_string, CPython's Py_DTSF_* (combine with |).
enum DoubleFormatFlag : unsigned {
  kDtsfSign = 1,       // '+' for non-negative values (and +inf, +nan)
  kDtsfAddDot0 = 2,    // "1.0" rather than "1" when the result has no point or exponent
  kDtsfAlt = 4,        // '#': keep the point and trailing zeros
  kDtsfNoNegZero = 8,  // 'z': a value that rounds to zero loses its minus sign
};
// CPython's PyOS_double_to_string: format_code one of 'e' 'E' 'f' 'F' 'g' 'G' (with
// `precision` as printf) or 'r' (repr digits; precision must be 0). The building block
// of float.__format__ and of '%f' % x.
std::string double_to_string(double x, char format_code, int64_t precision, unsigned flags = 0);

// float(text) for a str argument: surrounding whitespace, sign, digits with single
// underscores between them, optional exponent, "inf"/"infinity"/"nan" in any case;
// correctly rounded ("1e500" gives inf, "1e-400" gives 0.0). ValueError
// "could not convert string to float: 'abc'" (repr of the original text).
double float_from_string(std::string_view text);

// Decimal digits of x as CPython's _Py_dg_dtoa returns them: `digits` has no leading or
// trailing zeros and the value is 0.<digits> * 10**decimal_point.
// mode 0: shortest round-trip digits; mode 2: at most `ndigits` significant digits
// (at least 1); mode 3: rounded at `ndigits` digits after the point (may be negative).
// Rounding is half-even on the exact binary value. A zero result is digits "0" with
// decimal_point 1, except that in mode 3 a nonzero x that rounds to zero gives empty
// digits and decimal_point -ndigits. x must be finite.
struct DecimalDigits {
  std::string digits;
  int64_t decimal_point = 0;
  bool negative = false;
};
DecimalDigits double_to_decimal_digits(double x, int mode, int64_t ndigits);

// -------------------------------------------------------------------- hashing
// hash() exactly as CPython 3.11 on 64-bit builds: reduction modulo 2**61 - 1, so
// hash(1.0) == hash(1) and hash(-1) == -2. A NaN hashes by identity in Python 3.10+,
// which only the VM can do: hash_double returns 0 for NaN.

inline constexpr int64_t kHashModulus = (int64_t(1) << 61) - 1;
inline constexpr int64_t kHashInf = 314159;
int64_t hash_int64(int64_t v);
int64_t hash_int(const BigInt& v);
int64_t hash_double(double x);

}  // namespace cv
