// Write observer: the process-wide pointer to the running recording's observer (write_observer.h).
#include "core/write_observer.h"

namespace cv {

WriteObserver* g_write_observer = nullptr;

void note_write_slow(Object* object, uint32_t lo, uint32_t hi) {
  if (g_write_observer) g_write_observer->on_write(object, lo, hi);
}

}  // namespace cv
