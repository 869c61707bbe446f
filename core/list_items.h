// ListItems: the storage of a list, a std::vector<Value> that reports its writes to the recorder.
//
// Why a wrapper: lists are modified from dozens of places (the dispatch loop, list
// methods, builtins, modules). Wrapping the vector makes every write go through a
// member that reports the touched range (write_observer.h), so the compiler, not a
// review, guarantees that the recorder sees each change. Reads through a const
// ListItems report nothing; mutable access (operator[], begin(), data()) reports the
// range it exposes, since the caller may write through it. A caller must not keep a
// mutable pointer across a call into Python code and write through it afterwards
// (no code does: list.sort moves the items out first, as CPython empties the list).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <utility>
#include <vector>

#include "core/value.h"
#include "core/write_observer.h"

namespace cv {

struct Object;
inline uint32_t object_rec_id(const Object* o);  // defined in object.h

class ListItems {
 public:
  using Vector = std::vector<Value>;
  using value_type = Value;
  using size_type = size_t;
  using difference_type = std::ptrdiff_t;
  using reference = Value&;
  using const_reference = const Value&;
  using pointer = Value*;
  using const_pointer = const Value*;
  using iterator = Value*;
  using const_iterator = const Value*;
  using reverse_iterator = std::reverse_iterator<Value*>;
  using const_reverse_iterator = std::reverse_iterator<const Value*>;

  explicit ListItems(Object* owner) : owner_(owner) {}
  ListItems(const ListItems&) = delete;  // storage belongs to one list

  ListItems& operator=(const ListItems& other) {
    if (this != &other) { items_ = other.items_; touch(0, kToEnd); }
    return *this;
  }
  ListItems& operator=(const Vector& v) { items_ = v; touch(0, kToEnd); return *this; }
  ListItems& operator=(Vector&& v) { items_ = std::move(v); touch(0, kToEnd); return *this; }
  ListItems& operator=(std::initializer_list<Value> v) { items_ = v; touch(0, kToEnd); return *this; }

  // Read access to the plain vector. No implicit conversion: `cond ? list->items : tuple->items`
  // would silently copy (and a `const std::vector<Value>&` bound to it would dangle).
  const Vector& vec() const { return items_; }
  // Moves the items out, leaving the list empty.
  Vector take() { touch(0, kToEnd); return std::move(items_); }

  // ---- reads
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  size_t capacity() const { return items_.capacity(); }
  const Value* data() const { return items_.data(); }
  const Value* begin() const { return items_.data(); }
  const Value* end() const { return items_.data() + items_.size(); }
  const Value* cbegin() const { return begin(); }
  const Value* cend() const { return end(); }
  const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
  const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }
  const Value& operator[](size_t i) const { return items_[i]; }
  const Value& at(size_t i) const { return items_.at(i); }
  const Value& front() const { return items_.front(); }
  const Value& back() const { return items_.back(); }
  friend bool operator==(const ListItems& a, const ListItems& b) { return a.items_ == b.items_; }

  // ---- mutable access: reported as a possible write of what it exposes
  Value* data() { touch(0, uint32_t(size())); return items_.data(); }
  Value* begin() { touch(0, uint32_t(size())); return items_.data(); }
  Value* end() { touch(0, uint32_t(size())); return items_.data() + items_.size(); }
  reverse_iterator rbegin() { return reverse_iterator(end()); }
  reverse_iterator rend() { return reverse_iterator(begin()); }
  Value& operator[](size_t i) { touch(uint32_t(i), uint32_t(i + 1)); return items_[i]; }
  Value& at(size_t i) { touch(uint32_t(i), uint32_t(i + 1)); return items_.at(i); }
  Value& front() { touch(0, 1); return items_.front(); }
  Value& back() { touch(uint32_t(size() - 1), uint32_t(size())); return items_.back(); }

  // ---- modifiers
  void push_back(Value v) { touch(uint32_t(size()), kToEnd); items_.push_back(v); }
  Value& emplace_back(Value v) { touch(uint32_t(size()), kToEnd); return items_.emplace_back(v); }
  void pop_back() { touch(uint32_t(size() - 1), kToEnd); items_.pop_back(); }
  void clear() { touch(0, kToEnd); items_.clear(); }
  void resize(size_t n) { touch(uint32_t(std::min(n, size())), kToEnd); items_.resize(n); }
  void resize(size_t n, Value v) { touch(uint32_t(std::min(n, size())), kToEnd); items_.resize(n, v); }
  void reserve(size_t n) { items_.reserve(n); }
  void shrink_to_fit() { items_.shrink_to_fit(); }
  template <class It>
  void assign(It first, It last) { touch(0, kToEnd); items_.assign(first, last); }
  void assign(size_t n, Value v) { touch(0, kToEnd); items_.assign(n, v); }
  void swap(Vector& other) { touch(0, kToEnd); items_.swap(other); }

  Value* insert(const Value* pos, Value v) {
    size_t at = index_of(pos);
    touch(uint32_t(at), kToEnd);
    return items_.data() + (items_.insert(items_.begin() + difference_type(at), v) - items_.begin());
  }
  Value* insert(const Value* pos, size_t n, Value v) {
    size_t at = index_of(pos);
    touch(uint32_t(at), kToEnd);
    return items_.data() + (items_.insert(items_.begin() + difference_type(at), n, v) - items_.begin());
  }
  template <class It>
  Value* insert(const Value* pos, It first, It last) {
    size_t at = index_of(pos);
    touch(uint32_t(at), kToEnd);
    return items_.data() + (items_.insert(items_.begin() + difference_type(at), first, last) - items_.begin());
  }
  Value* insert(const Value* pos, std::initializer_list<Value> values) { return insert(pos, values.begin(), values.end()); }
  Value* erase(const Value* pos) {
    size_t at = index_of(pos);
    touch(uint32_t(at), kToEnd);
    return items_.data() + (items_.erase(items_.begin() + difference_type(at)) - items_.begin());
  }
  Value* erase(const Value* first, const Value* last) {
    size_t a = index_of(first), b = index_of(last);
    touch(uint32_t(a), kToEnd);
    return items_.data() +
           (items_.erase(items_.begin() + difference_type(a), items_.begin() + difference_type(b)) - items_.begin());
  }

 private:
  size_t index_of(const Value* p) const { return size_t(p - items_.data()); }
  void touch(uint32_t lo, uint32_t hi) {
    if (object_rec_id(owner_) != 0) [[unlikely]] note_write_slow(owner_, lo, hi);
  }
  Vector items_;
  Object* owner_;
};

}  // namespace cv
