// Value: one machine word holding either a small int inline or a pointer to a heap Object.
//
// Why tagged: closure lessons are full of counters and arithmetic on small ints;
// keeping them out of the heap makes `count += 1` allocation-free. Everything
// else (None, bools, floats, big ints, strings, ...) is a heap Object pointer.
// Tag: lowest bit 1 = small int (value in the upper 63 bits), 0 = Object* (8-aligned).
// The null pointer is "no value": an unbound local, an empty cell, a missing result.
#pragma once

#include <cassert>
#include <cstdint>

namespace cv {

struct Object;

class Value {
 public:
  // Small ints span 62 bits of magnitude so that the sum or difference of two of them
  // still fits in an int64 before the range check.
  static constexpr int64_t kSmallMax = (int64_t(1) << 61) - 1;
  static constexpr int64_t kSmallMin = -(int64_t(1) << 61);

  constexpr Value() : bits_(0) {}
  Value(Object* object) : bits_(reinterpret_cast<uintptr_t>(object)) {}  // NOLINT: implicit by design

  static Value small_int(int64_t v) {
    assert(v >= kSmallMin && v <= kSmallMax);
    Value out;
    out.bits_ = (static_cast<uint64_t>(v) << 1) | 1u;
    return out;
  }
  static bool fits_small(int64_t v) { return v >= kSmallMin && v <= kSmallMax; }

  bool is_small_int() const { return bits_ & 1u; }
  bool is_object() const { return !(bits_ & 1u) && bits_ != 0; }
  bool is_null() const { return bits_ == 0; }
  explicit operator bool() const { return bits_ != 0; }

  int64_t as_small_int() const {
    assert(is_small_int());
    return static_cast<int64_t>(bits_) >> 1;
  }
  Object* as_object() const {
    assert(!is_small_int());
    return reinterpret_cast<Object*>(bits_);
  }
  uint64_t raw_bits() const { return bits_; }

  // Identity, as Python's `is`.
  friend bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }
  friend bool operator!=(Value a, Value b) { return a.bits_ != b.bits_; }

 private:
  uint64_t bits_;
};

}  // namespace cv
