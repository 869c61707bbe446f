// Heap: allocation and the mark-and-sweep collector for every Python object.
//
// Why a tracing collector: cycles are common in closure programs (a function whose
// closure cell refers back to the function), and the visualizer needs to know which
// objects are reachable from the live frames anyway. Collection only happens at
// VM safe points (see VM::maybe_collect), never inside native code that may hold
// unrooted pointers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

#include "core/object.h"

namespace cv {

// Memory accounting for RunLimits::max_heap_bytes. heap.cpp replaces the global operator
// new/delete so that every C++ allocation (object headers, list storage, string text, dict
// tables, big ints, frames) is counted per thread; an object-by-object estimate would miss
// the storage natives grow behind the collector's back (`list(range(10**9))`).
int64_t thread_allocated_bytes();  // bytes this thread holds from operator new now

// While alive, operator new on this thread throws std::bad_alloc instead of letting the thread's
// holding pass `ceiling` bytes: the last line of defence against native code that allocates in
// a loop with no safe point in between (the VM turns bad_alloc into MemoryError). After it has
// fired, a reserve above the ceiling lets the MemoryError and its unwinding allocate; rearm()
// removes the reserve again once the holding is back under the ceiling.
class AllocationCeiling {
 public:
  explicit AllocationCeiling(int64_t ceiling);
  ~AllocationCeiling();
  AllocationCeiling(const AllocationCeiling&) = delete;
  AllocationCeiling& operator=(const AllocationCeiling&) = delete;
  static void rearm();

 private:
  int64_t saved_ceiling_;
  int64_t saved_armed_;
};

class Heap {
 public:
  Heap() = default;
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;
  ~Heap();

  template <class T, class... Args>
  T* make(Args&&... args) {
    T* object = new T(std::forward<Args>(args)...);
    object->gc_next = all_;
    object->serial = ++serial_counter_;
    all_ = object;
    ++object_count_;
    bytes_since_collection_ += sizeof(T);
    return object;
  }

  // Bytes allocated since the last collection, as an estimate for scheduling collections.
  size_t bytes_since_collection() const { return bytes_since_collection_; }
  // Extra memory owned by an object (vector storage, string text) counts towards scheduling too.
  void note_external_bytes(size_t n) { bytes_since_collection_ += n; }
  size_t object_count() const { return object_count_; }
  // Bytes allocated on this thread since the heap was created and not yet freed (everything the
  // run holds: objects, their storage, frames, the compiled program).
  int64_t bytes_in_use() const { return thread_allocated_bytes() - baseline_bytes_; }

  // Mark phase: the caller visits every root through `marker()`, then calls sweep().
  GcMarker& begin_collection();
  void sweep();
  bool is_marked(const Object* o) const { return o->gc_mark == epoch_; }
  uint32_t epoch() const { return epoch_; }

 private:
  struct Marker;
  Object* all_ = nullptr;
  size_t object_count_ = 0;
  size_t bytes_since_collection_ = 0;
  uint32_t serial_counter_ = 0;
  uint32_t epoch_ = 0;
  Marker* marker_ = nullptr;
  int64_t baseline_bytes_ = thread_allocated_bytes();
};

}  // namespace cv
