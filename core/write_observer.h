// Write observer: how the recorder learns that a recorded heap object was modified.
//
// Every object carries `rec_id` (object.h): 0 until the recorder first records the
// object, then its id in the recording. Code that modifies a container, a cell or a
// displayed field calls note_write(object, lo, hi) with the index range it touched;
// for an object the recorder has not seen (rec_id == 0, always the case when nothing
// records) that is one load and a branch. Objects the recorder has not seen need no
// reports: it copies them whole the first time they become visible.
//
// Why a process-wide observer rather than a pointer in the VM: writes happen deep in
// native code (HashTable, list storage) that has no VM at hand. One recording runs at
// a time per process.
#pragma once

#include <cstdint>

namespace cv {

struct Object;

// Index ranges are [lo, hi) in the object's own storage (list items, hash table
// entries); kToEnd as `hi` means "from lo to the end, and the size may have changed".
constexpr uint32_t kToEnd = 0xffffffffu;

class WriteObserver {
 public:
  virtual ~WriteObserver() = default;
  // A recorded object (rec_id != 0) was or may be about to be modified in [lo, hi).
  virtual void on_write(Object* object, uint32_t lo, uint32_t hi) = 0;
  // A recorded object is being freed by the collector.
  virtual void on_free(Object* object) = 0;
};

// The observer of the running recording, null when nothing records.
extern WriteObserver* g_write_observer;

void note_write_slow(Object* object, uint32_t lo, uint32_t hi);

}  // namespace cv
