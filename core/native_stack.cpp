// Native stack headroom: the current thread's stack bounds (looked up once per thread) against the current frame address.
#include "core/native_stack.h"

#include <cstdint>

#if !defined(__EMSCRIPTEN__) && defined(__linux__)
#include <pthread.h>
#define CV_HAVE_STACK_BOUNDS 1
#endif

#if defined(__SANITIZE_ADDRESS__)
#define CV_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CV_ASAN 1
#endif
#endif

namespace cv {

namespace {

// The lowest usable address of this thread's stack; 0 when unknown.
uintptr_t lookup_stack_low_end() {
#ifdef CV_HAVE_STACK_BOUNDS
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) != 0) return 0;
  void* low = nullptr;
  size_t size = 0;
  const int failed = pthread_attr_getstack(&attributes, &low, &size);
  size_t guard = 0;
  pthread_attr_getguardsize(&attributes, &guard);
  pthread_attr_destroy(&attributes);
  if (failed != 0 || low == nullptr || size == 0) return 0;
  // Some C libraries count a thread's guard pages as part of its stack; when this one does not,
  // skipping them anyway only leaves a little more headroom.
  return reinterpret_cast<uintptr_t>(low) + guard;
#else
  return 0;
#endif
}

struct ThreadStack {
  bool looked_up = false;
  uintptr_t low_end = 0;
};

thread_local ThreadStack this_thread_stack;

uintptr_t stack_low_end() {
  if (!this_thread_stack.looked_up) {
    this_thread_stack.low_end = lookup_stack_low_end();
    this_thread_stack.looked_up = true;
  }
  return this_thread_stack.low_end;
}

}  // namespace

size_t native_stack_left() {
  const uintptr_t low = stack_low_end();
  if (low == 0) return SIZE_MAX;
  // The frame address, not a local's: with ASan's fake stacks (detect_stack_use_after_return)
  // locals live on the heap, while the frame pointer stays on the real stack.
  const uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  return here > low ? size_t(here - low) : 0;
}

size_t native_stack_reserve() {
#ifdef CV_ASAN
  return size_t(1) << 20;
#else
  return size_t(256) << 10;
#endif
}

bool native_stack_low() { return native_stack_left() < native_stack_reserve(); }

}  // namespace cv
