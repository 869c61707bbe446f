// The math module: constants, float functions with CPython's domain/range errors, and the exact integer functions.
//
// Float functions follow Modules/mathmodule.c: a NaN result from a non-NaN argument is
// "math domain error" (ValueError), an infinite result from a finite argument is
// "math range error" (OverflowError) where CPython says the function can overflow.
// Integer functions (factorial, gcd, comb, isqrt, ...) are exact on BigInt.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numbers>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"
#include "core/numeric.h"

namespace cv {

namespace {

[[noreturn]] void domain_error(VM& vm) { vm.raise(vm.t.ValueError, "math domain error"); }
[[noreturn]] void range_error(VM& vm) { vm.raise(vm.t.OverflowError, "math range error"); }

// PyFloat_AsDouble: float, int, or __float__ / __index__.
double to_double(VM& vm, Value v) {
  if (is_float(v)) return float_value(v);
  if (VM::is_int(v)) return bigint_to_double(vm.to_bigint(v));
  if (Value r = vm.call_dunder_or_null(v, "__float__", {}); !r.is_null()) {
    if (!is_float(r)) vm.raise_type_error(vm.type_name(v) + ".__float__ returned non-float (type " + vm.type_name(r) + ")");
    return float_value(r);
  }
  if (Value r = vm.call_dunder_or_null(v, "__index__", {}); !r.is_null()) return bigint_to_double(vm.to_bigint(r));
  vm.raise_type_error("must be real number, not " + vm.type_name(v));
}

// math_1: apply f, then turn NaN/inf results into CPython's errors.
double checked(VM& vm, double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) domain_error(vm);
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) range_error(vm);
    domain_error(vm);
  }
  return r;
}

Value one_arg(VM& vm, PosArgs args, KwArgs kwargs, const char* name) {
  return arg_exactly_one(vm, name, args, kwargs);
}

// A float function of one argument: data is a MathFn1 table index.
struct MathFn1 {
  const char* name;
  double (*fn)(double);
  bool can_overflow;
};

double deg(double x) { return x * (180.0 / std::numbers::pi); }
double rad(double x) { return x * (std::numbers::pi / 180.0); }
double exp2_fn(double x) { return std::exp2(x); }

constexpr MathFn1 kMath1[] = {
    {"sqrt", [](double x) { return std::sqrt(x); }, false},
    {"exp", [](double x) { return std::exp(x); }, true},
    {"exp2", exp2_fn, true},
    {"expm1", [](double x) { return std::expm1(x); }, true},
    {"sin", [](double x) { return std::sin(x); }, false},
    {"cos", [](double x) { return std::cos(x); }, false},
    {"tan", [](double x) { return std::tan(x); }, false},
    {"asin", [](double x) { return std::asin(x); }, false},
    {"acos", [](double x) { return std::acos(x); }, false},
    {"atan", [](double x) { return std::atan(x); }, false},
    {"sinh", [](double x) { return std::sinh(x); }, true},
    {"cosh", [](double x) { return std::cosh(x); }, true},
    {"tanh", [](double x) { return std::tanh(x); }, false},
    {"asinh", [](double x) { return std::asinh(x); }, false},
    {"acosh", [](double x) { return std::acosh(x); }, false},
    {"atanh", [](double x) { return std::atanh(x); }, false},
    {"fabs", [](double x) { return std::fabs(x); }, false},
    {"cbrt", [](double x) { return std::cbrt(x); }, false},
    {"erf", [](double x) { return std::erf(x); }, false},
    {"erfc", [](double x) { return std::erfc(x); }, false},
    {"degrees", deg, true},
    {"radians", rad, false},
};

Value math_fn1(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const MathFn1& f = kMath1[static_cast<TupleObject*>(data)->items[0].as_small_int()];
  double x = to_double(vm, one_arg(vm, args, kwargs, f.name));
  double r = f.fn(x);
  // atanh(+-1) and acosh/asinh edge cases are domain errors in CPython, not infinities.
  if (std::isinf(r) && std::isfinite(x) && (std::string_view(f.name) == "atanh")) domain_error(vm);
  return vm.new_float(checked(vm, x, r, f.can_overflow));
}

// log(x) for ints of any size: frexp the int first, as CPython's loghelper.
double log_of(VM& vm, Value x, double (*fn)(double)) {
  if (VM::is_int(x)) {
    BigInt n = vm.to_bigint(x);
    if (n <= 0) domain_error(vm);
    int64_t bits = int_bit_length(n);
    if (bits <= 1000) return fn(bigint_to_double(n));
    int64_t shift = bits - 64;
    double m = std::ldexp(static_cast<double>(static_cast<uint64_t>(BigInt(n >> shift))), -64);
    return fn(m) + fn(2.0) * double(shift + 64);
  }
  double v = to_double(vm, x);
  if (std::isnan(v)) return v;
  if (v <= 0) domain_error(vm);
  return fn(v);
}

double ln(double x) { return std::log(x); }
double lg(double x) { return std::log10(x); }
double lb(double x) { return std::log2(x); }

Value math_log(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "log", kwargs);
  args_between(vm, "log", args, 1, 2);
  double num = log_of(vm, args[0], ln);
  if (args.size() == 1) return vm.new_float(num);
  double den = log_of(vm, args[1], ln);
  if (den == 0.0) vm.raise(vm.t.ZeroDivisionError, "float division by zero");
  return vm.new_float(num / den);
}

Value math_log10(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.new_float(log_of(vm, one_arg(vm, args, kwargs, "log10"), lg));
}
Value math_log2(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.new_float(log_of(vm, one_arg(vm, args, kwargs, "log2"), lb));
}
Value math_log1p(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = to_double(vm, one_arg(vm, args, kwargs, "log1p"));
  if (x <= -1.0) domain_error(vm);
  return vm.new_float(std::log1p(x));
}

// floor/ceil/trunc: ints as they are, floats rounded to an int, others through their dunder.
template <int Mode>  // 0 floor, 1 ceil, 2 trunc
Value math_round_fn(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  const char* name = Mode == 0 ? "floor" : Mode == 1 ? "ceil" : "trunc";
  const char* dunder = Mode == 0 ? "__floor__" : Mode == 1 ? "__ceil__" : "__trunc__";
  Value x = one_arg(vm, args, kwargs, name);
  if (VM::is_int(x)) return vm.new_int(vm.to_bigint(x));
  if (is_float(x) && vm.type_of(x) == vm.t.float_) {
    double v = float_value(x);
    double r = Mode == 0 ? std::floor(v) : Mode == 1 ? std::ceil(v) : std::trunc(v);
    return vm.new_int(double_to_bigint(r));
  }
  Value r = vm.call_dunder_or_null(x, dunder, {});
  if (!r.is_null()) return r;
  if (Mode == 2) vm.raise_type_error("type " + vm.type_name(x) + " doesn't define __trunc__ method");
  double v = to_double(vm, x);
  return vm.new_int(double_to_bigint(Mode == 0 ? std::floor(v) : std::ceil(v)));
}

Value math_pow(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("pow", "x, y, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args, kwargs);
  double x = to_double(vm, a[0]), y = to_double(vm, a[1]);
  double r;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x))
      r = y == 0.0 ? 1.0 : x;
    else if (std::isnan(y))
      r = x == 1.0 ? 1.0 : y;
    else
      r = std::pow(x, y);
    return vm.new_float(r);
  }
  if (x == 0.0 && y < 0.0) domain_error(vm);
  if (x < 0.0 && y != std::floor(y)) domain_error(vm);
  r = std::pow(x, y);
  if (std::isinf(r)) range_error(vm);
  return vm.new_float(r);
}

Value math_two_floats(VM& vm, PosArgs args, KwArgs kwargs, const char* name, double* x, double* y) {
  Signature sig(name, "x, y, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args, kwargs);
  *x = to_double(vm, a[0]);
  *y = to_double(vm, a[1]);
  return vm.None;
}

Value math_atan2(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double y, x;
  math_two_floats(vm, args, kwargs, "atan2", &y, &x);
  return vm.new_float(std::atan2(y, x));
}

Value math_copysign(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x, y;
  math_two_floats(vm, args, kwargs, "copysign", &x, &y);
  return vm.new_float(std::copysign(x, y));
}

Value math_fmod(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x, y;
  math_two_floats(vm, args, kwargs, "fmod", &x, &y);
  if (std::isinf(y) && std::isfinite(x)) return vm.new_float(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error(vm);
  return vm.new_float(r);
}

Value math_remainder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x, y;
  math_two_floats(vm, args, kwargs, "remainder", &x, &y);
  double r = std::remainder(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error(vm);
  return vm.new_float(r);
}

Value math_nextafter(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x, y;
  math_two_floats(vm, args, kwargs, "nextafter", &x, &y);
  return vm.new_float(std::nextafter(x, y));
}

Value math_ldexp(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("ldexp", "x, i, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args, kwargs);
  double x = to_double(vm, a[0]);
  if (!VM::is_int(a[1])) vm.raise_type_error("Expected an int as second argument to ldexp.");
  BigInt i = vm.to_bigint(a[1]);
  int e = i > 100000 ? 100000 : i < -100000 ? -100000 : static_cast<int>(i);
  double r = std::ldexp(x, e);
  if (std::isinf(r) && std::isfinite(x)) range_error(vm);
  return vm.new_float(r);
}

Value math_frexp(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = to_double(vm, one_arg(vm, args, kwargs, "frexp"));
  int e = 0;
  double m = std::isfinite(x) ? std::frexp(x, &e) : x;
  return vm.new_tuple({vm.new_float(m), vm.new_int(int64_t(e))});
}

Value math_modf(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = to_double(vm, one_arg(vm, args, kwargs, "modf"));
  if (std::isinf(x)) return vm.new_tuple({vm.new_float(std::copysign(0.0, x)), vm.new_float(x)});
  double whole;
  double frac = std::modf(x, &whole);
  return vm.new_tuple({vm.new_float(frac), vm.new_float(whole)});
}

Value math_ulp(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = std::fabs(to_double(vm, one_arg(vm, args, kwargs, "ulp")));
  if (std::isnan(x) || std::isinf(x)) return vm.new_float(x);
  double next = std::nextafter(x, std::numeric_limits<double>::infinity());
  if (std::isinf(next)) return vm.new_float(x - std::nextafter(x, 0.0));
  return vm.new_float(next - x);
}

Value math_gamma(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = to_double(vm, one_arg(vm, args, kwargs, "gamma"));
  if (std::isfinite(x) && x <= 0 && x == std::floor(x)) domain_error(vm);
  if (std::isinf(x) && x < 0) domain_error(vm);
  double r = std::tgamma(x);
  if (std::isinf(r) && std::isfinite(x)) range_error(vm);
  return vm.new_float(r);
}

Value math_lgamma(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = to_double(vm, one_arg(vm, args, kwargs, "lgamma"));
  if (std::isfinite(x) && x <= 0 && x == std::floor(x)) domain_error(vm);
  double r = std::lgamma(x);
  if (std::isinf(r) && std::isfinite(x)) range_error(vm);
  return vm.new_float(r);
}

template <int Which>  // 0 isfinite, 1 isinf, 2 isnan
Value math_classify(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  const char* name = Which == 0 ? "isfinite" : Which == 1 ? "isinf" : "isnan";
  double x = to_double(vm, one_arg(vm, args, kwargs, name));
  bool r = Which == 0 ? std::isfinite(x) : Which == 1 ? std::isinf(x) : std::isnan(x);
  return vm.new_bool(r);
}

Value math_isclose(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("isclose", "a, b, *, rel_tol=1e-09, abs_tol=0.0");
  BoundArgs p = sig.bind(vm, args, kwargs);
  double a = to_double(vm, p[0]), b = to_double(vm, p[1]);
  double rel_tol = p.has(2) ? to_double(vm, p[2]) : 1e-09;
  double abs_tol = p.has(3) ? to_double(vm, p[3]) : 0.0;
  if (rel_tol < 0.0 || abs_tol < 0.0) vm.raise(vm.t.ValueError, "tolerances must be non-negative");
  if (a == b) return vm.True;
  if (std::isinf(a) || std::isinf(b)) return vm.False;
  double diff = std::fabs(b - a);
  return vm.new_bool((diff <= std::fabs(rel_tol * b)) || (diff <= std::fabs(rel_tol * a)) || (diff <= abs_tol));
}

// hypot and dist: the Euclidean norm, scaled by the largest coordinate against overflow.
double vector_norm(const std::vector<double>& v) {
  double max = 0.0;
  bool found_nan = false;
  for (double x : v) {
    x = std::fabs(x);
    if (std::isinf(x)) return x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  if (found_nan) return std::numeric_limits<double>::quiet_NaN();
  if (max == 0.0 || v.size() <= 1) return max;
  if (v.size() == 2) return std::hypot(v[0], v[1]);
  long double sum = 0.0L;
  for (double x : v) {
    long double s = static_cast<long double>(x) / max;
    sum += s * s;
  }
  return static_cast<double>(std::sqrt(sum) * max);
}

Value math_hypot(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "hypot", kwargs);
  std::vector<double> v;
  for (Value a : args) v.push_back(to_double(vm, a));
  return vm.new_float(vector_norm(v));
}

Value math_dist(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("dist", "p, q, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args, kwargs);
  std::vector<Value> p = vm.to_vector(a[0]), q = vm.to_vector(a[1]);
  if (p.size() != q.size()) vm.raise(vm.t.ValueError, "both points must have the same number of dimensions");
  std::vector<double> d;
  for (size_t i = 0; i < p.size(); ++i) d.push_back(to_double(vm, p[i]) - to_double(vm, q[i]));
  return vm.new_float(vector_norm(d));
}

// fsum: CPython's exact summation (Shewchuk's partials with half-even fix-up).
Value math_fsum(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value seq = one_arg(vm, args, kwargs, "fsum");
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  for_each_item(vm, seq, [&](Value item) {
    double x = to_double(vm, item);
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); ++j) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double yr = hi - x;
      double lo = y - yr;
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave)) vm.raise(vm.t.OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
    return true;
  });
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) vm.raise(vm.t.ValueError, "-inf + inf in fsum");
    return vm.new_float(special_sum);
  }
  double hi = 0.0, lo = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return vm.new_float(hi);
}

Value math_prod(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("prod", "iterable, /, *, start=1");
  BoundArgs a = sig.bind(vm, args, kwargs);
  Value acc = a.get(1, vm.new_int(1));
  for_each_item(vm, a[0], [&](Value item) {
    acc = vm.binary_op(acc, item, BinaryOpArg::Mul);
    return true;
  });
  return acc;
}

// ---------------------------------------------------------------- integer functions

Value math_factorial(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  BigInt n = index_bigint(vm, one_arg(vm, args, kwargs, "factorial"));
  if (n < 0) vm.raise(vm.t.ValueError, "factorial() not defined for negative values");
  if (n > 100000) vm.raise(vm.t.OverflowError, "factorial() argument should not exceed 100000 in closureviz");
  BigInt r = 1;
  for (int64_t i = 2; i <= static_cast<int64_t>(n); ++i) r *= i;
  return vm.new_int(r);
}

Value math_gcd(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "gcd", kwargs);
  BigInt g = 0;
  for (Value a : args) g = boost::multiprecision::gcd(g, index_bigint(vm, a));
  return vm.new_int(g < 0 ? BigInt(-g) : g);
}

Value math_lcm(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "lcm", kwargs);
  BigInt l = 1;
  for (Value a : args) {
    BigInt v = index_bigint(vm, a);
    if (v < 0) v = -v;
    if (v == 0 || l == 0) {
      l = 0;
      continue;
    }
    l = l / boost::multiprecision::gcd(l, v) * v;
  }
  return vm.new_int(l);
}

Value math_isqrt(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  BigInt n = index_bigint(vm, one_arg(vm, args, kwargs, "isqrt"));
  if (n < 0) vm.raise(vm.t.ValueError, "isqrt() argument must be nonnegative");
  return vm.new_int(BigInt(boost::multiprecision::sqrt(n)));
}

Value math_comb(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("comb", "n, k, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args, kwargs);
  BigInt n = index_bigint(vm, a[0]), k = index_bigint(vm, a[1]);
  if (n < 0) vm.raise(vm.t.ValueError, "n must be a non-negative integer");
  if (k < 0) vm.raise(vm.t.ValueError, "k must be a non-negative integer");
  if (k > n) return vm.new_int(0);
  if (k > n - k) k = n - k;
  BigInt r = 1;
  for (BigInt i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return vm.new_int(r);
}

Value math_perm(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("perm", "n, k=None, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args, kwargs);
  BigInt n = index_bigint(vm, a[0]);
  if (n < 0) vm.raise(vm.t.ValueError, "n must be a non-negative integer");
  BigInt k = is_none(vm, a[1]) ? n : index_bigint(vm, a[1]);
  if (k < 0) vm.raise(vm.t.ValueError, "k must be a non-negative integer");
  if (k > n) return vm.new_int(0);
  BigInt r = 1;
  for (BigInt i = n - k + 1; i <= n; ++i) r *= i;
  return vm.new_int(r);
}

}  // namespace

void install_module_math(VM& vm) {
  ModuleObject* m = vm.new_module("math");
  vm.register_module(m);
  DictObject* d = m->attrs;
  dict_set_str(vm, d, "pi", vm.new_float(std::numbers::pi));
  dict_set_str(vm, d, "e", vm.new_float(std::numbers::e));
  dict_set_str(vm, d, "tau", vm.new_float(2 * std::numbers::pi));
  dict_set_str(vm, d, "inf", vm.new_float(std::numeric_limits<double>::infinity()));
  dict_set_str(vm, d, "nan", vm.new_float(std::numeric_limits<double>::quiet_NaN()));
  for (size_t i = 0; i < std::size(kMath1); ++i)
    vm.def_function(d, kMath1[i].name, math_fn1)->data = vm.new_tuple({vm.new_int(int64_t(i))});
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static constexpr Entry kFunctions[] = {
      {"log", math_log},         {"log10", math_log10},       {"log2", math_log2},
      {"log1p", math_log1p},     {"floor", math_round_fn<0>}, {"ceil", math_round_fn<1>},
      {"trunc", math_round_fn<2>}, {"pow", math_pow},         {"atan2", math_atan2},
      {"copysign", math_copysign}, {"fmod", math_fmod},       {"remainder", math_remainder},
      {"nextafter", math_nextafter}, {"ldexp", math_ldexp},   {"frexp", math_frexp},
      {"modf", math_modf},       {"ulp", math_ulp},           {"gamma", math_gamma},
      {"lgamma", math_lgamma},   {"isfinite", math_classify<0>}, {"isinf", math_classify<1>},
      {"isnan", math_classify<2>}, {"isclose", math_isclose}, {"hypot", math_hypot},
      {"dist", math_dist},       {"fsum", math_fsum},         {"prod", math_prod},
      {"factorial", math_factorial}, {"gcd", math_gcd},       {"lcm", math_lcm},
      {"isqrt", math_isqrt},     {"comb", math_comb},         {"perm", math_perm},
  };
  for (const Entry& e : kFunctions) vm.def_function(d, e.name, e.fn);
}

}  // namespace cv
