// Heap: the mark phase's worklist marker, the sweep, and teardown of every object.
#include "core/heap.h"

#include <vector>

namespace cv {

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
  Object* object = all_;
  while (object) {
    Object* next = object->gc_next;
    delete object;
    object = next;
  }
  all_ = nullptr;
  object_count_ = 0;
  delete marker_;
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
  Object** link = &all_;
  while (Object* object = *link) {
    if (object->gc_mark != epoch_) {
      *link = object->gc_next;
      if (object->rec_id != 0 && g_write_observer) g_write_observer->on_free(object);
      delete object;
      --object_count_;
    } else {
      link = &object->gc_next;
    }
  }
  bytes_since_collection_ = 0;
}

}  // namespace cv
