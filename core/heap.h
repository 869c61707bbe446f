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
#include <vector>

#include "core/object.h"

// Pooled object allocation (see Heap), off under AddressSanitizer (GCC's and Clang's spellings).
#if defined(__SANITIZE_ADDRESS__)
#define CV_HEAP_POOLS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CV_HEAP_POOLS 0
#endif
#endif
#ifndef CV_HEAP_POOLS
#define CV_HEAP_POOLS 1
#endif

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

// Why pools: a program makes and drops millions of small objects (strs, floats, tuples, bound
// methods). Taking each from malloc costs a call, a free-list search and the accounting above;
// a pool per size hands out and takes back a slot with a pointer swap, packs objects densely (the
// collector then touches fewer cache lines) and spends no malloc header per object. Blocks of
// the pools come from operator new, so the memory limit still sees them.
class Heap {
 public:
  Heap() = default;
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;
  ~Heap();

  template <class T, class... Args>
  T* make(Args&&... args) {
    // Pool slots are 8-byte aligned; a more aligned layout (a big int's limbs) takes operator new's blocks.
    constexpr size_t size_class = alignof(T) <= kSlotAlign ? size_class_of(sizeof(T)) : 0;
    // Room in the object list first: once the object exists, registering it must not throw.
    if (objects_.size() == objects_.capacity()) objects_.reserve(objects_.size() * 2 + 1024);
    void* block = size_class ? take_slot(size_class) : ::operator new(sizeof(T));
    T* object;
    try {
      object = new (block) T(std::forward<Args>(args)...);
    } catch (...) {
      if (size_class) give_back_slot(block, size_class);
      else ::operator delete(block);
      throw;
    }
    object->heap_size_class = uint8_t(size_class);
    object->serial = ++serial_counter_;
    objects_.push_back(object);
    bytes_since_collection_ += sizeof(T);
    return object;
  }

  // Bytes allocated since the last collection, as an estimate for scheduling collections.
  size_t bytes_since_collection() const { return bytes_since_collection_; }
  // Extra memory owned by an object (vector storage, string text) counts towards scheduling too.
  void note_external_bytes(size_t n) { bytes_since_collection_ += n; }
  size_t object_count() const { return objects_.size(); }
  // Bytes allocated on this thread since the heap was created and not yet freed (everything the
  // run holds: objects, their storage, frames, the compiled program). Free pool slots are not held.
  int64_t bytes_in_use() const { return thread_allocated_bytes() - baseline_bytes_ - pool_free_bytes_; }

  // Mark phase: the caller visits every root through `marker()`, then calls sweep().
  GcMarker& begin_collection();
  void sweep();
  bool is_marked(const Object* o) const { return o->gc_mark == epoch_; }
  uint32_t epoch() const { return epoch_; }

 private:
  struct Marker;
  static constexpr size_t kSlotAlign = 8;
  static constexpr size_t kLargestPooled = 512;  // bigger objects (rare: types) come from operator new
  static constexpr size_t kPoolCount = kLargestPooled / kSlotAlign + 1;
  static constexpr size_t kPoolBlockBytes = size_t(64) << 10;
  // Pool index for an object of `size` bytes (its size in 8-byte units), 0 = not pooled. Under
  // AddressSanitizer every object comes from operator new, so that a use after free is caught.
  static constexpr size_t size_class_of(size_t size) {
#if CV_HEAP_POOLS
    return size <= kLargestPooled ? (size + kSlotAlign - 1) / kSlotAlign : 0;
#else
    (void)size;
    return 0;
#endif
  }
  struct FreeSlot { FreeSlot* next; };
  struct Pool {
    FreeSlot* free = nullptr;  // slots given back, reused first (most recently freed first)
    char* fresh = nullptr;     // never-used slots of the newest block: [fresh, fresh_end)
    char* fresh_end = nullptr;
  };

  void* take_slot(size_t size_class) {
    Pool& pool = pools_[size_class];
    const size_t slot_bytes = size_class * kSlotAlign;
    void* slot;
    if (FreeSlot* free_slot = pool.free) {
      pool.free = free_slot->next;
      slot = free_slot;
    } else {
      if (pool.fresh + slot_bytes > pool.fresh_end) new_pool_block(pool, slot_bytes);  // may throw bad_alloc
      slot = pool.fresh;
      pool.fresh += slot_bytes;
    }
    pool_free_bytes_ -= int64_t(slot_bytes);
    return slot;
  }
  void give_back_slot(void* block, size_t size_class) {
    Pool& pool = pools_[size_class];
    pool.free = new (block) FreeSlot{pool.free};
    pool_free_bytes_ += int64_t(size_class * kSlotAlign);
  }
  void new_pool_block(Pool& pool, size_t slot_bytes);
  void destroy(Object* object);

  std::vector<Object*> objects_;  // every live object, in allocation order (compacted by sweep)
  Pool pools_[kPoolCount];
  std::vector<void*> pool_blocks_;
  int64_t pool_free_bytes_ = 0;    // bytes of pool blocks not holding an object
  size_t bytes_since_collection_ = 0;
  uint32_t serial_counter_ = 0;
  uint32_t epoch_ = 0;
  Marker* marker_ = nullptr;
  int64_t baseline_bytes_ = thread_allocated_bytes();
};

}  // namespace cv
