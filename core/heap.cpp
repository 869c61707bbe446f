// Heap: the mark phase's worklist marker, the sweep, and teardown of every object.
#include "core/heap.h"

#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <new>
#include <vector>

namespace {

// Per-thread allocation accounting (see AllocationCeiling). Plain thread_local integers: no
// initialisation guard, no atomics, so counting costs a few instructions per allocation.
thread_local int64_t t_allocated_bytes = 0;
constexpr int64_t kNoCeiling = std::numeric_limits<int64_t>::max();
thread_local int64_t t_ceiling = kNoCeiling;        // the ceiling in force (raised while the reserve is open)
thread_local int64_t t_armed_ceiling = kNoCeiling;  // the ceiling AllocationCeiling asked for
// Room for raising MemoryError, unwinding frames and formatting the traceback after the ceiling fired.
constexpr int64_t kEmergencyReserve = int64_t(64) << 20;

}  // namespace

void* operator new(std::size_t size) {
  if (size > std::size_t(kNoCeiling) || t_allocated_bytes + int64_t(size) > t_ceiling) {
    if (t_ceiling < kNoCeiling - kEmergencyReserve) t_ceiling += kEmergencyReserve;
    throw std::bad_alloc();
  }
  void* block = std::malloc(size ? size : 1);
  if (!block) throw std::bad_alloc();
  t_allocated_bytes += int64_t(malloc_usable_size(block));
  return block;
}

void operator delete(void* block) noexcept {
  if (!block) return;
  t_allocated_bytes -= int64_t(malloc_usable_size(block));
  std::free(block);
}

void operator delete(void* block, std::size_t) noexcept { operator delete(block); }

// The other forms route through the two above: the accounting then sees every block, and under
// AddressSanitizer (which supplies whichever forms a program does not) no block is allocated by
// one family and freed by another (libFuzzer's nothrow buffers were, and std::stable_sort's are).
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return operator new(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return operator new(size, std::nothrow); }
void operator delete(void* block, const std::nothrow_t&) noexcept { operator delete(block); }
void operator delete[](void* block) noexcept { operator delete(block); }
void operator delete[](void* block, std::size_t) noexcept { operator delete(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { operator delete(block); }

namespace cv {

int64_t thread_allocated_bytes() { return t_allocated_bytes; }

AllocationCeiling::AllocationCeiling(int64_t ceiling) : saved_ceiling_(t_ceiling), saved_armed_(t_armed_ceiling) {
  t_ceiling = t_armed_ceiling = ceiling;
}

AllocationCeiling::~AllocationCeiling() {
  t_ceiling = saved_ceiling_;
  t_armed_ceiling = saved_armed_;
}

void AllocationCeiling::rearm() {
  if (t_ceiling != t_armed_ceiling && t_allocated_bytes < t_armed_ceiling) t_ceiling = t_armed_ceiling;
}

// Marks with an explicit worklist rather than recursion: a million-node linked list
// would otherwise overflow the native stack. Each top-level visit drains the worklist
// before returning, so after visiting the roots every reachable object is marked.
struct Heap::Marker : GcMarker {
  explicit Marker(Heap& h) : heap(h) {}
  using GcMarker::visit;

  void visit(Object* object) override {
    if (!object || object->gc_mark == heap.epoch_) return;
    object->gc_mark = heap.epoch_;
    worklist.push_back(object);
    if (!draining) drain();
  }

  void drain() {
    draining = true;
    while (!worklist.empty()) {
      Object* object = worklist.back();
      worklist.pop_back();
      object->trace(*this);  // pushes the unmarked children
    }
    draining = false;
  }

  Heap& heap;
  std::vector<Object*> worklist;
  bool draining = false;
};

Heap::~Heap() {
  for (Object* object : objects_) destroy(object);
  objects_.clear();
  for (void* block : pool_blocks_) ::operator delete(block);
  pool_blocks_.clear();
  delete marker_;
}

void Heap::new_pool_block(Pool& pool, size_t slot_bytes) {
  // The old block's tail, too small for a slot, is given up: it no longer counts as free.
  pool_free_bytes_ -= int64_t(pool.fresh_end - pool.fresh);
  // One size per block keeps blocks interchangeable for the allocator; a block holds at least one slot.
  const size_t bytes = std::max(kPoolBlockBytes, slot_bytes);
  char* block = static_cast<char*>(::operator new(bytes));
  pool_blocks_.push_back(block);
  pool.fresh = block;
  pool.fresh_end = block + bytes;
  pool_free_bytes_ += int64_t(bytes);
}

void Heap::destroy(Object* object) {
  const size_t size_class = object->heap_size_class;
  object->~Object();
  if (size_class) give_back_slot(object, size_class);
  else ::operator delete(object);
}

GcMarker& Heap::begin_collection() {
  if (!marker_) marker_ = new Marker(*this);
  ++epoch_;
  if (epoch_ == 0) epoch_ = 1;  // new objects carry mark 0, which must never count as marked
  marker_->worklist.clear();
  marker_->draining = false;
  return *marker_;
}

void Heap::sweep() {
  if (marker_) marker_->drain();
  // A walk over an array rather than a linked list: the addresses are known ahead, so the
  // objects' headers can be fetched from memory before they are needed.
  constexpr size_t kPrefetchDistance = 16;
  const size_t count = objects_.size();
  Object** const all = objects_.data();
  size_t kept = 0;
  for (size_t i = 0; i < count; ++i) {
    if (i + kPrefetchDistance < count) __builtin_prefetch(all[i + kPrefetchDistance], 1);
    Object* object = all[i];
    if (object->gc_mark == epoch_) {
      all[kept++] = object;
    } else {
      if (object->rec_id != 0 && g_write_observer) g_write_observer->on_free(object);
      destroy(object);
    }
  }
  objects_.resize(kept);
  bytes_since_collection_ = 0;
}

}  // namespace cv
